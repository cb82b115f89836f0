import { enclosingFunction, memberPath, moduleBindings, resolveCallee, unwrap } from '../ast.js';
import { functionName, keyName, nameOf, nameWords } from '../identifier-words.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, JsRuleContext, Node } from '../types.js';

/**
 * Math.random() is fine for shuffles, jitter and sampling; it is a flaw only when its
 * output becomes something an attacker must not guess. The rule follows the value up
 * the tree to where it is stored, returned or passed, and judges that place by its name.
 */

/** A name with one of these words holds a value that must be unguessable. */
const SECRET_WORDS = new Set([
  'token', 'tokens', 'secret', 'secrets', 'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'passcode',
  'salt', 'nonce', 'otp', 'totp', 'hotp', 'session', 'sessionid', 'csrf', 'xsrf', 'apikey', 'reset',
  'verify', 'verification', 'invite', 'invitation', 'code', 'codes',
]);

/** `key` alone is a React list key or a cache key; with one of these words it is a secret key. */
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'access', 'signing', 'sign', 'encryption', 'encrypt', 'crypto', 'session', 'auth',
  'hmac', 'master', 'license', 'licence', 'activation', 'jwt', 'aes', 'shared',
]);

/** `code` is a secret (verification code) unless it is one of these kinds of code. */
const CODE_QUALIFIERS = new Set([
  'status', 'error', 'err', 'color', 'colour', 'hex', 'country', 'zip', 'postal', 'area', 'currency', 'language',
  'lang', 'locale', 'char', 'key', 'exit', 'http', 'response', 'source', 'html', 'css', 'qr',
]);

/** A name with one of these words is about timing, sampling, layout or test data: never a secret. */
const BENIGN_WORDS = new Set([
  'shuffle', 'shuffled', 'jitter', 'delay', 'timeout', 'interval', 'backoff', 'retry', 'retries', 'ttl', 'duration',
  'expiry', 'expires', 'expiration', 'age', 'sleep', 'wait', 'sort', 'sample', 'sampling', 'rate', 'ratio', 'percent',
  'percentage', 'probability', 'chance', 'weight', 'color', 'colour', 'hue', 'rgb', 'opacity', 'width', 'height',
  'position', 'offset', 'angle', 'speed', 'animation', 'index', 'idx', 'count', 'length', 'size', 'mock', 'fake',
  'dummy', 'placeholder', 'test',
]);

/** Calls whose result is a decision or a comparison, not the random value itself. */
const COMPARISONS = new Set(['<', '>', '<=', '>=', '==', '===', '!=', '!==', 'instanceof', 'in']);

/**
 * Words that name a secret only when the function also says it makes one: `generateResetLink`
 * makes a secret, `verifyUser` or `renderCode` only happen to use Math.random() somewhere.
 */
const CONTEXT_ONLY_WORDS = new Set(['verify', 'verification', 'reset', 'session', 'invite', 'invitation', 'code', 'codes']);
const MAKER_WORDS = new Set(['generate', 'gen', 'create', 'make', 'new', 'issue', 'random', 'rand', 'build', 'init', 'mint', 'compute']);

type Verdict = 'secret' | 'benign' | 'neutral';

/** The secret words in a name: `code` unless it is a status/color/... code, `key` only with a qualifier. */
function secretWords(words: readonly string[]): string[] {
  return words.filter((w) => {
    if (w === 'code' || w === 'codes') return !words.some((q) => CODE_QUALIFIERS.has(q));
    if (w === 'key' || w === 'keys') return words.some((q) => KEY_QUALIFIERS.has(q));
    return SECRET_WORDS.has(w);
  });
}

function verdict(name: string | undefined): Verdict {
  if (!name) return 'neutral';
  const words = nameWords(name);
  if (words.some((w) => BENIGN_WORDS.has(w))) return 'benign';
  return secretWords(words).length > 0 ? 'secret' : 'neutral';
}

/**
 * How an enclosing function's name judges a Math.random() that is not stored under a name
 * of its own. React components and classes (PascalCase) render things: never secrets.
 */
function enclosingVerdict(name: string | undefined): Verdict {
  if (!name || /^[A-Z][a-z]/.test(name)) return 'neutral';
  const v = verdict(name);
  if (v !== 'secret') return v;
  const words = nameWords(name);
  const strong = secretWords(words).some((w) => !CONTEXT_ONLY_WORDS.has(w));
  return strong || words.some((w) => MAKER_WORDS.has(w)) ? 'secret' : 'neutral';
}

/** What the random value becomes, in words: "`resetToken`", "the result of `makeSalt()`", "a value in `generateToken()`". */
type Outcome = { secret: string } | null;

const resultOf = (name: string): Outcome => ({ secret: `the result of \`${name}()\`` });
const passedTo = (name: string): Outcome => ({ secret: `the value passed to \`${name}()\`` });
const valueOf = (name: string): Outcome => ({ secret: `\`${name}\`` });
const valueIn = (name: string): Outcome => ({ secret: `a value in \`${name}()\`` });

/** The nearest enclosing named functions decide: a secret name reports, a benign one silences. */
function fromEnclosingFunctions(node: Node): Outcome {
  for (let f = enclosingFunction(node); f; f = enclosingFunction(f)) {
    const name = functionName(f);
    const v = enclosingVerdict(name);
    if (v === 'secret') return valueIn(name!);
    if (v === 'benign') return null;
  }
  return null;
}

/** Follows the value of `Math.random()` upward to the name it ends up under. */
function follow(call: Node): Outcome {
  let n: Node = call;
  for (;;) {
    const p: Node | null | undefined = n.parent;
    if (!p) return null;
    switch (p.type) {
      case 'BinaryExpression':
        if (COMPARISONS.has(p.operator)) return null; // a coin flip, not a value
        n = p;
        continue;
      case 'UnaryExpression':
        if (p.operator === '!' || p.operator === 'typeof' || p.operator === 'void' || p.operator === 'delete') return null;
        n = p;
        continue;
      case 'ConditionalExpression':
        if (p.test === n) return null;
        n = p;
        continue;
      case 'SequenceExpression':
        if (p.expressions[p.expressions.length - 1] !== n) return null;
        n = p;
        continue;
      case 'LogicalExpression':
      case 'TemplateLiteral':
      case 'TaggedTemplateExpression':
      case 'ArrayExpression':
      case 'SpreadElement':
      case 'AwaitExpression':
      case 'MemberExpression': // Math.random().toString(36), chars[Math.floor(Math.random() * n)]
      case 'ChainExpression':
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
        n = p;
        continue;
      case 'CallExpression':
      case 'NewExpression': {
        if (p.callee !== n) {
          // Passed on: setTimeout(f, Math.random() * 100) is jitter; setToken(...) stores a secret.
          const v = verdict(nameOf(p.callee));
          if (v === 'secret') return passedTo(nameOf(p.callee)!);
          if (v === 'benign') return null;
        }
        n = p; // Math.floor(...), String(...), hash.update(...).digest(): the result carries the value on
        continue;
      }
      case 'VariableDeclarator':
      case 'AssignmentExpression':
      case 'AssignmentPattern':
      case 'PropertyDefinition':
      case 'Property': {
        const target =
          p.type === 'VariableDeclarator' ? (p.init === n ? keyName(p.id) : undefined)
          : p.type === 'AssignmentExpression' ? (p.right === n ? nameOf(p.left) : undefined)
          : p.type === 'AssignmentPattern' ? (p.right === n ? keyName(p.left) : undefined)
          : p.value === n ? keyName(p.key, p.computed) : undefined;
        const v = verdict(target);
        if (v === 'secret') return valueOf(target!);
        if (v === 'benign') return null;
        // `{ id: Math.random() }` takes the name of the object it is part of.
        if (p.type === 'Property' && p.parent?.type === 'ObjectExpression') {
          n = p.parent;
          continue;
        }
        return fromEnclosingFunctions(p);
      }
      case 'ReturnStatement': {
        const fn = enclosingFunction(p);
        if (!fn) return null;
        n = fn;
        break; // judged below as the function's result
      }
      case 'ArrowFunctionExpression':
        if (p.body !== n) return null;
        n = p;
        break;
      case 'JSXExpressionContainer': {
        if (p.parent?.type !== 'JSXAttribute') return null; // text on a page
        const attr = keyName(p.parent.name);
        return verdict(attr) === 'secret' ? valueOf(attr!) : null;
      }
      default:
        return fromEnclosingFunctions(n); // a statement: the function it is in decides
    }
    // `n` is a function whose result is the random value.
    const name = functionName(n);
    const v = verdict(name);
    if (v === 'secret') return resultOf(name!);
    if (v === 'benign') return null;
    if (!name && (n.parent?.type === 'CallExpression' || n.parent?.type === 'NewExpression') && n.parent.callee !== n) {
      // A callback's results flow into the call: Array.from({ length }, () => pick()), list.sort(() => ...).
      const call: Node = n.parent;
      const cv = verdict(nameOf(call.callee));
      if (cv === 'benign') return null;
      if (cv === 'secret') return passedTo(nameOf(call.callee)!);
      n = call;
      continue;
    }
    return fromEnclosingFunctions(n);
  }
}

function isMathRandom(call: Node): boolean {
  const path = memberPath(call.callee);
  return path === 'Math.random' || path === 'globalThis.Math.random' || path === 'window.Math.random';
}

function isPseudoRandomBytes(call: Node, context: JsRuleContext): boolean {
  const target = resolveCallee(call.callee, context.sourceCode);
  if (target) return target.module === 'crypto' && target.path.join('.') === 'pseudoRandomBytes';
  // `crypto` used without an import (an old global or an injected module)
  const callee = unwrap(call.callee);
  return memberPath(callee) === 'crypto.pseudoRandomBytes' && !moduleBindings(context.sourceCode).has('crypto');
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'insecure-random',
    title: 'Predictable random numbers make a security value',
    practice: 7,
    cwe: 'CWE-338',
    severity: 'high',
    confidence: 'medium',
    description:
      'Math.random() comes from a fast generator whose internal state can be recovered from a handful of outputs. When it makes a session id, a password-reset token, a one-time code, a salt or a nonce, an attacker who sees some values can compute the next ones and take over accounts. crypto.pseudoRandomBytes() is deprecated and its contract never promised unpredictable output. Math.random() used for shuffles, jitter, sampling or test data is left alone.',
    fix: 'Make security values with crypto.randomBytes(32).toString("base64url"), crypto.randomUUID() or crypto.randomInt(0, 1_000_000) for numeric codes.',
  },
  samples: {
    valid: [
      'const delay = Math.random() * 1000; setTimeout(retry, delay);',
      'await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));',
      'const shuffled = [...deck].sort(() => Math.random() - 0.5);',
      'function shuffleTokens(tokens) { return tokens.sort(() => Math.random() - 0.5); }',
      'if (Math.random() < 0.01) logger.info({ token: "redacted" }, "sampled request");',
      'const sessionSampleRate = Math.random();',
      'async function refreshToken() { await sleep(Math.random() * 250); return fetchNewToken(); }',
      'const color = "#" + Math.floor(Math.random() * 0xffffff).toString(16); const colorCode = Math.floor(Math.random() * 16777215).toString(16);',
      'const items = list.map((item) => <li key={Math.random()}>{item}</li>);',
      { code: 'const rows = list.map((r) => ({ ...r, key: Math.random() }));', filename: 'table.ts' },
      'const statusCode = Math.random() > 0.5 ? 200 : 500;',
      'function makeId() { return Math.random().toString(36).slice(2); }',
      { code: 'const password = "pw-" + Math.random().toString(36);', filename: 'test/users.test.js' },
      { code: 'const token = Math.random().toString(36);', filename: 'src/__tests__/auth.ts' },
      'const crypto = require("crypto"); const token = crypto.randomBytes(32).toString("hex");',
      'const x = Math.random() * width; const y = Math.random() * height;',
      'const useNewSessionStore = Math.random() < 0.1;',
      'function verifyUser(user) { const start = Math.random(); audit(user, start); return check(user); }',
      'function VerifyEmailPage() { const [id] = useState(() => Math.random()); return <form id={String(id)} />; }',
      'const cacheKey = "k" + Math.random(); function randomKey() { return Math.random(); }',
    ],
    invalid: [
      'const token = Math.random().toString(36).substring(2);',
      'user.resetToken = Math.random().toString(36).slice(2) + Date.now();',
      'const code = Math.floor(100000 + Math.random() * 900000); await sendSms(phone, code);',
      'const verificationCode = String(Math.floor(Math.random() * 1e6)).padStart(6, "0");',
      `function generateToken(length) {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let result = '';
  for (let i = 0; i < length; i++) result += chars.charAt(Math.floor(Math.random() * chars.length));
  return result;
}`,
      'const makeApiKey = () => Array.from({ length: 32 }, () => ALPHABET[(Math.random() * ALPHABET.length) | 0]).join("");',
      'const session = { id: Math.random().toString(36), user: userId };',
      'await db.users.update(id, { inviteCode: Math.random().toString(36).slice(-8) });',
      { code: 'class Auth { createSalt(): string { return Math.random().toString(16).slice(2); } }', filename: 'auth.ts' },
      'const csrf = `${Date.now()}-${Math.random()}`; res.setHeader("X-CSRF-Token", csrf);',
      'const secretKey = crypto.createHash("sha256").update(String(Math.random())).digest("hex");',
      'const script = <script nonce={Math.random().toString(36)} src="/app.js" />;',
      'setSessionId(Math.random().toString(36));',
      'function generateResetLink(user) { const id = Math.random().toString(36).slice(2); return `${BASE}/reset/${user.id}/${id}`; }',
      { code: 'const uuid = "xxxxxxxx".replace(/x/g, () => ((Math.random() * 16) | 0).toString(16)); const opts = { otp: uuid, nonce: Math.random() };', count: 1 },
      'const crypto = require("crypto"); const iv = crypto.pseudoRandomBytes(16);',
      'import { pseudoRandomBytes } from "node:crypto"; pseudoRandomBytes(8, (err, buf) => done(buf));',
    ],
  },
  create(context) {
    const skipMathRandom = isTestFile(context.filename);
    return {
      CallExpression(node) {
        if (isPseudoRandomBytes(node, context)) {
          context.report({
            node,
            severity: 'medium',
            confidence: 'high',
            message: 'crypto.pseudoRandomBytes() is deprecated and was never promised to be unpredictable; use crypto.randomBytes().',
          });
          return;
        }
        if (skipMathRandom || !isMathRandom(node) || node.arguments.length > 0) return;
        const outcome = follow(node);
        if (outcome) {
          context.report({
            node,
            message: `Math.random() makes ${outcome.secret}, but its output is predictable: an attacker who sees a few values can compute the next ones. Use crypto.randomBytes() or crypto.randomInt().`,
          });
        }
      },
    };
  },
};

export default rule;
