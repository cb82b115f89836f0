import type { IncomingMessage, ServerResponse } from 'node:http';
import { patchExpress4Layer } from '../errors/express-async.js';
import type { Answer, Guard } from '../guard.js';
import { installRequestIdAccessor, requestState, type RequestState } from '../request-state.js';

/** The parts of Express this adapter touches, typed locally so Express is not a dependency. */
export interface ExpressRequest extends IncomingMessage {
  app?: ExpressApp;
  body?: unknown;
  _body?: boolean;
  /** This request's id (accepted or generated), also in `res.locals.requestId`. */
  requestId?: string;
}
export interface ExpressResponse extends ServerResponse {
  locals?: Record<string, unknown>;
  json?: (body: unknown) => unknown;
  req: ExpressRequest;
}
interface ExpressLayer {
  handle: unknown;
}
interface ExpressRouter {
  stack: ExpressLayer[];
}
interface ExpressApp {
  settings?: Record<string, unknown>;
  _router?: ExpressRouter;
  router?: ExpressRouter;
  use(fn: unknown): unknown;
}
export type ExpressNext = (err?: unknown) => void;
export type ExpressMiddleware = (req: ExpressRequest, res: ExpressResponse, next: ExpressNext) => void;
export type ExpressErrorHandler = (err: unknown, req: ExpressRequest, res: ExpressResponse, next: ExpressNext) => void;

const kRouter = Symbol('rampart.expressRouter');
/** Marks a res.json that filters responses, so it is wrapped once, not once per request. */
const kFiltering = Symbol.for('rampart.filteringJson');

type JsonMethod = ((this: ExpressResponse, body: unknown) => unknown) & { [kFiltering]?: true };

/**
 * res.json that passes objects through the response filter of the guard that began the request
 * (Express's res.send(object) calls it too). Without a guard state it is the original, untouched.
 */
function filteringJson(original: JsonMethod): JsonMethod {
  const json: JsonMethod = function json(this: ExpressResponse, body: unknown): unknown {
    const req = this.req;
    const state = req ? requestState(req) : undefined;
    if (req && state) {
      const r = state.guard.filterResponse(body, req, state);
      if (!r.ok) {
        this.statusCode = r.answer.status;
        return original.call(this, r.answer.body);
      }
      body = r.value;
    }
    return original.call(this, body);
  };
  json[kFiltering] = true;
  return json;
}

/**
 * Wraps res.json where it is defined: normally Express's shared response prototype, once for the
 * process, so sub-apps (which swap the prototype) are covered and a request costs no wrapping;
 * on the response itself when something assigned its own res.json.
 */
function filterJsonOf(res: ExpressResponse): void {
  let owner: object | null = res;
  while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, 'json')) owner = Object.getPrototypeOf(owner) as object | null;
  const target = (owner ?? res) as { json: JsonMethod };
  target.json = filteringJson(target.json);
}

function routerOf(app: ExpressApp & { [kRouter]?: ExpressRouter | null }): ExpressRouter | undefined {
  if (app[kRouter] !== undefined) return app[kRouter] ?? undefined;
  let router: ExpressRouter | undefined;
  if (app._router && Array.isArray(app._router.stack)) router = app._router; // Express 4
  else {
    try {
      const r = app.router; // Express 5 (a getter; Express 4 throws "app.router is deprecated")
      if (r && Array.isArray(r.stack)) router = r;
    } catch {
      router = undefined;
    }
  }
  // Only cache once routes exist: the router of an app without any route is created lazily.
  if (router) app[kRouter] = router;
  return router;
}

/**
 * The Express adapter (4 and 5). Besides headers and checks at the start of the chain, it
 * keeps Rampart's error handler the LAST layer of the app's router, so errors every route and
 * middleware pass on (including the app's own error handlers calling next(err)) end in a safe
 * answer instead of Express's default handler, which prints stacks outside production.
 */
export function expressAdapter(guard: Guard): ExpressMiddleware & { errorHandler: ExpressErrorHandler } {
  installRequestIdAccessor();
  const errorHandler: ExpressErrorHandler = function rampartErrorHandler(err, req, res, next) {
    if (res.headersSent) {
      // Too late for a clean answer: let Express close the connection (its default).
      guard.failed(err, req, requestState(req));
      next(err);
      return;
    }
    guard.send(req, res, guard.failed(err, req, requestState(req)));
  };

  function keepErrorHandlerLast(app: ExpressApp): void {
    const router = routerOf(app);
    if (!router) return;
    const stack = router.stack;
    if (stack.length > 0 && stack[stack.length - 1].handle === errorHandler) return;
    if (guard.errors && guard.errors.expressAsync && stack.length > 0) patchExpress4Layer(stack[0]);
    const at = stack.findIndex((l) => l.handle === errorHandler);
    if (at >= 0) stack.push(stack.splice(at, 1)[0]);
    else app.use(errorHandler);
  }

  function send(req: ExpressRequest, res: ExpressResponse, answer: Answer): void {
    guard.send(req, res, answer);
  }

  function proceed(req: ExpressRequest, res: ExpressResponse, state: RequestState, next: ExpressNext): void {
    if (req.body !== undefined || req._body) {
      // A body parser ran before the guard: check what it produced.
      const bad = guard.checkParsed(req.body, 'body', req, state);
      if (bad) return send(req, res, bad);
      return next();
    }
    const reading = guard.readJson(req, state);
    if (!reading) {
      // Not JSON: a parser after the guard (express.urlencoded with qs) may build nested objects.
      guard.watchLateBody(req, 'body', req, state);
      return next();
    }
    reading.then(
      (r) => {
        if ('answer' in r) return send(req, res, r.answer);
        req.body = r.body;
        req._body = true; // body-parser (Express 4) then skips; Express 5's sees the stream ended
        next();
      },
      (err: unknown) => next(err),
    );
  }

  let appProto: object | null | undefined;
  let protoApp: ExpressApp | undefined;
  const middleware = function rampart(req: ExpressRequest, res: ExpressResponse, next: ExpressNext): void {
    const state = guard.begin(req, res);
    // req.requestId: an accessor on the prototype reads it from the state (installRequestIdAccessor).
    const locals = res.locals;
    if (locals) {
      locals.cspNonce = state.nonce;
      locals.requestId = state.requestId;
    }
    // req.app lives on the request's prototype (app.request), which Express sets per request:
    // the lookup through it is slow, the prototype itself is one read, so the app is remembered per prototype.
    const proto = Object.getPrototypeOf(req) as object | null;
    let app: ExpressApp | undefined;
    if (proto === appProto) app = protoApp;
    else {
      app = req.app;
      appProto = proto;
      protoApp = app;
    }
    if (app && guard.errors) keepErrorHandlerLast(app);
    // Express adds X-Powered-By in app.handle, before any middleware: switching the app's setting
    // off once saves a removeHeader per request (and still catches an app that turns it back on).
    if (guard.hidePoweredBy && (!app?.settings || app.settings['x-powered-by'])) {
      if (app?.settings) app.settings['x-powered-by'] = false;
      res.removeHeader('X-Powered-By');
    }
    const json = res.json as JsonMethod | undefined;
    if (typeof json === 'function' && json[kFiltering] !== true) filterJsonOf(res);
    const refusal = guard.screen(req, res, state);
    if (refusal) return send(req, res, refusal);
    const admission = guard.admit(req, res, state);
    if (!admission) return proceed(req, res, state, next);
    admission.then(
      (answer) => (answer ? send(req, res, answer) : proceed(req, res, state, next)),
      (err: unknown) => next(err),
    );
  } as ExpressMiddleware & { errorHandler: ExpressErrorHandler };
  middleware.errorHandler = errorHandler;
  return middleware;
}
