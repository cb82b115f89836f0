import type { Severity } from '@rampart/core';
import { referencedModules, resolveCallee, type Binding } from '../ast.js';
import { constantString } from '../constant-values.js';
import type { JsRule, JsRuleContext, Node, Visitors } from '../types.js';

/**
 * Broken ciphers and modes, by algorithm name (Node/OpenSSL and node-forge spellings,
 * compared lower-case). First match wins, so `des-ecb` is reported as DES.
 * AES-CBC is not here: with a random IV it is sound (authenticate it separately).
 */
const WEAK_ALGORITHMS: readonly { readonly test: RegExp; readonly name: string; readonly why: string; readonly severity: Severity }[] = [
  { test: /^(des-ede|des3|3des|tripledes)/, name: 'Triple DES', why: 'its 64-bit blocks repeat after a few gigabytes (Sweet32) and NIST no longer allows it for encryption', severity: 'medium' },
  { test: /^desx?(-|$)/, name: 'DES', why: 'its 56-bit key is brute-forced in hours', severity: 'high' },
  { test: /^rc4/, name: 'RC4', why: 'its keystream is biased and it is broken in practice', severity: 'high' },
  { test: /^rc2/, name: 'RC2', why: 'it is an obsolete cipher with short effective keys and related-key attacks', severity: 'high' },
  { test: /^(bf|blowfish)(-|$)/, name: 'Blowfish', why: 'its 64-bit blocks repeat after a few gigabytes (Sweet32)', severity: 'medium' },
  { test: /^(cast5?|idea)(-|$)/, name: 'a 64-bit block cipher', why: 'its blocks repeat after a few gigabytes (Sweet32)', severity: 'medium' },
  { test: /(^|-)ecb$/, name: 'ECB mode', why: 'equal plaintext blocks encrypt to equal ciphertext blocks, so patterns in the data show through', severity: 'high' },
];

/** The modules whose calls this rule reads. */
const CIPHER_MODULES = /^(crypto|node-forge|crypto-js(\/.*)?)$/;

/** crypto-js ciphers that are weak whatever the options: module path → cipher name. */
const CRYPTO_JS_CIPHERS: Readonly<Record<string, string>> = { DES: 'des', TripleDES: 'tripledes', RC4: 'rc4', RC4Drop: 'rc4' };

function weakness(algorithm: string): (typeof WEAK_ALGORITHMS)[number] | undefined {
  const a = algorithm.trim().toLowerCase();
  return WEAK_ALGORITHMS.find((w) => w.test.test(a));
}

/** `CryptoJS.TripleDES.encrypt`, `require('crypto-js/tripledes').encrypt` → 'tripledes'. */
function cryptoJsCipher(target: Binding): string | undefined {
  const op = target.path[target.path.length - 1];
  if (op !== 'encrypt' && op !== 'decrypt') return undefined;
  if (target.module === 'crypto-js' && target.path.length === 2) return CRYPTO_JS_CIPHERS[target.path[0]];
  const sub = /^crypto-js\/(des|tripledes|rc4)$/.exec(target.module);
  return sub && target.path.length === 1 ? sub[1] : undefined;
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'weak-cipher',
    title: 'Broken cipher, mode or key derivation used for encryption',
    practice: 7,
    cwe: 'CWE-327',
    severity: 'high',
    confidence: 'high',
    description:
      'crypto.createCipher() and createDecipher() turn a password into a key with one unsalted MD5 round and use no random IV, so the same plaintext always encrypts the same way and the key falls to a dictionary attack; Node 22 removed them. DES, RC4 and RC2 are broken, Triple DES and Blowfish leak data through their small blocks, and ECB mode shows patterns of the plaintext. Only algorithm names written in the code are judged.',
    fix: 'Use crypto.createCipheriv("aes-256-gcm", key, iv) with a 32-byte key from crypto.scrypt or a key store and a fresh 12-byte random IV for every message, and store the IV and auth tag with the ciphertext.',
  },
  samples: {
    valid: [
      'const crypto = require("crypto"); const c = crypto.createCipheriv("aes-256-gcm", key, iv);',
      'import crypto from "node:crypto"; const c = crypto.createCipheriv("aes-256-cbc", key, crypto.randomBytes(16));',
      'import { createDecipheriv } from "crypto"; export const open = (alg, key, iv) => createDecipheriv(alg, key, iv);',
      'const crypto = require("crypto"); crypto.createCipheriv("chacha20-poly1305", key, iv, { authTagLength: 16 });',
      'const forge = require("node-forge"); const c = forge.cipher.createCipher("AES-GCM", key);',
      'const cipher = sodium.createCipher("des"); legacy.createCipher("aes192", password);',
      'import CryptoJS from "crypto-js"; CryptoJS.AES.encrypt(text, key, { iv, mode: CryptoJS.mode.CBC });',
      'const ALGORITHMS = ["des-ecb", "rc4"]; const unsupported = (a) => ALGORITHMS.includes(a);',
    ],
    invalid: [
      'const crypto = require("crypto"); const c = crypto.createCipher("aes-256-cbc", password);',
      'import { createDecipher } from "node:crypto"; const d = createDecipher("aes192", secret);',
      'const c = require("crypto").createCipheriv("des-ede3-cbc", key, iv);',
      'import * as crypto from "crypto"; const c = crypto.createCipheriv("AES-128-ECB", key, null);',
      { code: 'import { createCipheriv } from "node:crypto"; const ALG = "bf-cbc" as const; createCipheriv(ALG, key, iv);', filename: 'legacy.ts' },
      'const crypto = require("crypto"); const stream = crypto.createCipheriv("rc4", key, "");',
      'const { createDecipheriv } = require("crypto"); createDecipheriv("des-cbc", key, iv);',
      'const forge = require("node-forge"); const c = forge.cipher.createCipher("3DES-CBC", key);',
      'import CryptoJS from "crypto-js"; const out = CryptoJS.TripleDES.encrypt(data, key).toString();',
      'import CryptoJS from "crypto-js"; CryptoJS.AES.encrypt(data, key, { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 });',
      'const DES = require("crypto-js/des"); const token = DES.encrypt(message, key);',
    ],
  },
  create(context: JsRuleContext): Visitors {
    // Every report is a call into one of these modules: a file that loads none has nothing to check.
    if (![...referencedModules(context.sourceCode)].some((m) => CIPHER_MODULES.test(m))) return {};
    const checkAlgorithm = (node: Node, algorithmNode: Node | undefined, what: string): void => {
      const algorithm = constantString(algorithmNode, context.sourceCode);
      if (algorithm === undefined) return; // chosen at run time: unknown
      const weak = weakness(algorithm);
      if (!weak) return;
      context.report({ node, severity: weak.severity, message: `${what}('${algorithm}') uses ${weak.name}: ${weak.why}.` });
    };
    return {
      CallExpression(node) {
        const target = resolveCallee(node.callee, context.sourceCode);
        if (!target) return;
        const path = target.path.join('.');
        if (target.module === 'crypto') {
          if (path === 'createCipher' || path === 'createDecipher') {
            context.report({
              node,
              severity: 'high',
              message: `crypto.${path}() derives the key from a password with one unsalted MD5 round and uses no random IV: equal messages encrypt alike and the key can be guessed. It was removed in Node 22.`,
            });
          } else if (path === 'createCipheriv' || path === 'createDecipheriv') {
            checkAlgorithm(node, node.arguments[0], path);
          }
        } else if (target.module === 'node-forge' && (path === 'cipher.createCipher' || path === 'cipher.createDecipher')) {
          checkAlgorithm(node, node.arguments[0], `forge.${path}`);
        } else {
          const cipher = cryptoJsCipher(target);
          const weak = cipher && weakness(cipher);
          if (weak) context.report({ node, severity: weak.severity, message: `crypto-js ${weak.name} is used: ${weak.why}.` });
        }
      },
      MemberExpression(node) {
        // CryptoJS.mode.ECB, wherever it is passed
        const target = resolveCallee(node, context.sourceCode);
        if (target?.module === 'crypto-js' && target.path.join('.') === 'mode.ECB') {
          context.report({ node, severity: 'high', message: `crypto-js ECB mode is used: ${weakness('ecb')!.why}.` });
        }
      },
    };
  },
};

export default rule;
