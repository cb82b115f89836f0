import { ServerResponse, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { readHeader, writeTrustedHeader } from './header-store.js';
import type { CompiledCookiePolicy } from './set-cookie.js';
import type { NoStoreOptions } from './index.js';

/**
 * The last moment before headers leave: every framework ends in `res.writeHead` (Express and
 * Koa through Node's implicit header, Fastify with its own header object), so one hook there
 * enforces cookie flags and no-store for all of them, whatever set the header and how.
 */
export interface ResponseHookPolicy {
  readonly cookies: CompiledCookiePolicy | undefined;
  readonly noStore: NoStoreOptions | undefined;
}

/** What the hook needs about one response: kept on the guard's request state, so a response costs no property of its own. */
export interface ResponseHookRequest {
  readonly responseHook?: ResponseHookPolicy;
  readonly plainHttpLocalhost: boolean;
  /** The request's headers as the guard read them first (saves Node's getter lookup). */
  readonly headers?: IncomingHttpHeaders;
  /** Set once the hook ran: some frameworks call writeHead again on error paths. */
  responseHookRan: boolean;
}

export function isAuthenticatedRequest(req: IncomingMessage, noStore: NoStoreOptions | undefined, headers: IncomingHttpHeaders = req.headers): boolean {
  if (!noStore) return false;
  if (noStore.authorizationHeader && headers.authorization !== undefined) return true;
  const cookie = headers.cookie;
  if (cookie === undefined || noStore.sessionCookies.length === 0) return false;
  return hasCookie(cookie, noStore.sessionCookies);
}

function hasCookie(header: string, names: readonly string[]): boolean {
  for (const name of names) {
    let from = 0;
    while (from < header.length) {
      const at = header.indexOf(`${name}=`, from);
      if (at < 0) break;
      // A match must start the header or follow "; " (not be the tail of another cookie's name).
      if (at === 0 || header[at - 1] === ' ' || header[at - 1] === ';') return true;
      from = at + 1;
    }
  }
  return false;
}

function setsSessionCookie(value: unknown, noStore: NoStoreOptions): boolean {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.some((c) => typeof c === 'string' && noStore.sessionCookies.some((n) => c.startsWith(`${n}=`) || c.startsWith(`__Host-${n}=`)));
}

function rewriteCookies(value: unknown, cookies: CompiledCookiePolicy, plain: boolean): unknown {
  if (typeof value === 'string') return cookies.rewrite(value, plain);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? cookies.rewrite(v, plain) : v));
  return value;
}

/** Runs the hook for one response; `args` are writeHead's, changed in place when passed cookies are rewritten. */
function beforeWriteHead(req: IncomingMessage, res: ServerResponse, state: ResponseHookRequest, policy: ResponseHookPolicy, args: unknown[]): void {
  state.responseHookRan = true;
  try {
    const { cookies, noStore } = policy;
    const headersArg = typeof args[1] === 'object' && args[1] !== null ? 1 : typeof args[2] === 'object' && args[2] !== null ? 2 : -1;
    const passed = headersArg >= 0 && !Array.isArray(args[headersArg]) ? (args[headersArg] as OutgoingHttpHeaders) : undefined;
    let passedCookieKey: string | undefined;
    let passedCacheControl = false;
    if (passed) {
      // Fastify passes every header here (about twenty): only names of the right length are lower-cased.
      const keys = Object.keys(passed);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (key.length === 10) {
          if (key.toLowerCase() === 'set-cookie') passedCookieKey = key;
        } else if (key.length === 13 && key.toLowerCase() === 'cache-control') passedCacheControl = true;
      }
    }
    // Reads go to the header store directly: a method looked up on an Express response (whose
    // prototype Express swaps per request) costs more than the check itself.
    const own = readHeader(res, 'set-cookie');
    if (cookies) {
      if (own !== undefined) res.setHeader('Set-Cookie', rewriteCookies(own, cookies, state.plainHttpLocalhost) as string[]);
      if (passed && passedCookieKey) {
        const copy = { ...passed, [passedCookieKey]: rewriteCookies(passed[passedCookieKey], cookies, state.plainHttpLocalhost) } as OutgoingHttpHeaders;
        args[headersArg] = copy;
      }
    }
    if (noStore && !passedCacheControl && readHeader(res, 'cache-control') === undefined) {
      const loggingIn = setsSessionCookie(own === undefined ? undefined : readHeader(res, 'set-cookie'), noStore) || (passedCookieKey !== undefined && setsSessionCookie(passed![passedCookieKey], noStore));
      if (loggingIn || isAuthenticatedRequest(req, noStore, state.headers ?? req.headers)) writeTrustedHeader(res, 'Cache-Control', 'cache-control', 'no-store');
    }
  } catch {
    // A malformed header the app set is the app's to send; the guard never turns it into a crash.
  }
}

/** True when the policy has something to enforce. */
export function needsResponseHook(policy: ResponseHookPolicy): boolean {
  return policy.cookies !== undefined || policy.noStore !== undefined;
}

let installed = false;

/**
 * Installs the hook once for the process, on ServerResponse.prototype.writeHead: a response then
 * costs no property write and no closure. It runs for responses whose request carries a guard
 * state asking for it (`stateOf`), innermost, so it sees headers that wrappers of writeHead set
 * (express-session's cookie through on-headers) whatever the order of the middleware.
 */
export function installResponseHook(stateOf: (req: IncomingMessage) => ResponseHookRequest | undefined): void {
  if (installed) return;
  installed = true;
  const original = ServerResponse.prototype.writeHead;
  ServerResponse.prototype.writeHead = function rampartWriteHead(this: ServerResponse, ...args: unknown[]): ServerResponse {
    const req = (this as { req?: IncomingMessage }).req;
    const state = req === undefined ? undefined : stateOf(req);
    // Headers already sent: the original throws ERR_HTTP_HEADERS_SENT, and the hook ran before.
    if (state !== undefined && !state.responseHookRan && state.responseHook !== undefined) beforeWriteHead(req!, this, state, state.responseHook, args);
    return (original as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}
