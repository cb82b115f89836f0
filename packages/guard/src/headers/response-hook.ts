import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
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
  /**
   * Lower-case names of the headers the guard puts in a framework's own header store (Fastify's
   * reply); the first is always among them. A writeHead without it bypassed that store (a hijacked
   * reply writing to reply.raw), and gets the guard's headers copied from the store.
   */
  readonly deferredNames: readonly string[];
}

/** Where deferred headers wait: Fastify's reply. */
export interface HeaderSource {
  getHeader(name: string): unknown;
}

interface HookState {
  readonly policy: ResponseHookPolicy;
  readonly plainHttpLocalhost: boolean;
  readonly authenticated: boolean;
  readonly previous: ServerResponse['writeHead'];
  readonly source: HeaderSource | undefined;
}

const kHook = Symbol('rampart.responseHook');
type Hooked = ServerResponse & { [kHook]?: HookState };

export function isAuthenticatedRequest(req: IncomingMessage, noStore: NoStoreOptions | undefined): boolean {
  if (!noStore) return false;
  if (noStore.authorizationHeader && req.headers.authorization !== undefined) return true;
  const cookie = req.headers.cookie;
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

function guardedWriteHead(this: Hooked, ...args: unknown[]): ServerResponse {
  const state = this[kHook]!;
  // Run once: some frameworks call writeHead again on error paths.
  this.writeHead = state.previous;
  try {
    const { cookies, noStore } = state.policy;
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
    if (state.source && !(passed && passed[state.policy.deferredNames[0]] !== undefined)) copyDeferred(this, state.source, state.policy.deferredNames, passed);
    if (cookies) {
      const own = this.getHeader('set-cookie');
      if (own !== undefined) this.setHeader('Set-Cookie', rewriteCookies(own, cookies, state.plainHttpLocalhost) as string[]);
      if (passed && passedCookieKey) {
        const copy = { ...passed, [passedCookieKey]: rewriteCookies(passed[passedCookieKey], cookies, state.plainHttpLocalhost) } as OutgoingHttpHeaders;
        args[headersArg] = copy;
      }
    }
    if (noStore && !passedCacheControl && !this.hasHeader('cache-control')) {
      const loggingIn = setsSessionCookie(this.getHeader('set-cookie'), noStore) || (passedCookieKey !== undefined && setsSessionCookie(passed![passedCookieKey], noStore));
      if (state.authenticated || loggingIn) this.setHeader('Cache-Control', 'no-store');
    }
  } catch {
    // A malformed header the app set is the app's to send; the guard never turns it into a crash.
  }
  return (state.previous as (...a: unknown[]) => ServerResponse).apply(this, args);
}

/** The guard's headers a raw writeHead left out, from the framework's store; the app's own (set or passed) win. */
function copyDeferred(res: ServerResponse, source: HeaderSource, names: readonly string[], passed: OutgoingHttpHeaders | undefined): void {
  const passedNames = passed ? new Set(Object.keys(passed).map((k) => k.toLowerCase())) : undefined;
  for (const name of names) {
    if (res.hasHeader(name) || passedNames?.has(name)) continue;
    const value = source.getHeader(name);
    if (typeof value === 'string') res.setHeader(name, value);
  }
}

/**
 * Installs the hook for one response. Cheap: two property writes, no closure. `source`: the
 * framework store the guard's headers went to (Fastify's reply), for writes that bypass it.
 */
export function hookResponse(req: IncomingMessage, res: ServerResponse, policy: ResponseHookPolicy, plainHttpLocalhost: boolean, source?: HeaderSource): void {
  if (!policy.cookies && !policy.noStore && !(source && policy.deferredNames.length > 0)) return;
  const hooked = res as Hooked;
  if (hooked[kHook]) return;
  hooked[kHook] = { policy, plainHttpLocalhost, authenticated: isAuthenticatedRequest(req, policy.noStore), previous: res.writeHead, source: policy.deferredNames.length > 0 ? source : undefined };
  res.writeHead = guardedWriteHead as ServerResponse['writeHead'];
}
