import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Counter, Histogram, Registry } from 'prom-client';
import { GuardSetupError } from '../setup-error.js';
import type { Metrics } from './types.js';

/** Request duration buckets in seconds: fine below 100 ms where a JSON API lives, coarse above. */
export const REQUEST_DURATION_BUCKETS: readonly number[] = Object.freeze([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);

function reuse<T>(registry: Registry, name: string, make: () => T): T {
  // Two buses on one registry (or a hot reload) must share metrics, not throw "already registered".
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}

/** Methods kept as labels; anything else is counted as OTHER. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

export interface MetricsOptions {
  /**
   * Distinct `route` label values kept on the duration histogram; later ones are counted under
   * route="other". A caller that passes raw paths (/orders/123) instead of patterns would
   * otherwise let any client create time series without bound. Default 500.
   */
  readonly maxRoutes?: number;
}

/**
 * The guard's Prometheus metrics on `registry` (default: a new Registry, so nothing leaks into
 * prom-client's global one unless you pass it).
 */
export function createMetrics(registry: Registry = new Registry(), options: MetricsOptions = {}): Metrics {
  const maxRoutes = options.maxRoutes ?? 500;
  if (!Number.isInteger(maxRoutes) || maxRoutes < 1) throw new GuardSetupError(`createMetrics maxRoutes: expected a whole number of at least 1, got ${String(maxRoutes)}.`);
  const routes = new Set<string>();
  const registers = [registry];
  const events = reuse(
    registry,
    'rampart_security_events_total',
    () =>
      new Counter({
        name: 'rampart_security_events_total',
        help: 'Security events by kind, practice, rule and action.',
        labelNames: ['kind', 'practice', 'rule', 'action'] as const,
        registers,
      }),
  );
  const rateLimitDecisions = reuse(
    registry,
    'rampart_rate_limit_decisions_total',
    () =>
      new Counter({
        name: 'rampart_rate_limit_decisions_total',
        help: 'Rate-limit decisions by limiter: allowed, limited, or fail-open/fail-closed/fail-memory while the store is down.',
        labelNames: ['limiter', 'decision'] as const,
        registers,
      }),
  );
  const droppedEvents = reuse(
    registry,
    'rampart_events_dropped_total',
    () =>
      new Counter({
        name: 'rampart_events_dropped_total',
        help: 'Security events a sink never received: its queue was full (oldest dropped) or its write failed.',
        labelNames: ['sink'] as const,
        registers,
      }),
  );
  const requestDuration = reuse(
    registry,
    'rampart_http_request_duration_seconds',
    () =>
      new Histogram({
        name: 'rampart_http_request_duration_seconds',
        help: 'HTTP request duration in seconds by method, route pattern and status.',
        labelNames: ['method', 'route', 'status'] as const,
        buckets: [...REQUEST_DURATION_BUCKETS],
        registers,
      }),
  );
  return {
    registry,
    events,
    rateLimitDecisions,
    droppedEvents,
    requestDuration,
    startRequestTimer(method: string) {
      const started = process.hrtime.bigint();
      return (route: string, status: number) => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        // Route patterns only: raw paths (/orders/123) would make one series per id, so the
        // number of distinct routes is capped.
        let label = typeof route === 'string' ? route.slice(0, 200) : 'other';
        if (!routes.has(label)) {
          if (routes.size < maxRoutes) routes.add(label);
          else label = 'other';
        }
        const statusLabel = Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : 'other';
        requestDuration.observe({ method: KNOWN_METHODS.has(method) ? method : 'OTHER', route: label, status: statusLabel }, seconds);
      };
    },
  };
}

export interface MetricsHandlerOptions {
  readonly metrics: Metrics;
  /** Bearer token required in `Authorization: Bearer <token>`; at least 16 characters. */
  readonly token?: string;
  /**
   * Serve without a token. Only for a handler on a separate, internal port (serveMetrics binds
   * 127.0.0.1 by default); refused unless set explicitly.
   */
  readonly allowUnauthenticated?: boolean;
}

const MIN_TOKEN_LENGTH = 16;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * A node:http handler answering the Prometheus text format. With a token, the comparison is
 * constant-time (both sides hashed to 32 bytes first, so the length does not leak either).
 */
export function metricsHandler(options: MetricsHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  if (!options || !options.metrics || typeof options.metrics.registry?.metrics !== 'function') {
    throw new GuardSetupError('metricsHandler: `metrics` is required; pass createMetrics() or the bus.metrics of createEventBus({ metrics: true }).');
  }
  const { token, metrics } = options;
  if (token === undefined && options.allowUnauthenticated !== true) {
    throw new GuardSetupError(
      'metricsHandler: `token` is required. Metrics reveal routes, traffic and attack counts; give a bearer token of at least ' +
        `${MIN_TOKEN_LENGTH} characters (e.g. from process.env.METRICS_TOKEN), or serve them on an internal port with serveMetrics({ port }).`,
    );
  }
  if (token !== undefined && (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH)) {
    throw new GuardSetupError(`metricsHandler: \`token\` must be a string of at least ${MIN_TOKEN_LENGTH} characters (use a random one: openssl rand -hex 32).`);
  }
  const expected = token === undefined ? undefined : digest(token);
  return function rampartMetrics(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed\n');
      return;
    }
    if (expected) {
      const header = req.headers.authorization ?? '';
      const given = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header)?.[1] ?? '';
      if (!timingSafeEqual(digest(given), expected)) {
        res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('Unauthorized\n');
        return;
      }
    }
    metrics.registry.metrics().then(
      (body) => {
        res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => {
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Metrics unavailable\n');
      },
    );
  };
}

export interface ServeMetricsOptions {
  readonly metrics: Metrics;
  /** Port of the metrics server; 0 picks a free one. */
  readonly port: number;
  /** Default '127.0.0.1': reachable by a local agent or sidecar, not the internet. */
  readonly host?: string;
  /** Optional bearer token even on the internal port. */
  readonly token?: string;
  /** Path served. Default '/metrics'. */
  readonly path?: string;
}

/** Serves metrics on their own port (the app's public port never exposes them). Resolves once listening. */
export async function serveMetrics(options: ServeMetricsOptions): Promise<Server> {
  const handler = metricsHandler({ metrics: options.metrics, token: options.token, allowUnauthenticated: options.token === undefined });
  const path = options.path ?? '/metrics';
  const server = createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] !== path) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
