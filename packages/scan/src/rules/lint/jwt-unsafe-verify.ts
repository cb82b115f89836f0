import { hasSpread, isNode, objectProperty, referencesAnyModule, resolveCallee, staticValue, unwrap } from '../ast.js';
import { isFunction } from '../identifier-words.js';
import type { JsRule, JsRuleContext, Node, Visitors } from '../types.js';

/**
 * A JWT is only as trustworthy as the algorithm that checked it. If the token's own
 * header chooses the algorithm, it can choose 'none', or HS256 keyed with the server's
 * public key. Calls are recognised through their module, so unrelated `.verify()`
 * methods (argon2, Nest's JwtService, crypto.verify) stay silent.
 */

/** Libraries whose options take `algorithms` (and `ignoreExpiration`) the jsonwebtoken way. */
const JWT_MODULES = new Set(['jsonwebtoken', 'jose', 'express-jwt', 'koa-jwt', 'passport-jwt']);

const HMAC_ALGORITHM = /^HS\d+$/i;
const PUBLIC_KEY_ALGORITHM = /^(RS|PS|ES)\d+K?$|^EdDSA$/i;

/** `import jwt from` and `await import()` put the module's functions under `default`. */
function jwtCall(call: Node, context: JsRuleContext): { module: string; name: string } | undefined {
  const target = resolveCallee(call.callee, context.sourceCode);
  if (!target || !JWT_MODULES.has(target.module)) return undefined;
  const path = target.path[0] === 'default' ? target.path.slice(1) : target.path;
  return { module: target.module, name: path.join('.') };
}

/** Options given as something other than an object literal (a variable, a call) are unknown. */
function isAbsent(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return true;
  if (isFunction(n)) return true; // jwt.verify(token, key, callback)
  return (n.type === 'Literal' && n.value === null) || (n.type === 'Identifier' && n.name === 'undefined');
}

function checkOptions(options: Node, context: JsRuleContext): void {
  const algorithms = unwrap(objectProperty(options, 'algorithms'));
  if (algorithms?.type === 'ArrayExpression') {
    const names = algorithms.elements.filter(isNode).map((e: Node) => staticValue(e)).filter((v: string | undefined): v is string => v !== undefined);
    const hmac = names.find((a: string) => HMAC_ALGORITHM.test(a));
    const publicKey = names.find((a: string) => PUBLIC_KEY_ALGORITHM.test(a));
    if (names.some((a: string) => a.toLowerCase() === 'none')) {
      context.report({
        node: algorithms,
        severity: 'critical',
        message: "`algorithms` allows 'none': a token with no signature at all is accepted, so anyone can forge any identity.",
      });
    } else if (hmac && publicKey) {
      context.report({
        node: algorithms,
        message: `\`algorithms\` mixes ${hmac} with ${publicKey}: a token signed with ${hmac} using your public key as the HMAC secret verifies (algorithm confusion).`,
      });
    }
  }
  const ignoreExpiration = unwrap(objectProperty(options, 'ignoreExpiration'));
  if (ignoreExpiration?.type === 'Literal' && ignoreExpiration.value === true) {
    context.report({
      node: ignoreExpiration.parent ?? ignoreExpiration,
      message: '`ignoreExpiration: true` accepts expired tokens, so a stolen or revoked token works forever.',
    });
  }
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'jwt-unsafe-verify',
    title: 'JWT verified without pinning its algorithm, or signed with none',
    practice: 7,
    cwe: 'CWE-347',
    severity: 'high',
    confidence: 'high',
    description:
      "jsonwebtoken's verify() without an `algorithms` option lets the token's header pick the algorithm. Older versions then accept HS256 tokens signed with the server's public key as the HMAC secret (algorithm confusion), and an `algorithms` list that contains 'none' accepts unsigned tokens outright. Either way an attacker can mint tokens for any user. Signing with `algorithm: 'none'` issues tokens anyone can forge, and `ignoreExpiration: true` makes leaked tokens valid forever.",
    fix: "Pass the one algorithm you issue tokens with: jwt.verify(token, key, { algorithms: ['RS256'] }) (or ['HS256'] for a shared secret), never 'none', and never HMAC and public-key algorithms together.",
  },
  samples: {
    valid: [
      'const jwt = require("jsonwebtoken"); const user = jwt.verify(token, publicKey, { algorithms: ["RS256"] });',
      'import jwt from "jsonwebtoken"; jwt.verify(token, secret, { algorithms: ["HS256"], audience: "api" }, (err, claims) => done(err, claims));',
      'import jwt from "jsonwebtoken"; export const check = (token) => jwt.verify(token, key, verifyOptions);',
      'import jwt from "jsonwebtoken"; jwt.verify(token, key, { ...defaults, audience: "api" });',
      'import jwt from "jsonwebtoken"; const claims = jwt.decode(token, { complete: true });',
      'const payload = await jwtService.verify(token); const ok = crypto.verify("sha256", data, key, signature);',
      'import { verify } from "argon2"; const valid = await verify(user.passwordHash, password);',
      'import jwt from "jsonwebtoken"; const token = jwt.sign(payload, privateKey, { algorithm: "RS256", expiresIn: "1h" });',
      'const { jwtVerify } = require("jose"); const { payload } = await jwtVerify(token, JWKS, { issuer, audience });',
      'const { expressjwt } = require("express-jwt"); app.use(expressjwt({ secret: getSecret, algorithms: ["RS256", "ES256"] }));',
    ],
    invalid: [
      'const jwt = require("jsonwebtoken"); const user = jwt.verify(token, process.env.JWT_PUBLIC_KEY);',
      'import jwt from "jsonwebtoken"; jwt.verify(token, getKey, (err, decoded) => done(err, decoded));',
      'import { verify } from "jsonwebtoken"; const claims = verify(token, secret, { algorithms: ["HS256", "none"] });',
      'import * as jwt from "jsonwebtoken"; const t = jwt.sign({ sub: user.id }, "", { algorithm: "none" });',
      'const { jwtVerify } = require("jose"); await jwtVerify(token, key, { algorithms: ["none"] });',
      'require("jsonwebtoken").verify(token, publicKey, { algorithms: ["RS256", "HS256"] });',
      {
        code: 'import jwt, { type JwtPayload } from "jsonwebtoken"; const p = jwt.verify(token, key, { audience: "api" }) as JwtPayload;',
        filename: 'auth.ts',
      },
      'const jwt = require("jsonwebtoken"); jwt.verify(token, key, { algorithms: ["HS256"], ignoreExpiration: true });',
      'const { expressjwt } = require("express-jwt"); app.use(expressjwt({ secret, algorithms: ["none"] }));',
      { code: 'const jwt = await import("jsonwebtoken"); export const claims = jwt.default.verify(token, key, null);', filename: 'verify.mjs' },
      { code: 'const jwt = require("jsonwebtoken"); jwt.verify(a, key, { audience: "x", algorithms: ["none"] }); jwt.verify(b, key);', count: 2 },
    ],
  },
  create(context): Visitors {
    // Every report is a call into one of these modules: a file that loads none has nothing to check.
    if (!referencesAnyModule(context.sourceCode, JWT_MODULES)) return {};
    const check = (node: Node): void => {
      const call = jwtCall(node, context);
      if (!call) return;
      const args: Node[] = node.arguments;
      if (call.module === 'jsonwebtoken' && call.name === 'verify') {
        const options = unwrap(args[2]);
        if (isAbsent(options) || (options?.type === 'ObjectExpression' && !hasSpread(options) && !objectProperty(options, 'algorithms'))) {
          context.report({
            node,
            severity: 'medium',
            message: "jwt.verify() has no `algorithms` option, so the token's own header picks how it is checked (HS256 with your public key, or 'none' on old versions).",
          });
        }
      }
      if (call.module === 'jsonwebtoken' && call.name === 'sign') {
        const algorithm = staticValue(objectProperty(args[2], 'algorithm'));
        if (algorithm?.toLowerCase() === 'none') {
          context.report({
            node,
            severity: 'critical',
            message: "jwt.sign() with `algorithm: 'none'` issues unsigned tokens: anyone can write one for any user.",
          });
        }
        return;
      }
      for (const arg of args) {
        const options = unwrap(arg);
        if (options?.type === 'ObjectExpression') checkOptions(options, context);
      }
    };
    return { CallExpression: check, NewExpression: check };
  },
};

export default rule;
