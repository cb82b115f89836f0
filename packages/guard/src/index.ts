/**
 * @rampart/guard: one call secures an app, the same options in every framework.
 *
 *   app.use(rampart())                          // Express 4 and 5
 *   await fastify.register(rampart.fastify())   // Fastify 5
 *   app.use(rampart.koa())                      // Koa
 *   http.createServer(rampart.http(handler))    // node:http
 */
import { expressAdapter, type ExpressErrorHandler, type ExpressMiddleware } from './adapters/express.js';
import { fastifyAdapter, type FastifyRampartPlugin } from './adapters/fastify.js';
import { koaAdapter, type KoaMiddleware } from './adapters/koa.js';
import { nodeHttpAdapter, type NodeHandler } from './adapters/node-http.js';
import type { EventBus } from './events/index.js';
import { createGuard, type Guard } from './guard.js';
import type { GuardOptions } from './options.js';
import { validate } from './validation/validate.js';

export { DEFAULTS, type GuardOptions, type ErrorOptions, type InputOptions } from './options.js';
export { GuardSetupError } from './setup-error.js';
export { validate, type RouteSchemas } from './validation/validate.js';
export type { ResponseRule } from './response-filter/index.js';
export type { Schema, SafeParseSchema, JsonSchema } from './validation/schema.js';
export { NONCE, CSP_DEFAULT_DIRECTIVES, FIXED_HEADERS, type HeadersOptions, type NoStoreOptions, type ContentSecurityPolicyOptions, type StrictTransportSecurityOptions } from './headers/index.js';
export type { CookieOptions } from './headers/set-cookie.js';
export type { CorsOptions, OriginMatcher } from './cors/index.js';
export type { RequestIdOptions } from './errors/request-id.js';
export type { RootCheckOptions } from './root-check.js';
export type { ResponseFilterOptions } from './response-filter/index.js';
export type { GuardedRequest, GuardedResponse, NodeHandler } from './adapters/node-http.js';
export type { ExpressMiddleware, ExpressErrorHandler } from './adapters/express.js';
export type { KoaMiddleware } from './adapters/koa.js';
export type { FastifyRampartPlugin } from './adapters/fastify.js';
export * from './rate-limit/index.js';
export * from './limits/index.js';
export * from './events/index.js';

/** What every adapter carries: the event bus (for the dashboard, tests, custom sinks) and close(). */
interface GuardHandle {
  /** Where this guard's security events go. */
  readonly events: EventBus;
  /** Stops the rate limiter's store and flushes events (call on shutdown). */
  close(): Promise<void>;
}

function handle(guard: Guard): GuardHandle {
  return { events: guard.events, close: () => guard.close() };
}

/** Express 4 and 5: `app.use(rampart(options))`, first, before routes and body parsers. */
function rampartExpress(options?: GuardOptions): ExpressMiddleware & GuardHandle & { errorHandler: ExpressErrorHandler } {
  const guard = createGuard(options);
  return Object.assign(expressAdapter(guard), handle(guard));
}

/** Fastify 5 (hooks Fastify 4 also has): `await app.register(rampart.fastify(options))`, before routes. */
export function rampartFastify(options?: GuardOptions): FastifyRampartPlugin & GuardHandle {
  const guard = createGuard(options);
  return Object.assign(fastifyAdapter(guard), handle(guard));
}

/** Koa 2 and 3: `app.use(rampart.koa(options))`, first. */
export function rampartKoa(options?: GuardOptions): KoaMiddleware & GuardHandle {
  const guard = createGuard(options);
  return Object.assign(koaAdapter(guard), handle(guard));
}

/** node:http: `http.createServer(rampart.http(handler, options))`. */
export function rampartHttp(handler: NodeHandler, options?: GuardOptions): ReturnType<typeof nodeHttpAdapter> & GuardHandle {
  const guard = createGuard(options);
  return Object.assign(nodeHttpAdapter(guard, handler), handle(guard));
}

/**
 * The entry: `rampart(options)` is the Express middleware; `rampart.fastify`, `rampart.koa`,
 * `rampart.http` are the other adapters and `rampart.validate` the route schema helper.
 */
export const rampart = Object.assign(rampartExpress, {
  fastify: rampartFastify,
  koa: rampartKoa,
  http: rampartHttp,
  validate,
});

export default rampart;
