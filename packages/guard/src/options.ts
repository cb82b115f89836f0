import type { Logger } from 'pino';
import { CORS_DEFAULTS, type CorsOptions } from './cors/index.js';
import { REQUEST_ID_DEFAULTS, type RequestIdOptions } from './errors/request-id.js';
import type { EventBus, EventBusOptions, Metrics } from './events/index.js';
import { HEADERS_DEFAULTS, type HeadersOptions } from './headers/index.js';
import { COOKIE_DEFAULTS, type CookieOptions } from './headers/set-cookie.js';
import { LIMITS_DEFAULTS } from './limits/checks.js';
import type { RequestLimits } from './limits/types.js';
import { RATE_LIMIT_DEFAULTS, type RateLimitOptions } from './rate-limit/index.js';
import { RESPONSE_FILTER_DEFAULTS, type ResponseFilterOptions } from './response-filter/index.js';
import { ROOT_CHECK_DEFAULTS, type RootCheckOptions } from './root-check.js';

export interface ErrorOptions {
  /** Answer browsers (Accept: text/html) with a small HTML page instead of JSON. Default true. */
  readonly html: boolean;
  /**
   * Keep the process serving when a request throws outside any handler's reach (a callback or
   * timer): log it with its request, answer 500. Uses AsyncLocalStorage. Default true.
   */
  readonly crashGuard: boolean;
  /** Express 4 only: forward rejected async handlers to the error middleware. Default true. */
  readonly expressAsync: boolean;
}

export interface InputOptions {
  /** Refuse `__proto__`, `constructor`, `prototype` keys in bodies and query strings (400). Default true. */
  readonly prototypeKeys: boolean;
  /** Refuse `$`-prefixed keys (MongoDB operators) in bodies and nested query keys (400). Default true. */
  readonly operatorKeys: boolean;
  /**
   * Read and parse JSON bodies in the guard (Express, Koa, node:http), within `limits`, when no
   * body parser ran before it; the raw bytes stay on `req.rawBody` for signature checks. Default true.
   */
  readonly parseJson: boolean;
}

/** Options of `rampart()`, the same for every framework. Every feature: true (defaults), false (off) or options. */
export interface GuardOptions {
  /** Security headers (practice 9). */
  readonly headers?: boolean | Partial<HeadersOptions>;
  /** Secure, HttpOnly, SameSite (and optionally __Host-) on every Set-Cookie. */
  readonly cookies?: boolean | Partial<CookieOptions>;
  /** Cross-origin access: off (same-origin only) unless you list origins. */
  readonly cors?: false | Partial<CorsOptions>;
  /** Accept a well-formed incoming request id, else generate one; echo it on the response. */
  readonly requestId?: boolean | Partial<RequestIdOptions>;
  /** Safe error answers and crash protection (practice 3). */
  readonly errors?: boolean | Partial<ErrorOptions>;
  /** Structural input checks on every request (practice 1). */
  readonly input?: boolean | Partial<InputOptions>;
  /** Global deny list of response fields (practice 5). */
  readonly responseFilter?: boolean | Partial<ResponseFilterOptions>;
  /** Rate limiting per client IP, user or route (practice 3); see docs/rate-limiting.md. */
  readonly rateLimit?: boolean | RateLimitOptions;
  /** Request size limits: body bytes, parameters, header bytes, JSON depth. */
  readonly limits?: boolean | Partial<RequestLimits>;
  /** Warn (or refuse to start) when running as root (practice 10). */
  readonly rootCheck?: boolean | Partial<RootCheckOptions>;
  /** Where security events go: an EventBus you built, or options for a new one; see docs/security-events.md. */
  readonly events?: EventBus | Partial<Omit<EventBusOptions, 'logger' | 'metrics'>>;
  /** Logs (errors with their request id, security events): false, a pino Logger, or pino options. */
  readonly logger?: false | Logger | { readonly level?: string };
  /** Prometheus metrics on the event bus (prom-client): true, false, or a Metrics you created. */
  readonly metrics?: boolean | Metrics;
  /**
   * Plain-HTTP requests to localhost/127.0.0.1/[::1] that no proxy forwarded, outside
   * NODE_ENV=production, get no HSTS, no upgrade-insecure-requests and no forced Secure cookie,
   * so local development over http:// works. Default true.
   */
  readonly devLocalhost?: boolean;
}

/** The guard's rate limit: generous enough for pages with many assets, tight enough to stop floods. */
const { events: _events, store: _store, ...RATE_LIMIT_BASE } = RATE_LIMIT_DEFAULTS;

/**
 * Every option with its default, frozen: the single source of truth for `rampart()`, the docs
 * table (`npm run generate`) and the tests.
 */
export const DEFAULTS = Object.freeze({
  headers: HEADERS_DEFAULTS,
  cookies: COOKIE_DEFAULTS,
  cors: false as false | CorsOptions,
  requestId: REQUEST_ID_DEFAULTS,
  errors: Object.freeze({ html: true, crashGuard: true, expressAsync: true }) as ErrorOptions,
  input: Object.freeze({ prototypeKeys: true, operatorKeys: true, parseJson: true }) as InputOptions,
  responseFilter: RESPONSE_FILTER_DEFAULTS,
  rateLimit: Object.freeze({ ...RATE_LIMIT_BASE, limit: 600 }) as RateLimitOptions,
  limits: LIMITS_DEFAULTS,
  rootCheck: ROOT_CHECK_DEFAULTS,
  events: Object.freeze({ maxQueue: 10_000, batchSize: 100 }) as Partial<EventBusOptions>,
  logger: Object.freeze({ level: 'info' }) as GuardOptions['logger'],
  metrics: false as boolean | Metrics,
  devLocalhost: true,
});

export const OPTION_NAMES = Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[];

export { CORS_DEFAULTS };
