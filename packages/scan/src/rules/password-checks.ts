/**
 * Credential checks as code shows them, shared by the login rules: a password verification
 * (bcrypt.compare, argon2.verify, `user.validPassword(pw)`, `user.password === md5(pw)`) and
 * whether a function is a login handler.
 */
import { enclosingFunction, resolveCallee, unwrap } from './ast.js';
import { nameOf, nameWords } from './identifier-words.js';
import { functionLabel, isPasswordStoreName, namesPassword, passwordPart } from './password-values.js';
import type { JsRuleContext, Node } from './types.js';
import { findDeclaration } from './value-origin.js';
import { findRoutes, handlerFunction } from './web-apps.js';

/** Roots that hold the authenticated caller, not a lookup by what the client typed. */
export const CALLER_ROOTS = new Set(['req', 'request', 'ctx', 'context', 'session', 'res', 'this']);


/** Words in a verification function's name: `comparePassword`, `user.validPassword`, `verify`. */
const VERIFY_WORDS = new Set(['compare', 'verify', 'check', 'validate', 'valid', 'match', 'matches', 'correct', 'authenticate', 'is', 'equals', 'equal', 'same']);
const VERIFY_MODULES: Readonly<Record<string, readonly string[]>> = {
  bcrypt: ['compare', 'compareSync'],
  bcryptjs: ['compare', 'compareSync'],
  '@node-rs/bcrypt': ['compare', 'compareSync', 'verify', 'verifySync'],
  argon2: ['verify'],
  '@node-rs/argon2': ['verify', 'verifySync'],
};

/** Login-ish names and route paths: raise confidence. */
export const LOGIN_NAME = /log_?in|sign_?in|authenticat|session|auth|credential|verify_?user|validate_?user/i;
export const LOGIN_PATH = /login|signin|sign-in|authenticate|session|auth|token/i;

export function rootIdentifier(node: Node): Node | undefined {
  let n = unwrap(node);
  while (n?.type === 'MemberExpression') n = unwrap(n.object);
  return n?.type === 'Identifier' ? n : undefined;
}
/** Words of password *strength* checks, which are not credential checks: isStrongPassword, validatePasswordPolicy. */
const STRENGTH_WORDS = new Set(['strong', 'strength', 'weak', 'complex', 'complexity', 'policy', 'format', 'length', 'requirements', 'rules', 'pattern', 'regex']);
const VALIDATOR_RECEIVERS = new Set(['validator', 'validators', 'validate', 'validation', 'schema', 'joi', 'yup', 'zod', 'rules', 'policy']);

/**
 * A credential check: bcrypt.compare / argon2.verify, a method of the looked-up account
 * (`user.validPassword(pw)`, `account.comparePassword(pw)`), or a function comparing two
 * values (`checkPassword(pw, user.hash)`). One-argument strength checks are not.
 */
export function isVerifyCall(call: Node, context: JsRuleContext): boolean {
  if (call.type !== 'CallExpression') return false;
  const b = resolveCallee(call.callee, context.sourceCode);
  if (b && VERIFY_MODULES[b.module]?.includes(b.path[b.path.length - 1])) return true;
  const about = (a: Node): boolean => !!passwordPart(a) || isPasswordStoreName(nameOf(a));
  if (b?.module === 'crypto' && b.path[0] === 'timingSafeEqual') return call.arguments.some(about);
  const name = nameOf(call.callee);
  if (!name) return false;
  const words = nameWords(name);
  if (!words.some((w) => VERIFY_WORDS.has(w)) || words.some((w) => STRENGTH_WORDS.has(w))) return false;
  if (!namesPassword(name) && !call.arguments.some(about)) return false;
  const callee = unwrap(call.callee)!;
  if (callee.type === 'MemberExpression') {
    const receiver = nameOf(callee.object);
    return !!receiver && !nameWords(receiver).some((w) => VALIDATOR_RECEIVERS.has(w)) && !CALLER_ROOTS.has(receiver);
  }
  return call.arguments.length >= 2;
}

/** `user.password`, `rows[0].password_hash`, `md5(password)`: the stored side of a comparison (not `req.body.confirmPassword`). */
export function isStoredPassword(node: Node): boolean {
  const n = unwrap(node)!;
  if (n.type === 'CallExpression') return n.arguments.some((a: Node) => !!passwordPart(a));
  if (n.type !== 'MemberExpression' || !isPasswordStoreName(nameOf(n))) return false;
  const root = rootIdentifier(n);
  return !!root && !CALLER_ROOTS.has(root.name) && !['body', 'input', 'data', 'params', 'args', 'form', 'dto', 'payload', 'credentials'].includes(nameOf(n.object) ?? '');
}

/** For `if (test)`: true if the test is "password wrong", false if "password right", undefined if not a password check. */
export function passwordCheckNegative(test: Node, context: JsRuleContext): boolean | undefined {
  const t = unwrap(test)!;
  if (t.type === 'UnaryExpression' && t.operator === '!') {
    const inner = passwordCheckNegative(t.argument, context);
    return inner === undefined ? undefined : !inner;
  }
  if (t.type === 'AwaitExpression') return passwordCheckNegative(t.argument, context);
  if (t.type === 'CallExpression') return isVerifyCall(t, context) ? false : undefined;
  if (t.type === 'BinaryExpression' && ['==', '===', '!=', '!=='].includes(t.operator)) {
    // user.password !== md5(password): one side stored, the other the password given.
    const about = (x: Node): boolean => !!passwordPart(x) || isPasswordStoreName(nameOf(x));
    if ((isStoredPassword(t.left) && about(t.right)) || (isStoredPassword(t.right) && about(t.left))) return t.operator.startsWith('!');
    return undefined;
  }
  if (t.type === 'Identifier') {
    const d = findDeclaration(t.name, t);
    if (!d) return undefined;
    if ((d.kind === 'const' || d.kind === 'let' || d.kind === 'var') && d.node.init) {
      let init = unwrap(d.node.init)!;
      if (init.type === 'AwaitExpression') init = unwrap(init.argument)!;
      return isVerifyCall(init, context) ? false : undefined;
    }
    // bcrypt.compare(pw, hash, (err, same) => { if (!same) ... })
    if (d.kind === 'param' && (d.index ?? 0) > 0 && d.node.parent?.type === 'CallExpression' && isVerifyCall(d.node.parent, context)) return false;
  }
  return undefined;
}

export function isLoginLike(fn: Node | undefined, context: JsRuleContext): boolean {
  for (let f = fn; f; f = enclosingFunction(f)) {
    if (LOGIN_NAME.test(functionLabel(f) ?? '')) return true;
    if (f.params.some((p: Node) => nameOf(p) === 'password')) return true;
    for (const r of findRoutes(context.sourceCode)) {
      if (r.path && LOGIN_PATH.test(r.path) && r.handlers.some((h) => handlerFunction(h)?.fn === f)) return true;
    }
    // passport.use(new LocalStrategy(async (username, password, done) => ...))
    if (f.parent?.type === 'NewExpression' && /Strategy$/.test(nameOf(f.parent.callee) ?? '')) return true;
  }
  return false;
}
