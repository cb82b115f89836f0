/**
 * Passwords, judged by what the code calls them: `password`, `newPwd`, `req.body.pass`,
 * `user.getPassword()`. Rules about password hashing and login flows use this to tell a
 * password from the many things that sit next to one (a reset token, a policy, a length).
 */
import { propertyName, staticValue, unwrap } from './ast.js';
import { nameOf, nameWords } from './identifier-words.js';
import type { Node } from './types.js';
import { isFunction } from './value-origin.js';

/** Words that name a password. `pass` and `pw` count only as the last word (`userPass`, not `passThrough`). */
const PASSWORD_WORDS = new Set(['password', 'passwords', 'passwd', 'pwd', 'passphrase', 'passcode', 'pword']);
const SHORT_PASSWORD_WORDS = new Set(['pass', 'pw']);

/** Words that make a password-ish name mean something else: a `passwordResetToken`, a `passwordPolicy`. */
const NOT_THE_PASSWORD = new Set([
  'reset', 'token', 'policy', 'policies', 'length', 'len', 'min', 'max', 'hint', 'rule', 'rules', 'expires', 'expiry', 'expired',
  'expiration', 'changed', 'updated', 'at', 'date', 'attempts', 'attempt', 'count', 'field', 'fields', 'label', 'placeholder',
  'selector', 'strength', 'score', 'regex', 'pattern', 'required', 'visible', 'show', 'shown', 'error', 'errors', 'message',
  'type', 'url', 'link', 'salt', 'enabled', 'mode', 'el', 'element', 'ref', 'icon', 'toggle', 'schema', 'validator', 'version',
  'status', 'history', 'forgot', 'last', 'is', 'has', 'should', 'must', 'can', 'needs', 'valid', 'invalid', 'match', 'matches',
  'compare', 'verify', 'check', 'validate', 'mismatch', 'manager', 'generator', 'options', 'config', 'hasher', 'algorithm',
]);

/** Words that mean "a hash of the password": a fine place to store a hash, not a plain password. */
const HASH_WORDS = new Set(['hash', 'hashed', 'digest', 'encrypted', 'crypted', 'hashes']);

function hasPasswordWord(words: readonly string[]): boolean {
  return words.some((w, i) => PASSWORD_WORDS.has(w) || (SHORT_PASSWORD_WORDS.has(w) && i === words.length - 1));
}

/** True for any name about a password: `validPassword`, `passwordMatches`, `checkPwd` as well as `password`. */
export function namesPassword(name: string | undefined): boolean {
  return !!name && hasPasswordWord(nameWords(name));
}

/** True for a name that holds a password in clear: `password`, `newPassword`, `userPwd`, `plainPass`. */
export function isPasswordName(name: string | undefined): boolean {
  if (!name) return false;
  const words = nameWords(name);
  return hasPasswordWord(words) && !words.some((w) => NOT_THE_PASSWORD.has(w) || HASH_WORDS.has(w));
}

/** True for a name that stores a password or its hash: `password`, `passwordHash`, `hashedPassword`, `user_pwd`. */
export function isPasswordStoreName(name: string | undefined): boolean {
  if (!name) return false;
  const words = nameWords(name);
  return hasPasswordWord(words) && !words.some((w) => NOT_THE_PASSWORD.has(w));
}

/**
 * The first part of an expression that names a password (`req.body.password`, `pwd`, `${salt}${password}`,
 * `user.getPassword()`), or undefined. Looks through concatenations, templates, conversions
 * and method calls on a value, not into functions.
 */
export function passwordPart(node: Node | null | undefined): Node | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  switch (n.type) {
    case 'Identifier':
      return isPasswordName(n.name) ? n : undefined;
    case 'MemberExpression': {
      const prop = propertyName(n.property, n.computed) ?? staticValue(n.property);
      // `user.password.length` is a number: judge a member by its own name only.
      return prop !== undefined && isPasswordName(prop) ? n : undefined;
    }
    case 'CallExpression': {
      if (isPasswordName(nameOf(n.callee))) return n; // user.getPassword()
      const callee = unwrap(n.callee);
      // password.trim(), Buffer.from(password, 'utf8'), String(pwd), `${salt}:${password}`.normalize()
      if (callee?.type === 'MemberExpression') {
        const onReceiver = passwordPart(callee.object);
        if (onReceiver) return onReceiver;
      }
      for (const a of n.arguments) {
        const hit = passwordPart(a.type === 'SpreadElement' ? a.argument : a);
        if (hit) return hit;
      }
      return undefined;
    }
    case 'TemplateLiteral':
      for (const e of n.expressions) {
        const hit = passwordPart(e);
        if (hit) return hit;
      }
      return undefined;
    case 'BinaryExpression':
      return n.operator === '+' ? passwordPart(n.left) ?? passwordPart(n.right) : undefined;
    case 'LogicalExpression':
      return passwordPart(n.left) ?? passwordPart(n.right);
    case 'ConditionalExpression':
      return passwordPart(n.consequent) ?? passwordPart(n.alternate);
    case 'AwaitExpression':
      return passwordPart(n.argument);
    case 'ArrayExpression':
      for (const e of n.elements) {
        const hit = e && passwordPart(e.type === 'SpreadElement' ? e.argument : e);
        if (hit) return hit;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Where the value of `node` ends up, by name: the variable, property or field it is stored
 * in, or the function it is returned from (`const passwordHash = ...`, `user.password = ...`,
 * `{ hash: ... }`, `function hashPassword() { return ... }`).
 */
export function storedName(node: Node): { name: string | undefined; owner: string | undefined } | undefined {
  let cur = node;
  for (;;) {
    const p = cur.parent;
    if (!p) return undefined;
    if (
      (p.type === 'MemberExpression' && p.object === cur) ||
      (p.type === 'CallExpression' && p.callee === cur) ||
      p.type === 'AwaitExpression' ||
      p.type === 'TSAsExpression' ||
      p.type === 'TSNonNullExpression' ||
      p.type === 'ChainExpression' ||
      (p.type === 'ConditionalExpression' && p.test !== cur) ||
      (p.type === 'LogicalExpression' && p.right === cur)
    ) {
      cur = p;
      continue;
    }
    if (p.type === 'VariableDeclarator' && p.init === cur) return { name: nameOf(p.id), owner: undefined };
    if (p.type === 'AssignmentExpression' && p.right === cur) {
      const left = unwrap(p.left);
      return { name: nameOf(left), owner: left?.type === 'MemberExpression' ? nameOf(left.object) : undefined };
    }
    if ((p.type === 'Property' || p.type === 'PropertyDefinition') && p.value === cur) return { name: propertyName(p.key, p.computed), owner: undefined };
    if (p.type === 'ReturnStatement' || (isFunction(p) && p.body === cur)) {
      let f: Node | null | undefined = p;
      while (f && !isFunction(f)) f = f.parent;
      return f ? { name: functionLabel(f), owner: undefined } : undefined;
    }
    return undefined;
  }
}

/** What a function is called: its id, or the variable, property or method it is stored in. */
export function functionLabel(fn: Node): string | undefined {
  if (fn.id?.type === 'Identifier') return fn.id.name;
  const p = fn.parent;
  if (p?.type === 'VariableDeclarator') return nameOf(p.id);
  if (p?.type === 'AssignmentExpression') return nameOf(p.left);
  if ((p?.type === 'Property' || p?.type === 'MethodDefinition' || p?.type === 'PropertyDefinition') && p.value === fn) return propertyName(p.key, p.computed);
  return undefined;
}
