import { enclosingFunction, isNode, memberPath, moduleBindings, nodeStart, objectProperty, propertyName, nodesOfType, resolveCallee, staticValue, unwrap, walk } from '../ast.js';
import { nameOf } from '../identifier-words.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, JsRuleContext, Node, RuleSourceCode, Visitors } from '../types.js';
import { findDeclaration, isFunction, isRequestInput } from '../value-origin.js';
import { headerWrites, importsModule, type HeaderWrite } from '../web-apps.js';

/**
 * CORS decides which other websites may read this server's responses from a browser. With
 * credentials allowed and the caller's Origin reflected (`origin: true`, a callback that
 * always says yes, `Access-Control-Allow-Origin: <request origin>`), any website a user
 * visits can call the API as that user and read the answers. A wildcard without credentials
 * only exposes what is public anyway, so it is reported (low) only in files that use cookies.
 */

/** CORS middleware packages and how they treat a missing or wildcard origin when credentials are on. */
interface CorsPackage {
  /** Origin when none is given: '*' or the request's Origin (reflected). */
  readonly defaultOrigin: 'wildcard' | 'reflect';
  /** With credentials, a '*' origin is replaced by the request's Origin (@koa/cors). */
  readonly wildcardReflectsWithCredentials: boolean;
}

const CORS_PACKAGES: Readonly<Record<string, CorsPackage>> = {
  cors: { defaultOrigin: 'wildcard', wildcardReflectsWithCredentials: false },
  '@fastify/cors': { defaultOrigin: 'wildcard', wildcardReflectsWithCredentials: false },
  'fastify-cors': { defaultOrigin: 'wildcard', wildcardReflectsWithCredentials: false },
  '@koa/cors': { defaultOrigin: 'wildcard', wildcardReflectsWithCredentials: true },
  kcors: { defaultOrigin: 'reflect', wildcardReflectsWithCredentials: true },
  'koa-cors': { defaultOrigin: 'reflect', wildcardReflectsWithCredentials: true },
};

/** Session and cookie packages: their presence means browsers hold credentials for this app. */
const COOKIE_MODULES = new Set(['cookie-parser', 'express-session', 'cookie-session', 'koa-session', '@fastify/cookie', '@fastify/session', '@fastify/secure-session', 'iron-session', 'connect-redis', 'connect-mongo']);
const COOKIE_USE = /^(req|request|ctx)\.(cookies|signedCookies|session)(\.|$)|^(res|reply|ctx)\.(cookie|setCookie|clearCookie|cookies)(\.|$)/;

function usesCookies(sourceCode: RuleSourceCode): boolean {
  if (importsModule(sourceCode, COOKIE_MODULES)) return true;
  return nodesOfType(sourceCode, 'MemberExpression').some((n) => COOKIE_USE.test(memberPath(n) ?? ''));
}

type OriginPolicy = 'reflect' | 'wildcard' | 'restricted' | 'unknown';

/** `const corsOptions = {...}` in the file, or the literal object. */
function objectOf(node: Node | null | undefined): Node | undefined {
  const n = unwrap(node);
  if (n?.type === 'ObjectExpression') return n;
  if (n?.type === 'Identifier') {
    const d = findDeclaration(n.name, n);
    if ((d?.kind === 'const' || d?.kind === 'let' || d?.kind === 'var') && d.path.length === 0 && unwrap(d.node.init)?.type === 'ObjectExpression') return unwrap(d.node.init) ?? undefined;
  }
  return undefined;
}

/** The request's Origin header: `req.headers.origin`, `req.get('Origin')`, `ctx.get('origin')`, `ctx.request.header.origin`. */
function isRequestOrigin(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'LogicalExpression') return isRequestOrigin(n.left) || isRequestOrigin(n.right);
  if (n.type === 'CallExpression') {
    const callee = unwrap(n.callee);
    if (callee?.type === 'MemberExpression' && ['get', 'header'].includes(propertyName(callee.property, callee.computed) ?? '')) {
      return staticValue(n.arguments[0])?.toLowerCase() === 'origin';
    }
    return false;
  }
  if (n.type === 'MemberExpression') {
    const prop = propertyName(n.property, n.computed)?.toLowerCase();
    const path = memberPath(n.object) ?? '';
    return prop === 'origin' && /(^|\.)(headers|header)$/.test(path);
  }
  if (n.type === 'Identifier') {
    const d = findDeclaration(n.name, n);
    if ((d?.kind === 'const' || d?.kind === 'let') && d.node.init) {
      // const { origin } = req.headers
      if (d.path.length === 1 && d.path[0] === 'origin') return /(^|\.)(headers|header)$/.test(memberPath(d.node.init) ?? '');
      return d.path.length === 0 && isRequestOrigin(d.node.init);
    }
  }
  return false;
}

/** Branches, comparisons and lookups: an origin callback that contains one of these decides something. */
const DECIDING_METHODS = new Set(['includes', 'indexOf', 'has', 'test', 'match', 'some', 'find', 'endsWith', 'startsWith', 'exec', 'isAllowed']);

function decides(root: Node): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found) return;
    if (['IfStatement', 'ConditionalExpression', 'SwitchStatement', 'LogicalExpression', 'BinaryExpression'].includes(n.type)) found = true;
    else if (n.type === 'CallExpression' && DECIDING_METHODS.has(nameOf(n.callee) ?? '')) found = true;
    for (const key in n) {
      if (key === 'parent') continue;
      const v = n[key];
      if (Array.isArray(v)) v.forEach((c) => isNode(c) && visit(c));
      else if (isNode(v)) visit(v);
    }
  };
  visit(root);
  return found;
}

/**
 * `(origin, cb) => cb(null, true)`, `(origin, cb) => cb(null, origin)`, `(ctx) => ctx.get('Origin')`:
 * callbacks that say yes before deciding anything (also when an allow-list check follows an
 * unconditional `return callback(null, true)`, a common leftover).
 */
function callbackAllowsAll(fn: Node): boolean {
  const [originParam, cbParam] = fn.params.map((p: Node) => (p.type === 'Identifier' ? p.name : undefined));
  const judge = (v: Node | undefined): boolean => {
    const u = unwrap(v);
    if (!u) return false;
    return (u.type === 'Literal' && u.value === true) || (u.type === 'Identifier' && u.name === originParam) || isRequestOrigin(u) || staticValue(u) === '*';
  };
  const yes = (e: Node | null | undefined): boolean => !!e && (judge(e) || isCallbackYes(unwrap(e)!, cbParam, judge));
  if (fn.body.type !== 'BlockStatement') return !decides(fn.body) && yes(fn.body);
  for (const stmt of fn.body.body) {
    if (stmt.type === 'ReturnStatement') return yes(stmt.argument);
    if (stmt.type === 'ExpressionStatement' && isCallbackYes(unwrap(stmt.expression)!, cbParam, judge)) return true;
    if (decides(stmt)) return false;
  }
  return false;
}

function isCallbackYes(n: Node, cbParam: string | undefined, judge: (v: Node | undefined) => boolean): boolean {
  return !!cbParam && n.type === 'CallExpression' && unwrap(n.callee)?.type === 'Identifier' && unwrap(n.callee)!.name === cbParam && judge(n.arguments[1]);
}

function originPolicy(origin: Node | undefined, pkg: CorsPackage): OriginPolicy {
  if (!origin) return pkg.defaultOrigin;
  const o = unwrap(origin)!;
  if (o.type === 'Literal' && o.value === true) return 'reflect';
  if (o.type === 'Literal' && o.regex) return /^\^?\.[*+]\$?$/.test(o.regex.pattern) ? 'reflect' : 'restricted';
  const v = staticValue(o);
  if (v === '*') return 'wildcard';
  if (v !== undefined) return 'restricted';
  if (isFunction(o)) return callbackAllowsAll(o) ? 'reflect' : 'restricted';
  if (o.type === 'ArrayExpression') return 'restricted';
  if (o.type === 'Identifier') {
    const d = findDeclaration(o.name, o);
    if (d?.kind === 'const' && d.path.length === 0 && d.node.init) return originPolicy(d.node.init, pkg);
    if (d?.kind === 'function' && isFunction(d.node)) return callbackAllowsAll(d.node) ? 'reflect' : 'restricted';
  }
  return 'unknown';
}

/** `cors(opts)`, `fastify.register(cors, opts)`, `app.enableCors(opts)` (NestJS): the package and the options node. */
function corsCall(call: Node, sourceCode: RuleSourceCode): { pkg: CorsPackage; options: Node | undefined; hasArgs: boolean } | undefined {
  const b = resolveCallee(call.callee, sourceCode);
  if (b && b.path.length === 0 && CORS_PACKAGES[b.module]) return { pkg: CORS_PACKAGES[b.module], options: call.arguments[0], hasArgs: call.arguments.length > 0 };
  const callee = unwrap(call.callee);
  if (callee?.type !== 'MemberExpression') return undefined;
  const method = propertyName(callee.property, callee.computed);
  if (method === 'register' && call.arguments.length >= 1) {
    const plugin = unwrap(call.arguments[0])!;
    let module: string | undefined;
    if (plugin.type === 'Identifier') module = moduleBindings(sourceCode).get(plugin.name)?.module;
    else if (plugin.type === 'CallExpression' && plugin.callee.type === 'Identifier' && plugin.callee.name === 'require') module = staticValue(plugin.arguments[0]);
    else if (plugin.type === 'ImportExpression') module = staticValue(plugin.source);
    if (module && CORS_PACKAGES[module]) return { pkg: CORS_PACKAGES[module], options: call.arguments[1], hasArgs: call.arguments.length > 1 };
  }
  if (method === 'enableCors') return { pkg: CORS_PACKAGES.cors, options: call.arguments[0], hasArgs: call.arguments.length > 0 };
  return undefined;
}

function isTrue(node: Node | undefined): boolean {
  const v = staticValue(node);
  return v === 'true';
}

function checkCorsCall(call: Node, context: JsRuleContext, cookies: () => boolean): void {
  const found = corsCall(call, context.sourceCode);
  if (!found) return;
  const options = objectOf(found.options);
  if (found.hasArgs && !options) return; // options we cannot read
  const credentials = isTrue(objectProperty(options, 'credentials'));
  const originNode = objectProperty(options, 'origin');
  let policy = originPolicy(originNode, found.pkg);
  if (policy === 'wildcard' && credentials && found.pkg.wildcardReflectsWithCredentials) policy = 'reflect';
  const at = originNode ?? call;
  if (policy === 'reflect' && credentials) {
    context.report({
      node: at,
      message: 'CORS reflects any Origin and allows credentials: every website a user visits can send requests with their cookies and read the responses. Allow a fixed list of trusted origins.',
      severity: 'high',
    });
  } else if (policy === 'wildcard' && credentials) {
    context.report({
      node: at,
      message: "CORS allows origin '*' with credentials: browsers refuse this pair, and the usual next step, reflecting the Origin, lets any website act as the user. Allow a fixed list of trusted origins.",
      severity: 'medium',
    });
  } else if ((policy === 'wildcard' || policy === 'reflect') && cookies()) {
    context.report({
      node: at,
      message: 'CORS allows any origin to read responses, in a file that uses cookies or sessions: keep credentials off for it, or restrict origin to the sites that need access.',
      severity: 'low',
      confidence: 'medium',
    });
  }
}

/** Manual headers: ACAO set to the request's Origin (or '*') and ACAC true in the same function. */
function checkManualHeaders(context: JsRuleContext): void {
  const writes = headerWrites(context.sourceCode);
  const acao = writes.filter((w) => w.name === 'access-control-allow-origin');
  if (acao.length === 0) return;
  const acac = writes.filter((w) => w.name === 'access-control-allow-credentials' && isTrue(w.value));
  for (const w of acao) {
    const fn = enclosingFunction(w.call);
    const sameScope = (x: HeaderWrite): boolean => enclosingFunction(x.call) === fn;
    if (!acac.some(sameScope)) continue;
    const reflect = isRequestOrigin(w.value);
    const wildcard = staticValue(w.value) === '*';
    if (!reflect && !wildcard) continue;
    if (reflect && isOriginChecked(w.call, w.value!)) continue;
    context.report({
      node: w.at,
      message: reflect
        ? 'Access-Control-Allow-Origin echoes the request Origin next to Access-Control-Allow-Credentials: true: any website can call this API with the user\'s cookies and read the answers. Check the origin against an allow-list first.'
        : "Access-Control-Allow-Origin '*' with Access-Control-Allow-Credentials: true: browsers refuse the pair, and echoing the Origin instead would let any website act as the user. Use an allow-list.",
      severity: reflect ? 'high' : 'medium',
    });
  }
}

/** True when the header is set only after an if/ternary whose test looks at the origin (an allow-list check). */
function isOriginChecked(call: Node, value: Node): boolean {
  const v = unwrap(value)!;
  const originName = v.type === 'Identifier' ? v.name : undefined;
  const mentionsOrigin = (test: Node): boolean => {
    let hit = false;
    walk(test, (n) => {
      if (hit) return;
      if (originName && n.type === 'Identifier' && n.name === originName) hit = true;
      else if (isRequestOrigin(n) || isRequestInput(n)) hit = true;
    });
    return hit;
  };
  let child: Node = call;
  for (let p = call.parent; p; child = p, p = p.parent) {
    if ((p.type === 'IfStatement' || p.type === 'ConditionalExpression') && child !== p.test && mentionsOrigin(p.test)) return true;
    if (isFunction(p)) break;
  }
  // An early return on a failed check: if (!allowed.includes(origin)) return next();
  const fn = enclosingFunction(call);
  let guarded = false;
  if (fn) {
    walk(fn, (n) => {
      if (guarded || n.type !== 'IfStatement' || nodeStart(n) >= nodeStart(call)) return;
      const exits = (s: Node | null): boolean => !!s && (s.type === 'ReturnStatement' || (s.type === 'BlockStatement' && s.body.some((x: Node) => x.type === 'ReturnStatement')));
      if (exits(n.consequent) && mentionsOrigin(n.test)) guarded = true;
    });
  }
  return guarded;
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'cors-permissive',
    title: 'CORS lets any website read responses with the user\'s credentials',
    practice: 9,
    cwe: 'CWE-942',
    severity: 'high',
    confidence: 'high',
    description:
      "CORS decides which other websites may read this server's responses from a browser. Allowing credentials (cookies, HTTP auth) while reflecting the caller's Origin (`origin: true`, an origin callback that always says yes, `Access-Control-Allow-Origin` copied from the request) lets any website a user visits call the API as that user and read the answers: account data, CSRF tokens, anything. `origin: '*'` with credentials is refused by browsers and usually gets \"fixed\" by reflecting. A wildcard without credentials only exposes public data and is reported, at low severity, only in files that use cookies or sessions.",
    fix: "Set `origin` to the exact list of trusted origins (`origin: ['https://app.example.com']`) when `credentials: true`; for a public API keep `credentials` off.",
  },
  samples: {
    valid: [
      // Allow-list with credentials
      `const cors = require('cors');
app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }));`,
      // Public API: any origin, no credentials, no cookies in the file
      `import cors from 'cors';
app.use(cors());
app.get('/api/public/rates', (req, res) => res.json(rates));`,
      // Origin callback that checks an allow-list
      `const cors = require('cors');
const allowed = new Set(process.env.CORS_ORIGINS.split(','));
app.use(cors({
  credentials: true,
  origin(origin, callback) {
    if (!origin || allowed.has(origin)) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
}));`,
      // Manual headers after checking the origin
      `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ALLOWED_ORIGINS.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
      // Fastify with a fixed origin; reflected origin without credentials and without cookies
      `import Fastify from 'fastify';
import cors from '@fastify/cors';
const app = Fastify();
await app.register(cors, { origin: 'https://app.example.com', credentials: true });
await app.register(cors, { origin: true });`,
      // Koa cors without credentials
      `const cors = require('@koa/cors');
app.use(cors({ allowMethods: 'GET' }));`,
    ],
    invalid: [
      // origin: true reflects any origin
      `const express = require('express');
const cors = require('cors');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(cors({ origin: true, credentials: true }));`,
      // Wildcard with credentials, options in a constant (TypeScript)
      {
        filename: 'cors.ts',
        code: `import cors, { CorsOptions } from 'cors';
const corsOptions: CorsOptions = {
  origin: '*',
  credentials: true,
  methods: ['GET', 'POST'],
};
export const corsMiddleware = cors(corsOptions);`,
      },
      // Callbacks that always say yes (the second one before its leftover allow-list check)
      {
        code: `const cors = require('cors');
app.use(cors({
  origin: (origin, callback) => callback(null, true),
  credentials: true,
}));
const corsOptions = {
  credentials: true,
  origin: function (origin, callback) {
    return callback(null, true);
    if (allowedOrigins[origin]) {
      return callback(null, true);
    }
    callback(new Error('ERR_CORS'));
  },
};
app.use(cors(corsOptions));`,
        count: 2,
      },
      // Manual reflection with credentials
      `app.use(function (req, res, next) {
  res.header('Access-Control-Allow-Origin', req.headers.origin);
  res.header('Access-Control-Allow-Credentials', true);
  res.header('Access-Control-Allow-Headers', 'Origin, X-Requested-With, Content-Type, Accept');
  next();
});`,
      // @fastify/cors and @koa/cors (which reflects the Origin when credentials are on)
      {
        code: `fastify.register(require('@fastify/cors'), { origin: /.*/, credentials: true });
const kcors = require('@koa/cors');
app.use(kcors({ credentials: true }));`,
        count: 2,
      },
      // Plain cors() in a file that relies on cookies
      `const cors = require('cors');
const cookieParser = require('cookie-parser');
app.use(cookieParser());
app.use(cors());
app.get('/me', (req, res) => res.json(sessions.get(req.cookies.sid)));`,
      // Koa ctx.set with an object, NestJS enableCors
      {
        filename: 'main.ts',
        code: `app.use(async (ctx, next) => {
  ctx.set({ 'Access-Control-Allow-Origin': ctx.get('Origin'), 'Access-Control-Allow-Credentials': 'true' });
  await next();
});
nestApp.enableCors({ origin: true, credentials: true });`,
        count: 2,
      },
    ],
  },
  create(context): Visitors {
    // Throwaway apps and handlers in tests are not what users reach.
    if (isTestFile(context.filename)) return {};
    let cookies: boolean | undefined;
    const usesCookiesOnce = (): boolean => (cookies ??= usesCookies(context.sourceCode));
    return {
      CallExpression(node) {
        checkCorsCall(node, context, usesCookiesOnce);
      },
      'Program:exit'() {
        checkManualHeaders(context);
      },
    };
  },
};

export default rule;
