import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { UserError, type SecurityEvent } from '@rampart/core';
import { aggregateEvents } from './aggregate.js';
import { FilterError, matchesFilter, parseFilter } from './filters.js';
import { loadScanReport } from './scan-report.js';
import type { EventSource } from './sources.js';

/** Every dashboard option with its default. */
export const DEFAULTS = Object.freeze({
  /** Bearer token; undefined: only loopback clients (and a loopback Host header) are served. */
  token: undefined as string | undefined,
  /** JSON report of `rampart scan -f json`, read on each request so a new scan shows at once. */
  report: undefined as string | undefined,
  /** Newest events read for lists and aggregates (the guard sinks read at most 1000 at once). */
  window: 1000,
  /** How often the live stream polls the source, in milliseconds. */
  pollMs: 1000,
  /** Live streams open at once; more are refused with 503 so a client cannot exhaust the source. */
  maxStreams: 20,
  /**
   * The path the dashboard answers under, ending in '/': '/' on its own server, '/rampart/' inside
   * an app. Other paths go to next() (404 without one); the prefix without its slash redirects to it.
   */
  basePath: '/',
});

export interface DashboardOptions {
  readonly source: EventSource;
  readonly token?: string;
  readonly report?: string;
  readonly window?: number;
  readonly pollMs?: number;
  readonly maxStreams?: number;
  readonly basePath?: string;
}

export type DashboardHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void;

export class DashboardSetupError extends UserError {}

/** Strict CSP: the page loads only its own script and style files, no inline code, no framing. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
});

const STATIC_DIR = new URL('../static/', import.meta.url);
const require = createRequire(import.meta.url);

/** The page's files, read once at setup; uPlot comes from the installed npm package, never a CDN. */
function loadStatic(): Map<string, { type: string; body: Buffer }> {
  const files = new Map<string, { type: string; body: Buffer }>();
  const own = (name: string, type: string) => files.set(`/${name}`, { type, body: readFileSync(new URL(name, STATIC_DIR)) });
  own('index.html', 'text/html; charset=utf-8');
  own('app.js', 'text/javascript; charset=utf-8');
  own('style.css', 'text/css; charset=utf-8');
  files.set('/', files.get('/index.html')!);
  files.set('/vendor/uPlot.iife.min.js', { type: 'text/javascript; charset=utf-8', body: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js')) });
  files.set('/vendor/uPlot.min.css', { type: 'text/css; charset=utf-8', body: readFileSync(require.resolve('uplot/dist/uPlot.min.css')) });
  return files;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** Host header names of this machine; without a token, others are refused (DNS rebinding). */
function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

function positiveInt(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new DashboardSetupError(`dashboard ${name}: expected a whole number from 1 to ${max}, got ${String(value)}.`);
  return value;
}

/**
 * A node:http request handler serving the dashboard page, its JSON API and a live event stream.
 * Mount it at the root of its own server or under a prefix whose path ends with '/'.
 */
export function dashboardHandler(options: DashboardOptions): DashboardHandler {
  const { source } = options;
  if (!source || typeof source.read !== 'function' || typeof source.latest !== 'function') {
    throw new DashboardSetupError('dashboard source: expected an event source with read() and latest() (memorySource, redisStreamSource, postgresSource or a guard sink).');
  }
  const token = options.token ?? DEFAULTS.token;
  if (token !== undefined && (typeof token !== 'string' || token.length < 16)) {
    throw new DashboardSetupError('dashboard token: use at least 16 characters, for example `openssl rand -hex 24`.');
  }
  const expected = token === undefined ? undefined : digest(token);
  const window = positiveInt('window', options.window ?? DEFAULTS.window, 1000);
  const pollMs = positiveInt('pollMs', options.pollMs ?? DEFAULTS.pollMs, 60_000);
  const maxStreams = positiveInt('maxStreams', options.maxStreams ?? DEFAULTS.maxStreams, 10_000);
  const report = options.report ?? DEFAULTS.report;
  const basePath = options.basePath ?? DEFAULTS.basePath;
  if (typeof basePath !== 'string' || !/^\/(?:[A-Za-z0-9._~-]+\/){0,20}$/.test(basePath)) {
    throw new DashboardSetupError(`dashboard basePath: expected a path that starts and ends with '/', such as '/rampart/', got ${JSON.stringify(basePath)}.`);
  }
  const files = loadStatic();
  let streams = 0;

  function send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  function authorized(req: IncomingMessage): boolean {
    if (expected === undefined) return isLoopbackAddress(req.socket.remoteAddress) && isLoopbackHost(req.headers.host);
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    // Hashing first makes both sides the same length, so the comparison time says nothing about the token.
    return timingSafeEqual(digest(given), expected);
  }

  async function recent(params: URLSearchParams): Promise<SecurityEvent[]> {
    const filter = parseFilter(params);
    const page = await source.latest(window);
    return page.events.filter((e) => matchesFilter(e, filter));
  }

  async function stream(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (streams >= maxStreams) return send(res, 503, { error: 'too many live streams' });
    streams++;
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    const last = req.headers['last-event-id'];
    let cursor = typeof last === 'string' && last.length <= 40 ? last : (await source.latest(1).catch(() => ({ cursor: undefined }))).cursor;
    res.write(': rampart dashboard\n\n');
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    const poll = async () => {
      if (closed) return;
      try {
        const page = await source.read(cursor, 500);
        if (page.events.length > 0) {
          cursor = page.cursor;
          res.write(`id: ${String(cursor).replace(/[\r\n]/g, '')}\nevent: events\ndata: ${JSON.stringify(page.events)}\n\n`);
        } else res.write(': keep-alive\n\n');
      } catch {
        res.write('event: source-error\ndata: "the event source did not answer"\n\n');
      }
      if (!closed) timer = setTimeout(poll, pollMs);
    };
    res.on('close', () => {
      closed = true;
      streams--;
      clearTimeout(timer);
    });
    timer = setTimeout(poll, 0);
  }

  async function route(req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    let path = url.pathname;
    if (basePath !== '/') {
      // The page's URLs are relative, so it must be opened with the trailing slash.
      if (path === basePath.slice(0, -1)) {
        res.writeHead(308, { ...SECURITY_HEADERS, location: basePath + url.search });
        res.end();
        return;
      }
      if (!path.startsWith(basePath)) {
        if (next) return next();
        return send(res, 404, { error: 'not found' });
      }
      path = path.slice(basePath.length - 1);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      if (next) return next();
      return send(res, 405, { error: 'method not allowed' });
    }
    const file = files.get(path);
    if (file) {
      // The page itself holds no data; without a token it is still only served to loopback clients.
      if (expected === undefined && !authorized(req)) return send(res, 403, { error: 'loopback only' });
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.type });
      res.end(req.method === 'HEAD' ? undefined : file.body);
      return;
    }
    if (!path.startsWith('/api/')) {
      if (next) return next();
      return send(res, 404, { error: 'not found' });
    }
    if (!authorized(req)) {
      res.setHeader('www-authenticate', 'Bearer');
      return send(res, expected === undefined ? 403 : 401, { error: expected === undefined ? 'loopback only' : 'token required' });
    }
    try {
      if (path === '/api/events') {
        const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit')) || 200));
        const events = await recent(url.searchParams);
        return send(res, 200, { events: events.slice(-limit).reverse(), matched: events.length });
      }
      if (path.startsWith('/api/events/')) {
        const id = decodeURIComponent(path.slice('/api/events/'.length));
        const page = await source.latest(window);
        const event = page.events.find((e) => e.id === id);
        return event ? send(res, 200, { event }) : send(res, 404, { error: 'no such event in the recent window' });
      }
      if (path === '/api/aggregates') {
        const bucket = Number(url.searchParams.get('bucket') ?? 60);
        if (!Number.isInteger(bucket) || bucket < 1 || bucket > 86_400) return send(res, 400, { error: 'bucket: expected seconds from 1 to 86400' });
        return send(res, 200, aggregateEvents(await recent(url.searchParams), bucket));
      }
      if (path === '/api/report') return send(res, 200, await loadScanReport(report));
      if (path === '/api/stream') return await stream(req, res);
    } catch (error) {
      if (error instanceof FilterError) return send(res, 400, { error: error.message });
      if (!res.headersSent) return send(res, 503, { error: 'the event source did not answer' });
      res.end();
      return;
    }
    return send(res, 404, { error: 'not found' });
  }

  return function rampartDashboard(req, res, next) {
    route(req, res, next).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.end();
    });
  };
}

export interface StartDashboardOptions extends DashboardOptions {
  readonly host?: string;
  readonly port?: number;
}

/** Starts a server for the dashboard; refuses a non-loopback host without a token. */
export async function startDashboard(options: StartDashboardOptions): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  if (!loopback && !options.token) {
    throw new DashboardSetupError(`dashboard: refusing to listen on '${host}' without a token. Pass --token (or RAMPART_DASHBOARD_TOKEN) or bind to 127.0.0.1.`);
  }
  const handler = dashboardHandler(options);
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4400, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
