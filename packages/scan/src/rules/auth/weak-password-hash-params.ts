import { objectProperty, propertyName, resolveCallee, staticValue, unwrap } from '../ast.js';
import { nameOf } from '../identifier-words.js';
import { passwordPart } from '../password-values.js';
import type { JsRule, JsRuleContext, Node } from '../types.js';
import { findDeclaration } from '../value-origin.js';

/**
 * bcrypt, argon2, scrypt and PBKDF2 are only as slow as their parameters. The minimums
 * below are OWASP's Password Storage Cheat Sheet values; the rule reports a parameter only
 * when the code fixes it (a literal, a constant, or a literal fallback such as
 * `Number(process.env.ROUNDS) || 8`) and it falls below the minimum.
 */

/** bcrypt: cost factor (log2 of the rounds). */
const BCRYPT_MIN_COST = 10;
const BCRYPT_MODULES = new Set(['bcrypt', 'bcryptjs', 'bcrypt-nodejs', '@node-rs/bcrypt']);

/** argon2id: the least memory (KiB) OWASP accepts for a given number of passes; one pass needs 46 MiB. */
const ARGON2_MIN_MEMORY_BY_TIME: readonly [timeCost: number, memoryKiB: number][] = [
  [5, 7168],
  [4, 9216],
  [3, 12288],
  [2, 19456],
  [1, 47104],
];

function argon2MinMemory(timeCost: number): number {
  for (const [t, m] of ARGON2_MIN_MEMORY_BY_TIME) if (timeCost >= t) return m;
  return Infinity;
}

/** The defaults of each argon2 package, used for the options a call leaves out. */
const ARGON2_PACKAGES: Readonly<Record<string, { memoryCost: number; timeCost: number; typeKey: string; functions: readonly string[] }>> = {
  argon2: { memoryCost: 65536, timeCost: 3, typeKey: 'type', functions: ['hash'] },
  '@node-rs/argon2': { memoryCost: 19456, timeCost: 2, typeKey: 'algorithm', functions: ['hash', 'hashSync', 'hashRaw', 'hashRawSync'] },
};

/** scrypt with r = 8: the least N OWASP accepts for a given parallelism p. */
const SCRYPT_MIN_N_BY_P: readonly [p: number, n: number][] = [
  [10, 2 ** 13],
  [5, 2 ** 14],
  [3, 2 ** 15],
  [2, 2 ** 16],
  [1, 2 ** 17],
];
const SCRYPT_DEFAULT = { N: 16384, r: 8, p: 1 };

function scryptMinN(p: number): number {
  for (const [pp, n] of SCRYPT_MIN_N_BY_P) if (p >= pp) return n;
  return 2 ** 17;
}

/** PBKDF2-HMAC: the least iterations OWASP accepts per digest. */
const PBKDF2_MIN_ITERATIONS: Readonly<Record<string, number>> = { sha1: 1_300_000, sha256: 600_000, sha512: 210_000 };

function pbkdf2Minimum(digest: string | undefined): { min: number; digest: string } {
  const d = (digest ?? '').toLowerCase().replace(/-/g, '');
  if (d === 'sha512' || d === 'sha384') return { min: PBKDF2_MIN_ITERATIONS.sha512, digest: d };
  if (d === 'sha256' || d === 'sha224') return { min: PBKDF2_MIN_ITERATIONS.sha256, digest: d };
  if (d === '') return { min: PBKDF2_MIN_ITERATIONS.sha512, digest: 'any digest' };
  return { min: PBKDF2_MIN_ITERATIONS.sha1, digest: d };
}

interface Fixed {
  readonly value: number;
  /** True when the value is only a fallback (`env || 8`): the running value may differ. */
  readonly fallback: boolean;
}

/** A number the code fixes: a literal, arithmetic on literals, a `const`, or the literal fallback of `x || 8`. */
function fixedNumber(node: Node | null | undefined, depth = 0): Fixed | undefined {
  const n = unwrap(node);
  if (!n || depth > 8) return undefined;
  if (n.type === 'Literal' && typeof n.value === 'number') return { value: n.value, fallback: false };
  if (n.type === 'BinaryExpression') {
    const l = fixedNumber(n.left, depth + 1);
    const r = fixedNumber(n.right, depth + 1);
    if (!l || !r) return undefined;
    const ops: Record<string, (a: number, b: number) => number> = { '*': (a, b) => a * b, '**': (a, b) => a ** b, '<<': (a, b) => a << b, '+': (a, b) => a + b, '-': (a, b) => a - b, '/': (a, b) => a / b };
    const op = ops[n.operator];
    return op ? { value: op(l.value, r.value), fallback: l.fallback || r.fallback } : undefined;
  }
  if (n.type === 'CallExpression' && nameOf(n.callee) === 'pow' && n.arguments.length === 2) {
    const a = fixedNumber(n.arguments[0], depth + 1);
    const b = fixedNumber(n.arguments[1], depth + 1);
    return a && b ? { value: a.value ** b.value, fallback: a.fallback || b.fallback } : undefined;
  }
  if (n.type === 'LogicalExpression' && (n.operator === '||' || n.operator === '??')) {
    const left = fixedNumber(n.left, depth + 1);
    if (left) return left;
    const right = fixedNumber(n.right, depth + 1);
    return right ? { value: right.value, fallback: true } : undefined;
  }
  if (n.type === 'Identifier') {
    const d = findDeclaration(n.name, n);
    if (d?.kind === 'const' && d.path.length === 0) return fixedNumber(d.node.init, depth + 1);
    return undefined;
  }
  return undefined;
}

/** The options object a call passes, following a `const options = {...}` in the file. */
function optionsObject(node: Node | null | undefined): Node | undefined {
  const n = unwrap(node);
  if (n?.type === 'ObjectExpression') return n;
  if (n?.type === 'Identifier') {
    const d = findDeclaration(n.name, n);
    if (d?.kind === 'const' && d.path.length === 0 && unwrap(d.node.init)?.type === 'ObjectExpression') return unwrap(d.node.init) ?? undefined;
  }
  return undefined;
}

/** The first of several option names the object sets. */
function option(obj: Node, ...names: string[]): Node | undefined {
  for (const name of names) {
    const v = objectProperty(obj, name);
    if (v) return v;
  }
  return undefined;
}

/** `fallback`: the value is only a default the environment may override, so confidence drops. */
type Report = (node: Node, message: string, fallback: boolean, severity?: 'low') => void;

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function checkBcrypt(call: Node, fn: string, report: Report): void {
  const costArg = fn === 'genSalt' || fn === 'genSaltSync' ? call.arguments[0] : fn === 'hash' || fn === 'hashSync' ? call.arguments[1] : undefined;
  const cost = fixedNumber(costArg);
  if (!cost || cost.value >= BCRYPT_MIN_COST) return;
  report(costArg!, `bcrypt cost ${cost.value} (2^${cost.value} rounds) is below the minimum of ${BCRYPT_MIN_COST}: each guess is ${2 ** (BCRYPT_MIN_COST - cost.value)}x cheaper for an attacker than at cost ${BCRYPT_MIN_COST}.`, cost.fallback);
}

/** argon2.argon2i, Algorithm.Argon2d, argon2d imported, or the numbers 0 (d) and 1 (i). */
function argon2Variant(node: Node | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  const v = staticValue(n);
  if (v === '0') return 'argon2d';
  if (v === '1') return 'argon2i';
  const name = nameOf(n)?.toLowerCase();
  return name === 'argon2d' || name === 'argon2i' ? name : undefined;
}

function checkArgon2(call: Node, pkg: (typeof ARGON2_PACKAGES)[string], report: Report): void {
  const obj = optionsObject(call.arguments[1]);
  if (!obj) return;
  const variant = argon2Variant(option(obj, pkg.typeKey));
  if (variant) {
    report(option(obj, pkg.typeKey)!, `${variant} is not the variant recommended for passwords: argon2d leaks timing, argon2i is weaker against GPU cracking; use argon2id.`, false);
    return;
  }
  const mNode = option(obj, 'memoryCost');
  const tNode = option(obj, 'timeCost');
  if (!mNode && !tNode) return;
  const m = mNode ? fixedNumber(mNode) : { value: pkg.memoryCost, fallback: false };
  const t = tNode ? fixedNumber(tNode) : { value: pkg.timeCost, fallback: false };
  if (!m || !t) return;
  const min = argon2MinMemory(t.value);
  if (m.value >= min) return;
  const need = min === Infinity ? 'timeCost must be at least 1' : `with timeCost ${t.value} OWASP asks for memoryCost ≥ ${fmt(min)} KiB (e.g. 19456 KiB with timeCost 2)`;
  report(mNode ?? tNode!, `argon2 with memoryCost ${fmt(m.value)} KiB and timeCost ${t.value} is too cheap: ${need}.`, m.fallback || t.fallback);
}

function checkScrypt(call: Node, positional: boolean, report: Report, context: JsRuleContext): void {
  let N: Fixed | undefined;
  let r: Fixed | undefined;
  let p: Fixed | undefined;
  let at: Node;
  if (positional) {
    // scrypt-js: scrypt(password, salt, N, r, p, dkLen)
    [N, r, p] = [fixedNumber(call.arguments[2]), fixedNumber(call.arguments[3]), fixedNumber(call.arguments[4])];
    if (!N || !r || !p) return;
    at = call.arguments[2];
  } else {
    // node:crypto scrypt(password, salt, keylen, options?, callback?)
    const optArg = unwrap(call.arguments[3]);
    const obj = optionsObject(optArg);
    if (!obj) {
      // No options: Node's default N = 2^14 is below OWASP's minimum. Only said for passwords.
      if (optArg && optArg.type !== 'ArrowFunctionExpression' && optArg.type !== 'FunctionExpression') return;
      const pw = passwordPart(call.arguments[0]);
      if (!pw) return;
      report(call, `scrypt with Node's default cost (N = 2^14, r = 8, p = 1) for \`${context.sourceCode.getText(pw)}\` is below OWASP's minimum of N = 2^17: pass { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }.`, true, 'low');
      return;
    }
    const nNode = option(obj, 'N', 'cost');
    const rNode = option(obj, 'r', 'blockSize');
    const pNode = option(obj, 'p', 'parallelization');
    if (!nNode && !rNode && !pNode) return;
    N = nNode ? fixedNumber(nNode) : { value: SCRYPT_DEFAULT.N, fallback: false };
    r = rNode ? fixedNumber(rNode) : { value: SCRYPT_DEFAULT.r, fallback: false };
    p = pNode ? fixedNumber(pNode) : { value: SCRYPT_DEFAULT.p, fallback: false };
    if (!N || !r || !p) return;
    at = nNode ?? rNode ?? pNode!;
  }
  const minN = scryptMinN(p.value);
  if (N.value * r.value >= minN * 8) return;
  const log = Math.log2(N.value);
  const nText = Number.isInteger(log) ? `2^${log}` : fmt(N.value);
  report(at, `scrypt with N = ${nText}, r = ${r.value}, p = ${p.value} is below OWASP's minimum (N = 2^${Math.log2(minN)} with r = 8 for p = ${p.value}; N = 2^17, r = 8, p = 1 is the baseline).`, N.fallback || r.fallback || p.fallback);
}

function checkPbkdf2(iterationsNode: Node | undefined, digest: string | undefined, report: Report): void {
  const iterations = fixedNumber(iterationsNode);
  if (!iterations) return;
  const { min, digest: d } = pbkdf2Minimum(digest);
  if (iterations.value >= min) return;
  report(iterationsNode!, `PBKDF2 with ${fmt(iterations.value)} iterations (${d}) is below OWASP's minimum of ${fmt(min)}: each guess costs an attacker ${fmt(Math.max(1, Math.round(min / Math.max(iterations.value, 1))))}x less than it should.`, iterations.fallback);
}

/** WebCrypto: crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', iterations, salt }, key, bits). */
function checkSubtle(call: Node, report: Report): void {
  const obj = optionsObject(call.arguments[0]);
  if (!obj || staticValue(objectProperty(obj, 'name'))?.toUpperCase() !== 'PBKDF2') return;
  const hash = objectProperty(obj, 'hash');
  const digest = staticValue(hash) ?? staticValue(objectProperty(hash, 'name'));
  checkPbkdf2(objectProperty(obj, 'iterations'), digest, report);
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'weak-password-hash-params',
    title: 'Password hash with too low a cost (bcrypt, argon2, scrypt, PBKDF2)',
    practice: 2,
    cwe: 'CWE-916',
    severity: 'medium',
    confidence: 'high',
    description:
      'A slow password hash protects leaked hashes only if its cost is high enough. OWASP asks for bcrypt cost ≥ 10, argon2id with at least 19 MiB of memory and 2 passes (or an equivalent pair such as 12 MiB and 3 passes), scrypt with N = 2^17, r = 8, p = 1, and PBKDF2-HMAC with 600,000 iterations for SHA-256 (210,000 for SHA-512, 1,300,000 for SHA-1). Lower values let an attacker who steals the hashes test many more passwords per second. Only parameters the code fixes are judged.',
    fix: 'Raise the cost to at least the OWASP minimum (bcrypt 12, argon2id { memoryCost: 19456, timeCost: 2 } or the package defaults, scrypt N = 2^17 with maxmem raised, PBKDF2-SHA256 600,000 iterations); existing hashes can be upgraded at the next login.',
  },
  samples: {
    valid: [
      // Good costs, and a cost read from configuration we cannot judge
      `const bcrypt = require('bcrypt');
const SALT_ROUNDS = 12;
exports.register = async (req, res) => {
  const hash = await bcrypt.hash(req.body.password, SALT_ROUNDS);
  const other = await bcrypt.hash(req.body.password, config.bcryptRounds);
  res.json({ ok: !!hash && !!other });
};`,
      // bcrypt.hash with a salt string from genSalt(12)
      {
        filename: 'password.ts',
        code: `import bcrypt from 'bcryptjs';
export async function hashPassword(password: string) {
  const salt = await bcrypt.genSalt(12);
  return bcrypt.hash(password, salt);
}`,
      },
      // argon2 defaults, and OWASP's equivalent argon2id settings (12 MiB × 3, 7 MiB × 5)
      `const argon2 = require('argon2');
const a = await argon2.hash(password);
const b = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 12288, timeCost: 3, parallelism: 1 });
const c = await argon2.hash(password, { memoryCost: 7 * 1024, timeCost: 5 });`,
      {
        filename: 'hash.ts',
        code: `import { hash, Algorithm } from '@node-rs/argon2';
export const hashPassword = (pw: string) => hash(pw, { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });`,
      },
      // scrypt at OWASP's settings, and scrypt deriving a key from a random value (no password)
      `const crypto = require('node:crypto');
const key = crypto.scryptSync(password, salt, 64, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
const k2 = crypto.scryptSync(randomSecret, salt, 32);
const k3 = crypto.scryptSync(password, salt, 64, { cost: 32768, blockSize: 8, parallelization: 3, maxmem: 128 * 1024 * 1024 });`,
      // PBKDF2 at OWASP's iteration counts
      `import { pbkdf2Sync, pbkdf2 } from 'crypto';
const ITERATIONS = 600_000;
export const derive = (pw, salt) => pbkdf2Sync(pw, salt, ITERATIONS, 32, 'sha256');
pbkdf2(pw, salt, 210000, 64, 'sha512', (err, key) => done(err, key));`,
      // not bcrypt: a user's own hash method
      `const rounds = 4;
const digest = myHasher.hash(password, rounds);`,
    ],
    invalid: [
      // bcrypt cost from a constant
      `const bcrypt = require('bcrypt');
const saltRounds = 8;
router.post('/register', async (req, res) => {
  const hash = await bcrypt.hash(req.body.password, saltRounds);
  await User.create({ email: req.body.email, password: hash });
  res.sendStatus(201);
});`,
      // bcryptjs genSaltSync with a literal fallback for the env variable
      {
        filename: 'password.mts',
        code: `import bcrypt from 'bcryptjs';
const salt = bcrypt.genSaltSync(Number(process.env.BCRYPT_ROUNDS) || 6);
export const hashPassword = (pw: string) => bcrypt.hashSync(pw, salt);`,
      },
      // argon2i and too little memory
      {
        code: `const argon2 = require('argon2');
async function hashPassword(password) {
  const legacy = await argon2.hash(password, { type: argon2.argon2i });
  return argon2.hash(password, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
}`,
        count: 2,
      },
      // @node-rs/argon2: one pass needs 46 MiB
      {
        filename: 'auth.ts',
        code: `import { hash } from '@node-rs/argon2';
const opts = { memoryCost: 19456, timeCost: 1, outputLen: 32 };
export async function hashPassword(pw: string): Promise<string> {
  return hash(pw, opts);
}`,
      },
      // scrypt with explicit low cost, and scrypt defaults on a password
      {
        code: `const { scrypt, scryptSync, randomBytes } = require('node:crypto');
function hashPassword(password, cb) {
  const salt = randomBytes(16);
  scrypt(password, salt, 64, { N: 16384 }, (err, key) => cb(err, salt.toString('hex') + ':' + key.toString('hex')));
}
const legacy = scryptSync(req.body.password, salt, 64);`,
        count: 2,
      },
      // PBKDF2 with 10,000 iterations of SHA-512, and WebCrypto with 100,000 of SHA-256
      {
        code: `const crypto = require('crypto');
const key = crypto.pbkdf2Sync(password, salt, 10000, 64, 'sha512');
const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 100000 }, baseKey, 256);`,
        count: 2,
      },
    ],
  },
  create(context) {
    const check = (call: Node): void => {
      const report: Report = (node, message, fallback, severity) => context.report({ node, message, severity, confidence: fallback ? 'medium' : undefined });
      const callee = unwrap(call.callee);
      if (callee?.type === 'MemberExpression') {
        const method = propertyName(callee.property, callee.computed);
        const obj = unwrap(callee.object);
        if ((method === 'deriveBits' || method === 'deriveKey') && obj && nameOf(obj) === 'subtle') return checkSubtle(call, report);
      }
      const b = resolveCallee(call.callee, context.sourceCode);
      if (!b) return;
      const fn = b.path[b.path.length - 1] ?? '';
      if (BCRYPT_MODULES.has(b.module)) return checkBcrypt(call, fn, report);
      const argon = ARGON2_PACKAGES[b.module];
      if (argon && argon.functions.includes(fn)) return checkArgon2(call, argon, report);
      if ((b.module === 'crypto' || b.module === 'pbkdf2') && (fn === 'pbkdf2' || fn === 'pbkdf2Sync')) return checkPbkdf2(call.arguments[2], staticValue(call.arguments[4]), report);
      if (b.module === 'crypto' && (fn === 'scrypt' || fn === 'scryptSync')) return checkScrypt(call, false, report, context);
      if (b.module === 'scrypt-js' && (fn === 'scrypt' || fn === 'syncScrypt')) return checkScrypt(call, true, report, context);
    };
    return { CallExpression: check };
  },
};

export default rule;
