import { enclosingFunction, memberPath, propertyName, resolveCallee, staticValue, unwrap, walk } from '../ast.js';
import { nameWords } from '../identifier-words.js';
import { functionLabel, isPasswordStoreName, passwordPart, storedName } from '../password-values.js';
import type { JsRule, JsRuleContext, Node } from '../types.js';

/**
 * MD5, SHA-1 and the SHA-2 family are built to be fast: a GPU tries billions of guesses a
 * second against a leaked table of such hashes, salted or not. The same functions are right
 * for checksums, ETags, cache keys and Gravatar URLs, so the rule only speaks when the data
 * hashed is a password (by name) or the result is stored as one.
 */

/** Packages whose every export is a fast hash function: md5(x), sha1(x), sha256.hex(x). */
const FAST_HASH_MODULES = new Set(['md5', 'blueimp-md5', 'js-md5', 'md5-hex', 'sha1', 'js-sha1', 'js-sha256', 'js-sha512', 'js-sha3', 'sha256', 'hash.js']);

/** crypto-js functions (and crypto-js/<name> modules) that are plain or keyed fast hashes. */
const CRYPTO_JS_HASHES = new Set(['MD5', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3', 'RIPEMD160', 'HmacMD5', 'HmacSHA1', 'HmacSHA224', 'HmacSHA256', 'HmacSHA384', 'HmacSHA512', 'HmacSHA3', 'HmacRIPEMD160']);
const CRYPTO_JS_FILES = new Map([
  ['md5', 'MD5'], ['sha1', 'SHA1'], ['sha224', 'SHA224'], ['sha256', 'SHA256'], ['sha384', 'SHA384'], ['sha512', 'SHA512'], ['sha3', 'SHA3'], ['ripemd160', 'RIPEMD160'],
  ['hmac-md5', 'HmacMD5'], ['hmac-sha1', 'HmacSHA1'], ['hmac-sha256', 'HmacSHA256'], ['hmac-sha512', 'HmacSHA512'],
]);

/** Objects whose `hash` field is a password hash. */
const ACCOUNT_WORDS = new Set(['user', 'account', 'member', 'customer', 'admin', 'credentials', 'credential', 'login', 'person', 'employee']);

interface HashSite {
  /** The call that makes the hash (reported). */
  readonly node: Node;
  /** How it reads in a message: "crypto.createHash('md5')", "md5()". */
  readonly label: string;
  /** The data hashed, as far as the code shows it. */
  readonly inputs: readonly Node[];
  /** Expressions that hold the finished hash, to judge where it is stored. */
  readonly results: readonly Node[];
}

function isAccountName(name: string | undefined): boolean {
  return !!name && nameWords(name).some((w) => ACCOUNT_WORDS.has(w));
}

/** `createHash('md5').update(a).update(b).digest('hex')` → inputs [a, b], result the whole chain. */
function followChain(start: Node, inputs: Node[]): Node {
  let cur = start;
  for (;;) {
    const p = cur.parent;
    const gp = p?.parent;
    if (p?.type === 'MemberExpression' && p.object === cur && gp?.type === 'CallExpression' && gp.callee === p) {
      const method = propertyName(p.property, p.computed);
      if (method === 'update' && gp.arguments[0]) inputs.push(gp.arguments[0]);
      cur = gp;
      continue;
    }
    return cur;
  }
}

/** A hash object kept in a variable: `const h = createHash('sha1'); h.update(pw); h.digest()`. */
function followVariable(call: Node, inputs: Node[], results: Node[]): void {
  const decl = call.parent;
  if (decl?.type !== 'VariableDeclarator' || decl.id.type !== 'Identifier') return;
  const name = decl.id.name;
  const scope = enclosingFunction(call) ?? rootOf(call);
  walk(scope, (n) => {
    if (n.type !== 'CallExpression') return;
    const callee = unwrap(n.callee);
    if (callee?.type !== 'MemberExpression' || memberPath(callee.object) !== name) return;
    const method = propertyName(callee.property, callee.computed);
    if (method === 'update' && n.arguments[0]) inputs.push(n.arguments[0]);
    if (method === 'digest') results.push(n);
  });
}

function rootOf(node: Node): Node {
  let cur = node;
  while (cur.parent) cur = cur.parent;
  return cur;
}

function nodeHashSite(call: Node, context: JsRuleContext): HashSite | undefined {
  const b = resolveCallee(call.callee, context.sourceCode);
  if (!b) return undefined;
  const fn = b.path[b.path.length - 1];
  if (b.module === 'crypto' && (fn === 'createHash' || fn === 'createHmac') && b.path.length === 1) {
    const algorithm = staticValue(call.arguments[0]);
    const label = `crypto.${fn}(${algorithm === undefined ? '' : `'${algorithm}'`})`;
    const inputs: Node[] = [];
    const results: Node[] = [];
    const end = followChain(call, inputs);
    if (end !== call) results.push(end);
    else followVariable(call, inputs, results);
    return { node: call, label, inputs, results };
  }
  // Node 21+: crypto.hash('sha1', data)
  if (b.module === 'crypto' && fn === 'hash' && b.path.length === 1 && call.arguments.length >= 2) {
    return { node: call, label: `crypto.hash('${staticValue(call.arguments[0]) ?? '...'}')`, inputs: [call.arguments[1]], results: [call] };
  }
  if (FAST_HASH_MODULES.has(b.module) && call.arguments.length >= 1) {
    return { node: call, label: `${b.module}()`, inputs: [call.arguments[0]], results: [call] };
  }
  const cjs = b.module === 'crypto-js' ? fn : b.module.startsWith('crypto-js/') && b.path.length === 0 ? CRYPTO_JS_FILES.get(b.module.slice(10)) : undefined;
  if (cjs && CRYPTO_JS_HASHES.has(cjs) && call.arguments.length >= 1) {
    return { node: call, label: `CryptoJS.${cjs}()`, inputs: [call.arguments[0]], results: [call] };
  }
  return undefined;
}

/** The first identifier in `node` (not inside functions) that is one of `names`. */
function mentionedName(node: Node, names: ReadonlySet<string | undefined>): string | undefined {
  let found: string | undefined;
  walk(node, (n) => {
    if (!found && n.type === 'Identifier' && names.has(n.name)) {
      const p = n.parent;
      if (p?.type === 'MemberExpression' && p.property === n && !p.computed) return;
      found = n.name;
    }
  });
  return found;
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'weak-password-hash',
    title: 'Password hashed with a fast hash (MD5, SHA-1, SHA-2)',
    practice: 2,
    cwe: 'CWE-916',
    severity: 'high',
    confidence: 'high',
    description:
      'MD5, SHA-1, SHA-256 and SHA-512 (and HMACs built on them) are designed to be fast. When a table of password hashes leaks, an attacker tries billions of candidate passwords per second on a GPU, and a salt or a pepper does not slow that down. Passwords need a deliberately slow, memory-hard function with a per-password salt. Hashing file contents, ETags, cache keys or e-mail addresses for Gravatar is fine and is not reported.',
    fix: 'Hash passwords with argon2id (the `argon2` package), scrypt (`crypto.scrypt` with N ≥ 2^17) or bcrypt (cost ≥ 10), and verify with the same library; rehash old MD5/SHA hashes on the next successful login.',
  },
  samples: {
    valid: [
      // ETag of a response body
      `const crypto = require('crypto');
function etag(body) {
  return '"' + crypto.createHash('md5').update(body).digest('hex') + '"';
}`,
      // Gravatar: MD5 of an e-mail address is what Gravatar asks for
      `import md5 from 'md5';
export const avatarUrl = (user) => \`https://www.gravatar.com/avatar/\${md5(user.email.trim().toLowerCase())}?d=identicon\`;`,
      // High-entropy reset tokens are rightly stored as SHA-256
      `import { createHash, randomBytes } from 'node:crypto';
export async function startReset(user) {
  const resetToken = randomBytes(32).toString('hex');
  user.passwordResetToken = createHash('sha256').update(resetToken).digest('hex');
  user.passwordResetExpires = Date.now() + 10 * 60 * 1000;
  await user.save();
  return resetToken;
}`,
      // Checksums of uploaded files, a hash object in a variable
      `const { createHash } = require('node:crypto');
const fs = require('fs');
function checksum(path) {
  const hash = createHash('sha256');
  hash.update(fs.readFileSync(path));
  return hash.digest('hex');
}`,
      // Webhook signature: HMAC of the payload with a shared secret
      `const crypto = require('crypto');
app.post('/hooks/github', (req, res) => {
  const sig = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest('hex');
  if (!crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(req.get('x-hub-signature-256').slice(7)))) return res.sendStatus(401);
  res.sendStatus(204);
});`,
      // Passwords go to bcrypt; md5 only makes a cache key from the policy name
      `const bcrypt = require('bcrypt');
const md5 = require('md5');
async function register(data) {
  const passwordHash = await bcrypt.hash(data.password, 12);
  const cacheKey = md5(JSON.stringify({ policy: data.passwordPolicy, bypassCache: true }));
  return { passwordHash, cacheKey };
}`,
      // "passport" and "passwordLength" are not passwords
      `const crypto = require('crypto');
const idHash = crypto.createHash('sha1').update(passportNumber + user.passwordLength).digest('hex');`,
    ],
    invalid: [
      // The classic: unsalted MD5 of the password in a signup handler
      `const crypto = require('crypto');
router.post('/signup', async (req, res) => {
  const { email, password } = req.body;
  const hashed = crypto.createHash('md5').update(password).digest('hex');
  await db.query('INSERT INTO users (email, password) VALUES ($1, $2)', [email, hashed]);
  res.status(201).end();
});`,
      // Salted SHA-512 is still a fast hash
      {
        filename: 'user.service.ts',
        code: `import { createHash, randomBytes } from 'node:crypto';
export function hashPassword(plain: string): { salt: string; hash: string } {
  const salt = randomBytes(16).toString('hex');
  const hash = createHash('sha512').update(salt + plain).digest('hex');
  return { salt, hash };
}`,
      },
      // Result stored as the user's password, whatever the input is called
      `const crypto = require('node:crypto');
async function setCredentials(user, secretInput) {
  user.password = crypto.createHash('sha256').update(secretInput).digest('base64');
  await user.save();
}`,
      // HMAC with a pepper is still fast; hash object kept in a variable
      `import * as crypto from 'crypto';
export function digestPassword(pwd) {
  const h = crypto.createHmac('sha256', process.env.PEPPER);
  h.update(pwd);
  return h.digest('hex');
}`,
      // md5 package, comparing at login
      `const md5 = require('md5');
passport.use(new LocalStrategy(async (username, password, done) => {
  const user = await User.findOne({ username });
  if (!user || user.password !== md5(password)) return done(null, false);
  return done(null, user);
}));`,
      // crypto-js in ESM, and a crypto-js/sha1 submodule
      {
        code: `import CryptoJS from 'crypto-js';
import sha1 from 'crypto-js/sha1';
export const encodePassword = (form) => CryptoJS.SHA256(form.newPassword).toString();
export const legacy = (form) => sha1(form.oldPassword).toString();`,
        count: 2,
      },
      // stored in a user's hash field
      `const sha1 = require('sha1');
function createAccount(email, input) {
  const account = { email };
  account.hash = sha1(input);
  return account;
}`,
    ],
  },
  create(context) {
    const check = (call: Node): void => {
      const site = nodeHashSite(call, context);
      if (!site) return;
      for (const input of site.inputs) {
        const part = passwordPart(input);
        if (part) {
          context.report({
            node: site.node,
            message: `${site.label} hashes \`${context.sourceCode.getText(part)}\`: a fast hash lets anyone who obtains the hashes test billions of passwords per second; use argon2id, scrypt or bcrypt.`,
          });
          return;
        }
      }
      // function hashPassword(plain) { ... update(salt + plain) ... }: the function says what its parameter is.
      const fn = enclosingFunction(call);
      const fnName = fn ? functionLabel(fn) : undefined;
      if (fn && isPasswordStoreName(fnName)) {
        const params = new Set<string | undefined>(fn.params.map((p: Node) => (p.type === 'Identifier' ? p.name : p.type === 'AssignmentPattern' && p.left.type === 'Identifier' ? p.left.name : undefined)));
        const param = site.inputs.map((i) => mentionedName(i, params)).find(Boolean);
        if (param) {
          context.report({
            node: site.node,
            message: `${site.label} hashes \`${param}\`, the password given to ${fnName}(): a fast hash lets anyone who obtains the hashes test billions of passwords per second; use argon2id, scrypt or bcrypt.`,
            confidence: 'medium',
          });
          return;
        }
      }
      for (const result of site.results) {
        const stored = storedName(result);
        if (!stored) continue;
        const asPassword = isPasswordStoreName(stored.name) || ((stored.name === 'hash' || stored.name === 'hashed') && isAccountName(stored.owner));
        if (asPassword) {
          const where = stored.owner ? `${stored.owner}.${stored.name}` : stored.name;
          context.report({
            node: site.node,
            message: `${site.label} produces what is stored as \`${where}\`: a fast hash lets anyone who obtains the hashes test billions of passwords per second; use argon2id, scrypt or bcrypt.`,
            confidence: 'medium',
          });
          return;
        }
      }
    };
    return { CallExpression: check };
  },
};

export default rule;
