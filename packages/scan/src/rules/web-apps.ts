/**
 * Web apps, routes and handlers, read from the syntax tree alone (no scope manager, so
 * rules behave the same in ESLint): which Express, Fastify and Koa apps a file creates,
 * whether it serves or exports them, which routes it registers, which parameters of a
 * handler are the request and the response, and where a handler answers the client.
 */
import { memberPath, moduleBindings, nodesOfType, propertyName, requireBinding, resolveCallee, staticValue, unwrap } from './ast.js';
import { nameOf, nameWords } from './identifier-words.js';
import type { Node, RuleSourceCode } from './types.js';
import { findDeclaration, isFunction } from './value-origin.js';

export type Framework = 'express' | 'fastify' | 'koa';

export interface WebApp {
  readonly framework: Framework;
  /** An application, or a router mounted on one. */
  readonly kind: 'app' | 'router';
  /** The package that made it: 'express', 'express-promise-router', '@koa/router'... */
  readonly module: string;
  /** The creating expression: `express()`, `express.Router()`, `fastify()`, `new Koa()`. */
  readonly node: Node;
  /** What the file calls it: `app`, `this.app`; empty when it is never stored under a name. */
  readonly names: readonly string[];
}

/** Package → how to make an app or router with it. `call` allows a plain call, `new` a constructor. */
interface Factory {
  readonly module: string;
  readonly path: readonly string[];
  readonly framework: Framework;
  readonly kind: 'app' | 'router';
  readonly call: boolean;
  readonly new: boolean;
}

const FACTORIES: readonly Factory[] = [
  { module: 'express', path: [], framework: 'express', kind: 'app', call: true, new: false },
  { module: 'express', path: ['default'], framework: 'express', kind: 'app', call: true, new: false },
  { module: 'express', path: ['Router'], framework: 'express', kind: 'router', call: true, new: true },
  { module: 'express', path: ['default', 'Router'], framework: 'express', kind: 'router', call: true, new: true },
  { module: 'express-promise-router', path: [], framework: 'express', kind: 'router', call: true, new: true },
  { module: 'fastify', path: [], framework: 'fastify', kind: 'app', call: true, new: false },
  { module: 'fastify', path: ['default'], framework: 'fastify', kind: 'app', call: true, new: false },
  { module: 'fastify', path: ['fastify'], framework: 'fastify', kind: 'app', call: true, new: false },
  { module: 'koa', path: [], framework: 'koa', kind: 'app', call: false, new: true },
  { module: 'koa', path: ['default'], framework: 'koa', kind: 'app', call: false, new: true },
  { module: '@koa/router', path: [], framework: 'koa', kind: 'router', call: false, new: true },
  { module: 'koa-router', path: [], framework: 'koa', kind: 'router', call: true, new: true },
];

/** Route registration methods shared by Express apps/routers, Fastify instances and Koa routers. */
export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'use']);

const appCache = new WeakMap<object, WebApp[]>();

/** Where a created value is stored: `const app = ...`, `this.app = ...`, `app = ...`, class field `app = ...`. */
function storedUnder(node: Node): string[] {
  const p = node.parent;
  if (!p) return [];
  if (p.type === 'VariableDeclarator' && p.init === node && p.id.type === 'Identifier') return [p.id.name];
  if (p.type === 'AssignmentExpression' && p.right === node) {
    // const app = module.exports = express(): both names.
    const path = memberPath(p.left);
    return [...(path ? [path] : []), ...storedUnder(p)];
  }
  if (p.type === 'PropertyDefinition' && p.value === node) {
    const key = propertyName(p.key, p.computed);
    return key ? [`this.${key}`] : [];
  }
  if ((p.type === 'TSAsExpression' || p.type === 'TSSatisfiesExpression' || p.type === 'TSNonNullExpression') && p.expression === node) return storedUnder(p);
  return [];
}

function factoryOf(node: Node, sourceCode: RuleSourceCode): Factory | undefined {
  if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return undefined;
  const b = resolveCallee(node.callee, sourceCode);
  if (!b) return undefined;
  return FACTORIES.find(
    (f) => f.module === b.module && f.path.length === b.path.length && f.path.every((x, i) => x === b.path[i]) && (node.type === 'NewExpression' ? f.new : f.call),
  );
}

/** Every Express/Fastify/Koa app and router created in the file. */
export function findWebApps(sourceCode: RuleSourceCode): readonly WebApp[] {
  const ast = sourceCode.ast;
  const cached = appCache.get(ast);
  if (cached) return cached;
  const out: WebApp[] = [];
  nodesOfType(sourceCode, 'CallExpression', 'NewExpression').forEach((node) => {
    const f = factoryOf(node, sourceCode);
    if (f) out.push({ framework: f.framework, kind: f.kind, module: f.module, node, names: storedUnder(node) });
  });
  appCache.set(ast, out);
  return out;
}

/** The app or router a receiver expression names, if the file created it. */
export function appByName(sourceCode: RuleSourceCode, receiver: Node): WebApp | undefined {
  const r = unwrap(receiver);
  if (!r) return undefined;
  const direct = findWebApps(sourceCode).find((a) => a.node === r);
  if (direct) return direct;
  const path = memberPath(r);
  if (!path) return undefined;
  return findWebApps(sourceCode).find((a) => a.names.includes(path));
}

/** True when the file brings in one of these packages (import, require, or a bare side-effect import). */
export function importsModule(sourceCode: RuleSourceCode, modules: ReadonlySet<string>): boolean {
  return importedModules(sourceCode).some((name) => modules.has(name) || [...modules].some((m) => name.startsWith(`${m}/`)));
}

const importedCache = new WeakMap<object, string[]>();

/** Every module specifier the file imports or requires (node: prefix removed), computed once per file. */
export function importedModules(sourceCode: RuleSourceCode): string[] {
  const cached = importedCache.get(sourceCode.ast);
  if (cached) return cached;
  const out: string[] = [];
  for (const node of nodesOfType(sourceCode, 'ImportDeclaration', 'ImportExpression', 'CallExpression')) {
    let source: string | undefined;
    if (node.type === 'ImportDeclaration' && node.importKind !== 'type') source = staticValue(node.source);
    else if (node.type === 'ImportExpression') source = staticValue(node.source);
    else if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
      source = staticValue(node.arguments[0]);
    }
    if (source !== undefined) out.push(source.startsWith('node:') ? source.slice(5) : source);
  }
  importedCache.set(sourceCode.ast, out);
  return out;
}

const SERVER_MODULES = new Set(['express', 'fastify', 'koa', '@koa/router', 'koa-router', 'express-promise-router', 'restify', 'polka']);

/** True when the file imports a server framework: receivers named `app`/`router` are then web apps. */
export function isServerFile(sourceCode: RuleSourceCode): boolean {
  return importsModule(sourceCode, SERVER_MODULES);
}

// ---------------------------------------------------------------------------------------
// Serving: an app that is started or handed to someone else is live code, not a fixture.

/** Calls that take an app and serve it: http.createServer(app), serverless(app), functions.https.onRequest(app). */
const SERVING_CALL = /^(createServer|createSecureServer|serverless|serverlessExpress|onRequest|handle|listen|configure)$/;

function refersTo(node: Node | null | undefined, app: WebApp): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n === app.node) return true;
  const path = memberPath(n);
  if (path && app.names.includes(path)) return true;
  // Koa: http.createServer(app.callback())
  if (n.type === 'CallExpression' && n.arguments.length === 0 && unwrap(n.callee)?.type === 'MemberExpression' && nameOf(n.callee) === 'callback') {
    return refersTo(unwrap(n.callee)!.object, app);
  }
  return false;
}

/** True when the expression exports `app` as CommonJS or ESM (`module.exports = app`, `{ app }`...). */
function isExportTarget(node: Node, app: WebApp): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (refersTo(n, app)) return true;
  if (n.type === 'ObjectExpression') return n.properties.some((p: Node) => p.type === 'Property' && refersTo(p.value, app));
  return false;
}

/**
 * True when the file starts the app (`app.listen`), passes it to a server or serverless
 * adapter, exports it, or returns it from a factory: then its configuration is this file's job.
 */
export function isServedOrExported(app: WebApp, sourceCode: RuleSourceCode): boolean {
  // `export const app = express()`, `module.exports = express()`, `export default fastify()`.
  let p = app.node.parent;
  while (p && (p.type === 'TSAsExpression' || p.type === 'TSSatisfiesExpression')) p = p.parent;
  if (p?.type === 'ExportDefaultDeclaration' || p?.type === 'ReturnStatement') return true;
  if (p?.type === 'VariableDeclarator' && p.parent?.parent?.type === 'ExportNamedDeclaration') return true;
  if (p?.type === 'AssignmentExpression' && /^(module\.)?exports(\.|$)/.test(memberPath(p.left) ?? '')) return true;
  if (app.names.length === 0) return false;
  let served = false;
  nodesOfType(sourceCode, 'CallExpression', 'AssignmentExpression', 'ExportDefaultDeclaration', 'ExportSpecifier', 'ReturnStatement').forEach((node) => {
    if (served) return;
    switch (node.type) {
      case 'CallExpression': {
        const callee = unwrap(node.callee);
        if (callee?.type === 'MemberExpression' && refersTo(callee.object, app) && ['listen', 'ready', 'callback'].includes(nameOf(callee) ?? '')) served = true;
        else if (SERVING_CALL.test(nameOf(callee) ?? '') && node.arguments.some((a: Node) => refersTo(a, app) || isExportTarget(a, app))) served = true;
        break;
      }
      case 'AssignmentExpression':
        if (/^(module\.)?exports(\.|$)/.test(memberPath(node.left) ?? '') && isExportTarget(node.right, app)) served = true;
        break;
      case 'ExportDefaultDeclaration':
        if (isExportTarget(node.declaration, app)) served = true;
        break;
      case 'ExportSpecifier':
        if (node.local && refersTo(node.local, app)) served = true;
        break;
      case 'ReturnStatement':
        if (node.argument && isExportTarget(node.argument, app)) served = true;
        break;
    }
  });
  return served;
}

/** Calls that the app is passed to, other than serving it: `configureSecurity(app)`, `require('./routes')(app)`. */
export function callsTakingApp(app: WebApp, sourceCode: RuleSourceCode): Node[] {
  const out: Node[] = [];
  if (app.names.length === 0) return out;
  nodesOfType(sourceCode, 'CallExpression').forEach((node) => {
    if (SERVING_CALL.test(nameOf(node.callee) ?? '')) return;
    if (node.arguments.some((a: Node) => refersTo(a, app))) out.push(node);
  });
  return out;
}

/** The name a callee goes by, for judging helpers by their names: `setupSecurity`, `require('./middleware/errors')`. */
export function calleeLabel(call: Node): string {
  const callee = unwrap(call.callee);
  if (callee?.type === 'CallExpression' && callee.callee.type === 'Identifier' && callee.callee.name === 'require') return staticValue(callee.arguments[0]) ?? '';
  return memberPath(callee) ?? nameOf(callee) ?? '';
}

// ---------------------------------------------------------------------------------------
// Routes.

export interface Route {
  /** The registration call: `app.get('/x', h)`, `router.route('/x').post(h)`, `fastify.route({...})`. */
  readonly call: Node;
  readonly method: string;
  /** The app or router it is registered on, when the file created it. */
  readonly app: WebApp | undefined;
  /** Express, Fastify or Koa, from the app or else guessed from the file and the handlers. */
  readonly framework: Framework;
  /** The route path when written literally. */
  readonly path: string | undefined;
  /** The handler arguments: functions, names of functions, wrapped functions. */
  readonly handlers: readonly Node[];
}

/** Receivers that conventionally hold an app or router: `app`, `router`, `apiRouter`, `this.app`, `server`, `fastify`. */
const RECEIVER_WORDS = new Set(['app', 'router', 'routes', 'route', 'server', 'api', 'fastify', 'instance']);

function looksLikeReceiver(node: Node): boolean {
  const name = nameOf(node);
  if (!name) return false;
  const words = nameWords(name);
  return words.length > 0 && RECEIVER_WORDS.has(words[words.length - 1]);
}

function isPathArgument(node: Node | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (staticValue(n) !== undefined || n.type === 'TemplateLiteral') return true;
  if (n.type === 'Literal' && n.regex) return true;
  if (n.type === 'ArrayExpression') return n.elements.length > 0 && n.elements.every((e: Node) => isPathArgument(e));
  return false;
}

function isHandlerArgument(node: Node): boolean {
  const n = unwrap(node);
  if (!n) return false;
  return isFunction(n) || n.type === 'Identifier' || n.type === 'MemberExpression' || n.type === 'CallExpression' || n.type === 'ArrayExpression';
}

const routeCache = new WeakMap<object, Route[]>();

/** Every route and middleware registration in the file. */
export function findRoutes(sourceCode: RuleSourceCode): readonly Route[] {
  const ast = sourceCode.ast;
  const cached = routeCache.get(ast);
  if (cached) return cached;
  const out: Route[] = [];
  const serverFile = isServerFile(sourceCode);
  nodesOfType(sourceCode, 'CallExpression').forEach((node) => {
    const route = readRoute(node, sourceCode, serverFile);
    if (route) out.push(route);
  });
  routeCache.set(ast, out);
  return out;
}

function readRoute(call: Node, sourceCode: RuleSourceCode, serverFile: boolean): Route | undefined {
  const callee = unwrap(call.callee);
  if (callee?.type !== 'MemberExpression') return undefined;
  const method = propertyName(callee.property, callee.computed);
  // Only route verbs and fastify's route() register routes: decide before any app lookup.
  if (!method || (method !== 'route' && !ROUTE_METHODS.has(method))) return undefined;
  let receiver = unwrap(callee.object)!;
  let path: string | undefined;
  // router.route('/x').get(h).post(h2): the path comes from .route(), the receiver from before it.
  while (receiver.type === 'CallExpression' && unwrap(receiver.callee)?.type === 'MemberExpression') {
    const inner = unwrap(receiver.callee)!;
    const innerMethod = propertyName(inner.property, inner.computed);
    if (innerMethod === 'route' && receiver.arguments.length === 1 && isPathArgument(receiver.arguments[0])) {
      path = staticValue(receiver.arguments[0]);
      receiver = unwrap(inner.object)!;
      break;
    }
    if (innerMethod && ROUTE_METHODS.has(innerMethod)) {
      receiver = unwrap(inner.object)!;
      continue;
    }
    return undefined;
  }
  const app = appByName(sourceCode, receiver);
  const args: Node[] = call.arguments;
  if (!app && !(looksLikeReceiver(receiver) && (serverFile || args.some((a) => isFunction(unwrap(a)) && looksLikeHandler(unwrap(a)!))))) return undefined;
  if (app?.kind === 'app' && app.framework === 'koa' && method !== 'use') return undefined;

  // fastify.route({ method, url, handler })
  if (method === 'route' && args.length === 1 && unwrap(args[0])?.type === 'ObjectExpression') {
    const options = unwrap(args[0])!;
    const handlers = objectValues(options, ['handler', 'preHandler', 'onRequest']);
    if (handlers.length === 0) return undefined;
    return { call, method, app, framework: app?.framework ?? 'fastify', path: staticValue(objectValue(options, 'url') ?? objectValue(options, 'path')), handlers };
  }
  if (!ROUTE_METHODS.has(method)) return undefined;
  let rest = args;
  if (path === undefined && isPathArgument(args[0])) {
    path = staticValue(args[0]);
    rest = args.slice(1);
  } else if (method !== 'use' && path === undefined) {
    // app.get('env') reads a setting; without a path a verb is not a route.
    return undefined;
  }
  const handlers: Node[] = [];
  for (const a of rest) {
    const n = unwrap(a)!;
    // Fastify: app.get('/x', { schema, preHandler }, handler) or app.get('/x', { handler })
    if (n.type === 'ObjectExpression') handlers.push(...objectValues(n, ['handler', 'preHandler', 'onRequest']));
    else if (n.type === 'ArrayExpression') handlers.push(...n.elements.filter((e: Node | null) => e && isHandlerArgument(e)));
    else if (isHandlerArgument(n)) handlers.push(n);
  }
  if (handlers.length === 0) return undefined;
  const framework = app?.framework ?? guessFramework(sourceCode, handlers, receiver);
  return { call, method, app, framework, path, handlers };
}

function objectValue(obj: Node, key: string): Node | undefined {
  for (const p of obj.properties) if (p.type === 'Property' && propertyName(p.key, p.computed) === key) return p.value;
  return undefined;
}

function objectValues(obj: Node, keys: readonly string[]): Node[] {
  const out: Node[] = [];
  for (const k of keys) {
    const v = unwrap(objectValue(obj, k));
    if (!v) continue;
    if (v.type === 'ArrayExpression') out.push(...v.elements.filter((e: Node | null) => e && isHandlerArgument(e)));
    else if (isHandlerArgument(v)) out.push(v);
  }
  return out;
}

function guessFramework(sourceCode: RuleSourceCode, handlers: readonly Node[], receiver: Node): Framework {
  if (nameWords(nameOf(receiver) ?? '').includes('fastify')) return 'fastify';
  for (const h of handlers) {
    const fn = unwrap(h);
    if (!fn || !isFunction(fn)) continue;
    const names = paramNames(fn);
    if (names[0] && CONTEXT_NAMES.has(names[0])) return 'koa';
    if (names[1] && /^(reply|rep)$/.test(names[1])) return 'fastify';
  }
  if (importsModule(sourceCode, new Set(['fastify']))) return 'fastify';
  if (importsModule(sourceCode, new Set(['koa', '@koa/router', 'koa-router']))) return 'koa';
  return 'express';
}

// ---------------------------------------------------------------------------------------
// Handlers and their parameters.

const REQUEST_NAMES = new Set(['req', 'request', '_req', '_request', 'rq']);
const RESPONSE_NAMES = new Set(['res', 'response', 'resp', 'reply', 'rep', '_res']);
const CONTEXT_NAMES = new Set(['ctx', 'context']);

function paramName(p: Node | undefined): string | undefined {
  const n = p?.type === 'AssignmentPattern' ? p.left : p?.type === 'TSParameterProperty' ? p.parameter : p;
  return n?.type === 'Identifier' ? n.name : undefined;
}

function paramNames(fn: Node): (string | undefined)[] {
  return fn.params.map((p: Node) => paramName(p));
}

/** `(req, res)`, `(request, reply)`, `(ctx, next)`, `(err, req, res, next)`: the shapes of handlers. */
export function looksLikeHandler(fn: Node): boolean {
  const names = paramNames(fn);
  if (names.length === 4) return !!names[1] && REQUEST_NAMES.has(names[1]);
  if (names[0] && CONTEXT_NAMES.has(names[0])) return names.length <= 2;
  return !!names[0] && REQUEST_NAMES.has(names[0]) && !!names[1] && (RESPONSE_NAMES.has(names[1]) || names[1] === 'h');
}

export interface HandlerParams {
  /** 'error' for Express's 4-argument error middleware. */
  readonly style: Framework | 'error';
  readonly error?: string;
  readonly request?: string;
  readonly response?: string;
  readonly next?: string;
  /** Koa's context: both request and response. */
  readonly context?: string;
}

/** Which parameters of a handler are the request, the response, next, Koa's ctx or the error. */
export function handlerParams(fn: Node, framework?: Framework): HandlerParams {
  const names = paramNames(fn);
  if (names.length === 4) return { style: 'error', error: names[0], request: names[1], response: names[2], next: names[3] };
  if (framework === 'koa' || (names[0] && CONTEXT_NAMES.has(names[0]) && framework !== 'express' && framework !== 'fastify')) {
    return { style: 'koa', context: names[0], next: names[1] };
  }
  if (framework === 'fastify' || (names[1] && /^(reply|rep)$/.test(names[1]))) return { style: 'fastify', request: names[0], response: names[1] };
  return { style: 'express', request: names[0], response: names[1], next: names[2] };
}

/**
 * The function a handler argument stands for: the function itself, a function declared
 * in this file under that name, or the function a wrapper call receives (`asyncHandler(fn)`).
 */
export function handlerFunction(handler: Node): { fn: Node; wrapped: boolean } | undefined {
  let n = unwrap(handler);
  let wrapped = false;
  if (n?.type === 'CallExpression' && n.arguments.length >= 1 && isFunction(unwrap(n.arguments[n.arguments.length - 1]))) {
    n = unwrap(n.arguments[n.arguments.length - 1]);
    wrapped = true;
  }
  if (!n) return undefined;
  if (isFunction(n)) return { fn: n, wrapped };
  if (n.type === 'Identifier') {
    const d = findDeclaration(n.name, n);
    if (d?.kind === 'function' && isFunction(d.node)) return { fn: d.node, wrapped };
    if ((d?.kind === 'const' || d?.kind === 'let' || d?.kind === 'var') && d.path.length === 0 && isFunction(unwrap(d.node.init))) return { fn: unwrap(d.node.init)!, wrapped };
  }
  return undefined;
}

/**
 * True when `name`, used at `at`, is a response object: a conventional name (`res`, `reply`),
 * or the parameter after a request in an enclosing handler (`(request, h)`, `(err, req, out, next)`).
 */
export function isResponseName(name: string, at: Node): boolean {
  if (RESPONSE_NAMES.has(name)) return true;
  const d = findDeclaration(name, at);
  if (!d || d.kind !== 'param' || d.path.length > 0) return false;
  const names = paramNames(d.node);
  if (names.length === 4) return d.index === 2 && !!names[1] && REQUEST_NAMES.has(names[1]);
  return d.index === 1 && !!names[0] && REQUEST_NAMES.has(names[0]);
}

/** True when `name` is Koa's context at `at`: `ctx`, or the first parameter of a Koa-style `(x, next)` middleware. */
export function isContextName(name: string, at: Node): boolean {
  if (CONTEXT_NAMES.has(name)) return true;
  const d = findDeclaration(name, at);
  if (!d || d.kind !== 'param' || d.index !== 0) return false;
  const names = paramNames(d.node);
  return names.length === 2 && names[1] === 'next';
}

// ---------------------------------------------------------------------------------------
// Answers: where a handler sends something to the client.

/** Response methods that send a body (or end the response). */
const SEND_METHODS = new Set(['send', 'json', 'jsonp', 'end', 'write', 'render', 'sendStatus', 'sendFile', 'redirect']);
/** Response methods that return the response, so they chain before a send. */
const CHAIN_METHODS = new Set(['status', 'code', 'type', 'set', 'header', 'headers', 'setHeader', 'cookie', 'clearCookie', 'location', 'vary', 'append', 'contentType', 'links', 'attachment', 'format']);

export interface Answer {
  /** The send call, or the `ctx.body = ...` assignment. */
  readonly node: Node;
  readonly method: string;
  /** What is sent to the client, if anything. */
  readonly payload: Node | undefined;
  /** The status code: a number, 'dynamic' when computed, undefined when not set here (framework default). */
  readonly status: number | 'dynamic' | undefined;
}

function statusOf(arg: Node | undefined): number | 'dynamic' {
  const v = staticValue(arg);
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) ? n : 'dynamic';
}

/**
 * Reads a response send: `res.status(500).json(x)`, `reply.code(400).send(x)`, `res.sendStatus(404)`,
 * `ctx.body = x`. Undefined for anything else.
 */
export function readAnswer(node: Node): Answer | undefined {
  if (node.type === 'AssignmentExpression' && node.operator === '=') {
    const left = unwrap(node.left);
    if (left?.type !== 'MemberExpression' || propertyName(left.property, left.computed) !== 'body') return undefined;
    let root = unwrap(left.object);
    if (root?.type === 'MemberExpression' && propertyName(root.property, root.computed) === 'response') root = unwrap(root.object);
    if (root?.type !== 'Identifier' || !isContextName(root.name, node)) return undefined;
    return { node, method: 'body', payload: node.right, status: undefined };
  }
  if (node.type !== 'CallExpression') return undefined;
  const callee = unwrap(node.callee);
  if (callee?.type !== 'MemberExpression') return undefined;
  const method = propertyName(callee.property, callee.computed);
  if (!method || !SEND_METHODS.has(method)) return undefined;
  // `await response.json()` reads a fetch Response; a send has something to send.
  if ((method === 'json' || method === 'jsonp') && node.arguments.length === 0) return undefined;
  let status: number | 'dynamic' | undefined;
  let cur = unwrap(callee.object);
  while (cur?.type === 'CallExpression' && unwrap(cur.callee)?.type === 'MemberExpression') {
    const inner = unwrap(cur.callee)!;
    const m = propertyName(inner.property, inner.computed);
    if (!m || !CHAIN_METHODS.has(m)) return undefined;
    if ((m === 'status' || m === 'code') && status === undefined) status = statusOf(cur.arguments[0]);
    cur = unwrap(inner.object);
  }
  if (cur?.type !== 'Identifier' || !isResponseName(cur.name, node)) return undefined;
  if (method === 'sendStatus') return { node, method, payload: undefined, status: statusOf(node.arguments[0]) };
  const payload = method === 'render' ? node.arguments[1] : method === 'redirect' || method === 'sendFile' ? undefined : node.arguments[0];
  return { node, method, payload, status };
}

// ---------------------------------------------------------------------------------------
// Middleware packages and response headers.

function inDeclarationPosition(id: Node): boolean {
  let child = id;
  for (let p = id.parent; p; child = p, p = p.parent) {
    if (p.type === 'ImportSpecifier' || p.type === 'ImportDefaultSpecifier' || p.type === 'ImportNamespaceSpecifier') return true;
    if (p.type === 'VariableDeclarator') return p.id === child;
    if (p.type === 'Property' && p.key === child && !p.computed && p.value !== child) return true;
    if (p.type === 'MemberExpression' && p.property === child && !p.computed) return true;
    if (p.type !== 'ObjectPattern' && p.type !== 'ArrayPattern' && p.type !== 'Property' && p.type !== 'AssignmentPattern' && p.type !== 'RestElement') return false;
  }
  return false;
}

/**
 * The places a file uses one of these packages: a name bound to it used in code
 * (`app.use(helmet())`, `fastify.register(helmet)`), or an inline `require('helmet')`.
 * An import that is never used does not count.
 */
export function moduleUses(sourceCode: RuleSourceCode, modules: ReadonlySet<string>): Node[] {
  const bindings = moduleBindings(sourceCode);
  const names = new Set<string>();
  for (const [name, b] of bindings) if (modules.has(b.module)) names.add(name);
  const out: Node[] = [];
  nodesOfType(sourceCode, 'Identifier', 'CallExpression', 'ImportExpression').forEach((node) => {
    if (node.type === 'Identifier' && names.has(node.name) && !inDeclarationPosition(node)) out.push(node);
    else if (node.type === 'CallExpression' || node.type === 'ImportExpression') {
      const b = requireBinding(node);
      if (b && modules.has(b.module) && node.parent?.type !== 'VariableDeclarator' && node.parent?.type !== 'AwaitExpression') out.push(node);
    }
  });
  return out;
}

export interface HeaderWrite {
  /** The call that sets the header. */
  readonly call: Node;
  /** Lower-case header name. */
  readonly name: string;
  readonly value: Node | undefined;
  /** The property node when headers were set as an object. */
  readonly at: Node;
}

const HEADER_SETTERS = new Set(['setHeader', 'set', 'header', 'append', 'appendHeader']);
const HEADER_OBJECT_SETTERS = new Set(['set', 'header', 'headers', 'setHeaders']);

/** Every response header set with a literal name: `res.setHeader('X', v)`, `ctx.set({...})`, `res.writeHead(200, {...})`. */
export function headerWrites(sourceCode: RuleSourceCode): readonly HeaderWrite[] {
  const out: HeaderWrite[] = [];
  const fromObject = (call: Node, obj: Node | undefined): void => {
    const o = unwrap(obj);
    if (o?.type !== 'ObjectExpression') return;
    for (const p of o.properties) {
      if (p.type !== 'Property') continue;
      const name = propertyName(p.key, p.computed);
      if (name) out.push({ call, name: name.toLowerCase(), value: p.value, at: p });
    }
  };
  nodesOfType(sourceCode, 'CallExpression').forEach((node) => {
    const callee = unwrap(node.callee);
    if (callee?.type !== 'MemberExpression') return;
    const method = propertyName(callee.property, callee.computed);
    if (!method) return;
    if (method === 'writeHead') {
      fromObject(node, node.arguments[node.arguments.length - 1]);
      return;
    }
    const name = staticValue(node.arguments[0]);
    if (HEADER_SETTERS.has(method) && name !== undefined && node.arguments.length >= 2) {
      out.push({ call: node, name: name.toLowerCase(), value: node.arguments[1], at: node });
    } else if (HEADER_OBJECT_SETTERS.has(method) && node.arguments.length === 1) {
      fromObject(node, node.arguments[0]);
    }
  });
  return out;
}
