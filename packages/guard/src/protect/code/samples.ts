/**
 * Samples the code-injection detector must get right, run by the test harness: the code the app
 * built (for eval, Function or vm) and the user input it put there.
 */
export interface CodeSample {
  readonly input: string;
  readonly code: string;
}

export const CODE_ATTACKS: readonly CodeSample[] = Object.freeze([
  { input: "require('child_process').execSync('id')", code: "require('child_process').execSync('id')" },
  { input: '1; process.exit()', code: 'total = 1; process.exit()' },
  { input: "'; process.exit(); '", code: "var name = ''; process.exit(); ''" },
  { input: '"+process.env.SECRET+"', code: 'return "Hello "+process.env.SECRET+""' },
  { input: '${process.env.SECRET}', code: 'return `Hello ${process.env.SECRET}`' },
  { input: '`+this.constructor.constructor("return process")()+`', code: 'return `a`+this.constructor.constructor("return process")()+``' },
  { input: "x') || global.pwned('", code: "check('x') || global.pwned('')" },
  { input: '1 // rest', code: 'if (n > 1 // rest) deny()' },
  { input: '1 /* ', code: 'limit = 1 /* ; check() */' },
  { input: 'a){}; evil(); function b(', code: '(function anonymous(a){}; evil(); function b(\n) {\nreturn 1\n})' },
  { input: "x', 'admin", code: "setRole('x', 'admin', 'user')" },
  { input: '1, "admin"', code: 'setRole(1, "admin")' },
  { input: '{}, evil({})', code: 'config = {}, evil({})' },
  { input: '[1].map(alert)', code: 'list = [1].map(alert)' },
  { input: '2*3', code: 'x = 2*3' },
  { input: 'price*0.9', code: 'return price*0.9' },
  { input: '1 <!--', code: 'a = 1 <!-- ; check()' },
  { input: '//', code: 'if (ok(// ) && allowed())\n{ grant() }' },
  { input: "'abc", code: "x = 'abc + '; check()'" },
  // The app escaped quotes but not backslashes: \' became \\', and the backslash ate the escape.
  { input: "\\'; evil(); //", code: "s = '\\\\'; evil(); //'" },
  { input: '/./.source+process', code: 'v = /./.source+process' },
  { input: 'a\u2028evil()', code: 'x = a\u2028evil()' },
]);

export const CODE_BENIGN: readonly CodeSample[] = Object.freeze([
  { input: '42', code: 'price * 42' },
  { input: '0.9', code: 'return price*0.9' },
  { input: '-5', code: 'return balance + -5' },
  { input: '1e3', code: 'x = 1e3' },
  { input: "O'Brien", code: 'greet("O\'Brien")' },
  { input: 'select shoes', code: "search('select shoes')" },
  { input: 'a; b(); c', code: "log('a; b(); c')" },
  { input: '1 OR 2 apples', code: 'note = "1 OR 2 apples"' },
  { input: 'I <3 cats', code: 'msg = `I <3 cats`' },
  { input: '${x}', code: "t = '${x}'" },
  { input: '{"a":[1,2,{"b":null}],"c":"d"}', code: '({"a":[1,2,{"b":null}],"c":"d"})' },
  { input: '[1, 2, 3]', code: 'data = [1, 2, 3]' },
  { input: 'a/b/c', code: "path = 'a/b/c'" },
  { input: '// not code', code: "label = '// not code'" },
  { input: 'hello world', code: '/* hello world */ 1' },
  { input: 'x+y', code: 're = /x+y/g' },
  { input: 'en-US', code: "locale = 'en-US'" },
]);
