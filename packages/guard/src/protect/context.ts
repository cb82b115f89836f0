import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A user input string and where it came from (`query.id`, `body.user.name`, `headers.user-agent`). */
export interface UserInput {
  readonly value: string;
  readonly source: string;
}

/**
 * One request's context. Framework-populated fields (req.body from body parsers, req.params from
 * routers) are read lazily at check time from the same req object, so a check sees parsed input
 * even though the context was created before any middleware ran.
 */
export interface RequestContext {
  readonly req?: IncomingMessage;
  readonly requestId: string;
  readonly method?: string;
  readonly ip?: string;
  /** Input set explicitly (Koa's ctx.request.body, Fastify's request.body, or tests). */
  explicit: Record<string, unknown>;
  route?: string;
  userId?: string;
  /** Bumped by setRequestInput, so cached inputs are recomputed. */
  inputVersion?: number;
  /** The inputs collected at the last check, and what they were collected from. */
  inputCache?: { body: unknown; params: unknown; version: number; inputs: UserInput[] };
  /** Decided once the user is known: true when the user's requests are refused. */
  refused?: boolean;
  /** Hosts this request's fetch calls reach because of user input, checked again on the connected socket. */
  fetchTargets?: Map<string, { input: UserInput; stack: string | undefined; flagged: boolean }>;
  /** The block raised on a fetch's connected socket, rethrown by the fetch call instead of undici's error. */
  fetchBlocked?: unknown;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The request's whole path, without the query: Express rewrites req.url inside a router; originalUrl keeps it. */
export function requestPath(req: IncomingMessage | undefined): string | undefined {
  const original = (req as { originalUrl?: unknown } | undefined)?.originalUrl;
  const url = typeof original === 'string' ? original : req?.url;
  if (url === undefined) return undefined;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Express's matched route pattern (a router's mount path plus the route's own), once routing chose one. */
export function routePattern(req: IncomingMessage | undefined): string | undefined {
  const r = req as { baseUrl?: unknown; route?: { path?: unknown } } | undefined;
  return typeof r?.route?.path === 'string' ? `${typeof r.baseUrl === 'string' ? r.baseUrl : ''}${r.route.path}` : undefined;
}

/** The route an event names: the one the middleware set, else Express's matched pattern, else the whole path. */
export function eventRoute(ctx: RequestContext): string | undefined {
  return ctx.route ?? routePattern(ctx.req) ?? requestPath(ctx.req);
}

function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  // A client-chosen id is echoed in the 403 body, so keep only a short, plain one.
  if (value && /^[\w.:-]{1,64}$/.test(value)) return value;
  return randomUUID();
}

/** A node:http request's context: a class, so its lazy getters live on one shared prototype. */
class HttpRequestContext implements RequestContext {
  readonly method: string | undefined;
  explicit: Record<string, unknown> = {};
  route?: string;
  userId?: string;
  #id: string | undefined;
  #ip: string | undefined | null = null;
  constructor(readonly req: IncomingMessage) {
    this.method = req.method;
  }
  /** Made on first use (an event or a 403): most requests never need one. */
  get requestId(): string {
    return (this.#id ??= requestIdOf(this.req));
  }
  /** remoteAddress asks the OS (getpeername) on every read: read once, and only when needed. */
  get ip(): string | undefined {
    if (this.#ip === null) this.#ip = this.req.socket?.remoteAddress;
    return this.#ip;
  }
}

export function contextForRequest(req: IncomingMessage): RequestContext {
  return new HttpRequestContext(req);
}

/** Runs `fn` with a request context; used by the node:http hook and by middleware. */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/**
 * The explicit API for frameworks whose parsed input is not on the node req object (Koa's
 * ctx.request.body, Fastify's request.body): merge fields into the current request's input.
 */
export function setRequestInput(input: { body?: unknown; params?: unknown; query?: unknown; route?: string; userId?: string }): void {
  const ctx = storage.getStore();
  if (!ctx) return;
  ctx.inputVersion = (ctx.inputVersion ?? 0) + 1;
  if (input.body !== undefined) ctx.explicit.body = input.body;
  if (input.params !== undefined) ctx.explicit.params = input.params;
  if (input.query !== undefined) ctx.explicit.query = input.query;
  if (input.route !== undefined) ctx.route = input.route;
  if (input.userId !== undefined) {
    ctx.userId = input.userId;
    ctx.refused = undefined;
    userCheck?.(ctx);
  }
}

let userCheck: ((ctx: RequestContext) => void) | undefined;
/** Set by installProtection: naming the user refuses the request at once when the user is blocked. */
export function setUserCheck(fn: (ctx: RequestContext) => void): void {
  userCheck = fn;
}

// Headers whose values the client does not choose freely or that would only add noise.
const IGNORED_HEADERS = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'content-type', 'accept']);
const MAX_INPUTS = 512;
const MAX_DEPTH = 16;

function walk(value: unknown, source: string, out: UserInput[], depth: number, seen: Set<unknown>): void {
  if (out.length >= MAX_INPUTS || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.length >= 2) out.push({ value, source });
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return;
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  if (Buffer.isBuffer(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${source}.${i}`, out, depth + 1, seen));
    return;
  }
  for (const key of Object.keys(value)) {
    // Keys are user input too: JSON bodies and qs-parsed queries let the client name them.
    if (key.length >= 2) out.push({ value: key, source: `${source} key` });
    walk((value as Record<string, unknown>)[key], `${source}.${key}`, out, depth + 1, seen);
  }
}

function safeDecode(s: string): string {
  if (!s.includes('%') && !s.includes('+')) return s;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = safeDecode(part.slice(eq + 1).trim());
  }
  return out;
}

// `headers.<name>` strings, made once per header name (bounded: clients choose the names).
const HEADER_SOURCES = new Map<string, string>();
function headerSource(name: string): string {
  let source = HEADER_SOURCES.get(name);
  if (source === undefined) {
    source = `headers.${name}`;
    if (HEADER_SOURCES.size < 256) HEADER_SOURCES.set(name, source);
  }
  return source;
}

/** Every user input string of the current request, read at check time. */
export function collectInputs(ctx: RequestContext): UserInput[] {
  const out: UserInput[] = [];
  const seen = new Set<unknown>();
  const req = ctx.req as (IncomingMessage & { body?: unknown; params?: unknown; query?: unknown }) | undefined;
  if (req) {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    // Path segments stand in for route params on every framework (/files/:name).
    for (const segment of path.split('/')) if (segment) walk(safeDecode(segment), 'path', out, 0, seen);
    if (q !== -1) {
      for (const pair of url.slice(q + 1).split('&')) {
        const eq = pair.indexOf('=');
        const key = safeDecode(eq === -1 ? pair : pair.slice(0, eq));
        walk(safeDecode(eq === -1 ? '' : pair.slice(eq + 1)), `query.${key}`, out, 0, seen);
        if (key.length >= 2) out.push({ value: key, source: 'query key' });
      }
    }
    // Express's req.query is a getter that parses on every read; qs builds nested objects the
    // flat parse above misses only from brackets (`a[b]=`), so without them it adds nothing.
    const search = q === -1 ? '' : url.slice(q + 1);
    if (search.includes('[') || /%5b/i.test(search)) {
      try {
        walk(req.query, 'query', out, 0, seen);
      } catch {
        /* a broken getter is no reason to fail the check */
      }
    }
    walk(req.body, 'body', out, 0, seen);
    walk(req.params, 'params', out, 0, seen);
    const headers = req.headers;
    for (const name in headers) {
      if (IGNORED_HEADERS.has(name)) continue;
      const value = headers[name];
      if (name === 'cookie' && typeof value === 'string') walk(parseCookies(value), 'cookies', out, 0, seen);
      else walk(value, headerSource(name), out, 0, seen);
    }
  }
  walk(ctx.explicit, 'input', out, 0, seen);
  return out;
}

/** The parsed objects the client sent (body, query, params, explicit input), for NoSQL checks. */
export function userSources(ctx: RequestContext): unknown[] {
  const req = ctx.req as (IncomingMessage & { body?: unknown; params?: unknown; query?: unknown }) | undefined;
  let query: unknown;
  try {
    query = req?.query;
  } catch {
    query = undefined;
  }
  return [req?.body, query, req?.params, ctx.explicit.body, ctx.explicit.query, ctx.explicit.params];
}
