import { containsNode, enclosingFunction, isNode, memberPath, nodeStart, propertyName, staticValue, unwrap } from '../ast.js';
import { nameOf, nameWords } from '../identifier-words.js';
import { CALLER_ROOTS, isLoginLike, passwordCheckNegative, rootIdentifier } from '../password-checks.js';
import { namesPassword } from '../password-values.js';
import type { JsRule, JsRuleContext, Node } from '../types.js';
import { findDeclaration, isFunction } from '../value-origin.js';
import { isContextName, readAnswer } from '../web-apps.js';

/**
 * A login that answers "no such user" differently from "wrong password" tells an attacker
 * which accounts exist: the first step of credential stuffing and targeted phishing. The
 * rule pairs the branch taken when the user lookup finds nothing with the branch taken when
 * the password check fails, and compares what each sends: status code, messages, error type.
 * Branches that call one shared helper, or send the same thing, are fine.
 */

/** Words naming the result of an account lookup. */
const USER_WORDS = new Set(['user', 'users', 'account', 'accounts', 'member', 'customer', 'admin', 'person', 'profile', 'principal', 'identity', 'employee', 'owner', 'found', 'existing', 'record', 'row', 'rows', 'result', 'results', 'doc', 'entity']);
/** Words that make such a name an input or an id, not a lookup result (`userId`, `userEmail`). */
const NOT_A_LOOKUP = new Set(['id', 'ids', 'name', 'username', 'email', 'mail', 'phone', 'input', 'data', 'body', 'param', 'params', 'query', 'required', 'role', 'roles', 'type', 'count', 'agent']);
const CALLER_SOURCE = /^((req|request|ctx|context)\.(user|session|auth|state\.user)|res\.locals)(\.|$)/;

interface Check {
  readonly ifNode: Node;
  /** The branch taken when no user was found / the password was wrong. */
  readonly branch: Node;
}

function isUserName(name: string | undefined): boolean {
  if (!name) return false;
  const words = nameWords(name);
  return words.some((w) => USER_WORDS.has(w)) && !words.some((w) => NOT_A_LOOKUP.has(w)) && !namesPassword(name);
}

/** `user`, `result.user`, `rows[0]`: a lookup result the code went and fetched (not the logged-in caller). */
function isLookupResult(node: Node): boolean {
  const n = unwrap(node);
  if (!n || (n.type !== 'Identifier' && n.type !== 'MemberExpression')) return false;
  const name = n.type === 'MemberExpression' && n.computed ? nameOf(n.object) : nameOf(n);
  if (!isUserName(name)) return false;
  const root = rootIdentifier(n);
  if (!root || CALLER_ROOTS.has(root.name)) return false;
  const d = findDeclaration(root.name, root);
  if (!d) return false;
  if (d.kind === 'param') {
    // (err, user) => ...: a callback receiving the lookup result, not a handler's own parameter.
    const fn = d.node;
    return (d.index ?? 0) > 0 && fn.parent?.type === 'CallExpression' && fn.parent.arguments.includes(fn) && !CALLER_ROOTS.has(nameOf(fn.params[0]) ?? '');
  }
  if (d.kind !== 'const' && d.kind !== 'let' && d.kind !== 'var') return false;
  const init = d.node.init;
  if (!init) return d.kind !== 'const';
  let hasCall = false;
  let byCaller = false;
  walkShallow(init, (x) => {
    if (x.type === 'CallExpression' || x.type === 'AwaitExpression') hasCall = true;
    if (x.type === 'MemberExpression' && CALLER_SOURCE.test(memberPath(x) ?? '')) byCaller = true;
  });
  return hasCall && !byCaller;
}

/** Walks an expression or statement without entering nested functions. */
function walkShallow(root: Node, enter: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    enter(n);
    const children: Node[] = [];
    for (const key in n) {
      if (key === 'parent' || key === 'typeAnnotation' || key === 'returnType' || key === 'typeArguments' || key === 'typeParameters') continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (const c of v) if (isNode(c) && !isFunction(c)) children.push(c);
      } else if (isNode(v) && !isFunction(v)) children.push(v);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** For `if (test)`: true if the test is "no user found", false if "user found", undefined if not a user check. */
function userCheckNegative(test: Node): { negative: boolean; subject: Node } | undefined {
  const t = unwrap(test)!;
  if (t.type === 'UnaryExpression' && t.operator === '!') {
    const inner = userCheckNegative(t.argument);
    return inner && { negative: !inner.negative, subject: inner.subject };
  }
  if (t.type === 'MemberExpression' && propertyName(t.property, t.computed) === 'length' && isLookupResult(t.object)) return { negative: false, subject: t.object };
  if (t.type === 'BinaryExpression') {
    const nullish = (x: Node): boolean => {
      const u = unwrap(x)!;
      return (u.type === 'Literal' && u.value === null) || (u.type === 'Identifier' && u.name === 'undefined');
    };
    const eq = t.operator === '==' || t.operator === '===';
    const ne = t.operator === '!=' || t.operator === '!==';
    if ((eq || ne) && nullish(t.right) && isLookupResult(t.left)) return { negative: eq, subject: t.left };
    if ((eq || ne) && nullish(t.left) && isLookupResult(t.right)) return { negative: eq, subject: t.right };
    const left = unwrap(t.left)!;
    if (left.type === 'MemberExpression' && propertyName(left.property, left.computed) === 'length' && isLookupResult(left.object)) {
      const v = Number(staticValue(t.right));
      if (v === 0 && eq) return { negative: true, subject: left.object };
      if ((v === 0 && (ne || t.operator === '>')) || (v === 1 && t.operator === '>=')) return { negative: false, subject: left.object };
      if (v === 1 && t.operator === '<') return { negative: true, subject: left.object };
    }
    return undefined;
  }
  if (isLookupResult(t)) return { negative: false, subject: t };
  return undefined;
}

// ---------------------------------------------------------------------------------------
// What a branch answers.

interface Outcome {
  readonly node: Node;
  /** 'response' (res.send...), 'throw' (an error thrown or passed on), 'callback' (passport's done(null, false, info)). */
  readonly kind: string;
  /** The HTTP status the client gets, when the code shows it. */
  readonly http: string | undefined;
  /** The error type thrown or passed on: `NotFoundException`, `createError`. */
  readonly type: string | undefined;
  /** Literal strings sent: messages, error codes, redirect targets. */
  readonly messages: readonly string[];
}

function literalStrings(node: Node | null | undefined, out: string[], depth = 0): void {
  const n = unwrap(node);
  if (!n || depth > 3) return;
  const v = staticValue(n);
  if (v !== undefined) {
    if (typeof n.value !== 'boolean') out.push(v);
    return;
  }
  if (n.type === 'ObjectExpression') {
    for (const p of n.properties) if (p.type === 'Property') literalStrings(p.value, out, depth + 1);
  } else if (n.type === 'ArrayExpression') {
    for (const e of n.elements) literalStrings(e, out, depth + 1);
  } else if (n.type === 'NewExpression' || n.type === 'CallExpression') {
    for (const a of n.arguments) literalStrings(a, out, depth + 1);
  } else if (n.type === 'TemplateLiteral') {
    out.push(n.quasis.map((q: Node) => q.value.cooked ?? q.value.raw).join('…'));
  }
}

function normalize(message: string): string {
  return message.trim().toLowerCase().replace(/[.!]+$/, '');
}

/** Error types whose names say their status: `NotFoundException`, `UnauthorizedError`, `Boom.forbidden`. */
const STATUS_BY_WORDS: readonly [words: readonly string[], status: string][] = [
  [['not', 'found'], '404'],
  [['notfound'], '404'],
  [['unauthorized'], '401'],
  [['unauthenticated'], '401'],
  [['forbidden'], '403'],
  [['bad', 'request'], '400'],
  [['conflict'], '409'],
];

function statusFromName(name: string): string | undefined {
  const words = nameWords(name);
  for (const [w, status] of STATUS_BY_WORDS) if (w.every((x) => words.includes(x))) return status;
  return undefined;
}

/** An error value: `new NotFoundError('...')`, `createError(404, '...')`, `Boom.unauthorized('...')`. */
function errorOutcome(node: Node, value: Node): Outcome | undefined {
  const v = unwrap(value);
  if (!v || (v.type !== 'NewExpression' && v.type !== 'CallExpression')) return undefined;
  const type = nameOf(v.callee) ?? 'error';
  const code = v.arguments.map((a: Node) => staticValue(a)).find((s: string | undefined) => s !== undefined && /^\d{3}$/.test(s));
  const messages: string[] = [];
  literalStrings(v, messages);
  return { node, kind: 'throw', http: code ?? statusFromName(type), type, messages: messages.filter((m) => m !== code) };
}

const CALLBACK_NAMES = new Set(['done', 'cb', 'callback', 'next', 'verified']);

/** The first thing a branch answers with, plus every message it adds on the way (req.flash). */
function branchOutcome(branch: Node): Outcome | undefined {
  let outcome: Outcome | undefined;
  const flashes: string[] = [];
  let koaStatus: string | undefined;
  walkShallow(branch, (n) => {
    if (outcome) return;
    // Koa: ctx.status = 401
    if (n.type === 'AssignmentExpression' && unwrap(n.left)?.type === 'MemberExpression' && propertyName(unwrap(n.left)!.property) === 'status') {
      const root = rootIdentifier(n.left);
      if (root && isContextName(root.name, n)) koaStatus = staticValue(n.right);
      return;
    }
    const answer = readAnswer(n);
    if (answer) {
      const messages: string[] = [];
      literalStrings(answer.method === 'redirect' ? n.arguments[n.arguments.length - 1] : answer.payload, messages);
      const http =
        answer.status === 'dynamic' ? undefined : answer.status !== undefined ? String(answer.status) : answer.method === 'body' ? koaStatus ?? '200' : answer.method === 'redirect' ? '302' : '200';
      outcome = { node: n, kind: 'response', http, type: undefined, messages };
      return;
    }
    if (n.type === 'ThrowStatement') {
      outcome = errorOutcome(n, n.argument);
      return;
    }
    if (n.type !== 'CallExpression') return;
    const callee = unwrap(n.callee)!;
    // ctx.throw(401, 'Wrong password')
    if (callee.type === 'MemberExpression' && propertyName(callee.property) === 'throw') {
      const root = rootIdentifier(callee.object);
      if (root && isContextName(root.name, n)) {
        const messages: string[] = [];
        literalStrings(n, messages);
        const code = staticValue(n.arguments[0]);
        outcome = { node: n, kind: 'throw', http: code, type: 'ctx.throw', messages: messages.filter((m) => m !== code) };
      }
      return;
    }
    // req.flash('error', 'No account with that e-mail')
    if (callee.type === 'MemberExpression' && propertyName(callee.property) === 'flash' && n.arguments.length >= 2) {
      literalStrings(n.arguments[1], flashes);
      return;
    }
    // done(null, false, { message: 'Incorrect password.' }), next(createError(404, 'No such user'))
    if (callee.type === 'Identifier' && CALLBACK_NAMES.has(callee.name)) {
      const [first, second, third] = n.arguments;
      const firstV = unwrap(first);
      if (firstV?.type === 'Literal' && firstV.value === null && unwrap(second)?.type === 'Literal' && unwrap(second)!.value === false) {
        const messages: string[] = [];
        literalStrings(third, messages);
        outcome = { node: n, kind: 'callback', http: undefined, type: undefined, messages };
      } else if (first) {
        outcome = errorOutcome(n, first);
      }
    }
  });
  if (!outcome) return undefined;
  return { ...outcome, messages: [...flashes, ...outcome.messages] };
}

function describe(o: Outcome): string {
  const parts: string[] = [];
  if (o.kind === 'throw' && o.type && o.type !== 'ctx.throw') parts.push(o.type);
  if (o.http && !(o.kind === 'response' && o.http === '200')) parts.push(o.http);
  if (o.messages.length > 0) parts.push(`"${o.messages[0]}"`);
  return parts.join(' ') || (o.kind === 'callback' ? 'a failed login' : o.kind);
}

function differ(a: Outcome, b: Outcome): boolean {
  if (a.http && b.http && a.http !== b.http) return true;
  if (a.kind === 'throw' && b.kind === 'throw' && a.type !== b.type) return true;
  const key = (o: Outcome): string => o.messages.map(normalize).sort().join('\n');
  return a.messages.length > 0 && b.messages.length > 0 && key(a) !== key(b);
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'login-user-enumeration',
    title: 'Login answers "no such user" differently from "wrong password"',
    practice: 2,
    cwe: 'CWE-204',
    severity: 'medium',
    confidence: 'medium',
    description:
      'When a login (or a passport strategy, or a service that validates credentials) answers "user not found" or 404 for an unknown account but "wrong password" or 401 for a known one, anyone can find out which e-mail addresses or usernames have accounts, then target them with password spraying, credential stuffing or phishing. Both failures must look the same to the client: same status code, same body, same error type.',
    fix: 'Answer both failures with one response, e.g. `401 { error: "Invalid email or password" }`, ideally through one shared helper; also compare against a dummy hash when the user does not exist so the timing does not differ.',
  },
  samples: {
    valid: [
      // Same answer in both branches
      `const bcrypt = require('bcrypt');
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user) {
    return res.status(401).json({ error: 'Invalid email or password' });
  }
  const ok = await bcrypt.compare(password, user.passwordHash);
  if (!ok) {
    return res.status(401).json({ error: 'Invalid email or password' });
  }
  req.session.userId = user.id;
  res.json({ id: user.id });
});`,
      // One combined check
      `import argon2 from 'argon2';
app.post('/api/auth/login', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { email: req.body.email } });
  if (!user || !(await argon2.verify(user.password, req.body.password))) {
    return res.status(401).send({ message: 'Invalid credentials' });
  }
  res.send({ token: sign(user) });
});`,
      // Both branches go through one helper
      `router.post('/signin', async (req, res) => {
  const user = await Users.byEmail(req.body.email);
  if (!user) return invalidCredentials(res);
  if (!(await user.comparePassword(req.body.password))) return invalidCredentials(res);
  res.json(session(user));
});`,
      // Change password for the logged-in user: the account's existence is not a secret here
      `router.post('/account/password', requireAuth, async (req, res) => {
  const user = await User.findById(req.user.id);
  if (!user) return res.status(404).json({ error: 'User not found' });
  if (!(await bcrypt.compare(req.body.currentPassword, user.password))) {
    return res.status(400).json({ error: 'Current password is incorrect' });
  }
  user.password = await bcrypt.hash(req.body.newPassword, 12);
  await user.save();
  res.sendStatus(204);
});`,
      // Input validation before the lookup is not an enumeration
      `router.post('/login', async (req, res) => {
  const { userId, password } = req.body;
  if (!userId) return res.status(400).json({ error: 'userId is required' });
  const account = await Account.get(userId);
  if (!account || !(await account.checkPassword(password))) return res.status(401).json({ error: 'Login failed' });
  res.json({ ok: true });
});`,
      // Password reset: strength and confirmation checks are not credential checks
      `router.post('/reset/:token', async (req, res) => {
  const user = await User.findOne({ resetToken: hash(req.params.token), resetExpires: { $gt: Date.now() } });
  if (!user) return res.status(400).json({ error: 'Reset link is invalid or has expired' });
  if (req.body.password !== req.body.confirmPassword) return res.status(400).json({ error: 'Passwords do not match' });
  if (!isStrongPassword(req.body.password)) return res.status(400).json({ error: 'Password is too weak' });
  const valid = validator.isStrongPassword(req.body.password);
  if (!valid) return res.status(400).json({ error: 'Choose a longer password' });
  user.password = await bcrypt.hash(req.body.password, 12);
  await user.save();
  res.sendStatus(204);
});`,
      // Registration: "email taken" is a different flow with no password check
      `router.post('/register', async (req, res) => {
  const existing = await User.findOne({ email: req.body.email });
  if (existing) return res.status(409).json({ error: 'Email already registered' });
  const user = await User.create({ email: req.body.email, password: await bcrypt.hash(req.body.password, 12) });
  res.status(201).json({ id: user.id });
});`,
    ],
    invalid: [
      // The classic: 404 "User not found" vs 401 "Wrong password"
      `const bcrypt = require('bcrypt');
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user) {
    return res.status(404).json({ message: 'User not found' });
  }
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) {
    return res.status(401).json({ message: 'Wrong password' });
  }
  res.json({ token: jwt.sign({ id: user._id }, process.env.JWT_SECRET) });
});`,
      // Same status, different messages, if/else nesting (TypeScript)
      {
        filename: 'auth.controller.ts',
        code: `import { Request, Response } from 'express';
import bcrypt from 'bcryptjs';
export async function login(req: Request, res: Response) {
  const rows = await db.query('SELECT * FROM users WHERE username = $1', [req.body.username]);
  if (rows.length > 0) {
    if (bcrypt.compareSync(req.body.password, rows[0].password_hash)) {
      return res.json({ ok: true });
    } else {
      return res.status(401).send('Incorrect password.');
    }
  } else {
    return res.status(401).send('No account with that username.');
  }
}`,
      },
      // passport-local, from the passport docs
      `passport.use(new LocalStrategy(function verify(username, password, cb) {
  User.findOne({ username: username }, function (err, user) {
    if (err) { return cb(err); }
    if (!user) { return cb(null, false, { message: 'Incorrect username.' }); }
    if (!user.validPassword(password)) { return cb(null, false, { message: 'Incorrect password.' }); }
    return cb(null, user);
  });
}));`,
      // NestJS-style service: different exception types
      {
        filename: 'auth.service.ts',
        code: `import * as argon2 from 'argon2';
@Injectable()
export class AuthService {
  constructor(private readonly users: UsersService) {}
  async validateUser(email: string, pass: string) {
    const user = await this.users.findByEmail(email);
    if (!user) throw new NotFoundException('User does not exist');
    const valid = await argon2.verify(user.hash, pass);
    if (!valid) throw new UnauthorizedException('Invalid password');
    return user;
  }
}`,
      },
      // Koa, status only differs
      `router.post('/session', async (ctx) => {
  const account = await Account.query().findOne({ email: ctx.request.body.email });
  if (account == null) {
    ctx.status = 404;
    ctx.body = { error: 'Invalid credentials' };
    return;
  }
  if (account.password !== hashPassword(ctx.request.body.password, account.salt)) {
    ctx.throw(401, 'Invalid credentials');
  }
  ctx.body = { token: issue(account) };
});`,
      // Flash messages and callback-style bcrypt
      `app.post('/login', (req, res) => {
  Users.find(req.body.email, (err, found) => {
    if (!found) {
      req.flash('error', 'No user with that email');
      return res.redirect('/login');
    }
    bcrypt.compare(req.body.password, found.hash, (err2, same) => {
      if (!same) {
        req.flash('error', 'Password incorrect');
        return res.redirect('/login');
      }
      req.session.user = found.id;
      res.redirect('/');
    });
  });
});`,
    ],
  },
  create(context) {
    const userChecks: Check[] = [];
    const passwordChecks: Check[] = [];
    return {
      IfStatement(node) {
        const u = userCheckNegative(node.test);
        if (u) {
          const branch = u.negative ? node.consequent : node.alternate;
          if (branch) userChecks.push({ ifNode: node, branch });
          return;
        }
        const p = passwordCheckNegative(node.test, context);
        if (p !== undefined) {
          const branch = p ? node.consequent : node.alternate;
          if (branch) passwordChecks.push({ ifNode: node, branch });
        }
      },
      'Program:exit'() {
        const reported = new Set<Node>();
        for (const p of passwordChecks) {
          // The nearest earlier user check whose function contains this password check.
          let best: Check | undefined;
          for (const u of userChecks) {
            if (nodeStart(u.ifNode) >= nodeStart(p.ifNode)) continue;
            if (containsNode(u.branch, p.ifNode)) continue;
            const fn = enclosingFunction(u.ifNode);
            if (fn && !containsNode(fn, p.ifNode)) continue;
            if (!best || nodeStart(u.ifNode) > nodeStart(best.ifNode)) best = u;
          }
          if (!best || reported.has(best.ifNode)) continue;
          const noUser = branchOutcome(best.branch);
          const badPassword = branchOutcome(p.branch);
          if (!noUser || !badPassword || !differ(noUser, badPassword)) continue;
          reported.add(best.ifNode);
          context.report({
            node: noUser.node,
            message: `An unknown account gets ${describe(noUser)} but a wrong password gets ${describe(badPassword)}: the difference tells an attacker which accounts exist. Answer both with the same status and message.`,
            confidence: isLoginLike(enclosingFunction(best.ifNode), context) ? 'high' : 'medium',
          });
        }
      },
    };
  },
};

export default rule;
