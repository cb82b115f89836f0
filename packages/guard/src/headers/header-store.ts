import { ServerResponse, validateHeaderName, validateHeaderValue, type IncomingMessage } from 'node:http';

/**
 * Writes headers whose names and values were checked at setup straight into the response's
 * header store. Node keeps a response's headers in one null-prototype object under an internal
 * symbol (`{ 'x-frame-options': ['X-Frame-Options', 'SAMEORIGIN'] }`); setHeader() validates the
 * name and value with two regular expressions and lower-cases the name on every call, a dozen
 * times per request for the guard's fixed headers. getHeader, hasHeader, removeHeader and
 * writeHead read the same store, so the result is the one setHeader gives. The store is found
 * once by probing a response; if a Node version stores headers otherwise, every write goes
 * through setHeader instead.
 */
type Store = Record<string, [string, string]>;

function findHeaderStore(): symbol | undefined {
  try {
    const probe = new ServerResponse({ method: 'GET', httpVersionMajor: 1, httpVersionMinor: 1, headers: {} } as IncomingMessage);
    probe.setHeader('X-Rampart-Probe', 'set');
    const symbol = Object.getOwnPropertySymbols(probe).find((s) => {
      const store = (probe as unknown as Record<symbol, unknown>)[s];
      if (store === null || typeof store !== 'object' || Object.getPrototypeOf(store) !== null) return false;
      const entry = (store as Record<string, unknown>)['x-rampart-probe'];
      return Array.isArray(entry) && entry[0] === 'X-Rampart-Probe' && entry[1] === 'set';
    });
    if (symbol === undefined) return undefined;
    // A write through the store must read back through every public accessor, on a fresh response.
    const check = new ServerResponse({ method: 'GET', httpVersionMajor: 1, httpVersionMinor: 1, headers: {} } as IncomingMessage);
    const target = check as unknown as Record<symbol, Store | null>;
    if (target[symbol] !== null) return undefined;
    target[symbol] = { __proto__: null } as unknown as Store;
    target[symbol]!['x-rampart-check'] = ['X-Rampart-Check', 'direct'];
    const ok = check.getHeader('x-rampart-check') === 'direct' && check.hasHeader('X-Rampart-Check') && check.getHeaderNames().includes('x-rampart-check') && check.getHeaders()['x-rampart-check'] === 'direct';
    check.removeHeader('X-Rampart-Check');
    return ok && !check.hasHeader('x-rampart-check') ? symbol : undefined;
  } catch {
    return undefined;
  }
}

const kOutHeaders = findHeaderStore();

/** True when writes skip setHeader (exported for the test that watches Node upgrades). */
export const directHeaderWrites = kOutHeaders !== undefined;

/** Throws at setup for a header Node would refuse, so the per-request write needs no check. */
export function checkHeader(name: string, value: string): void {
  validateHeaderName(name);
  validateHeaderValue(name, value);
}

/**
 * A fixed list of headers, flat `[name, value, name, value, ...]`, each checked with
 * checkHeader() at setup. Lower-case names are kept once, so a write allocates only the entry.
 */
export interface TrustedHeaders {
  readonly names: readonly string[];
  readonly lower: readonly string[];
  readonly values: readonly string[];
}

export function trustedHeaders(flat: readonly string[]): TrustedHeaders {
  const names: string[] = [];
  const lower: string[] = [];
  const values: string[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    checkHeader(flat[i], flat[i + 1]);
    names.push(flat[i]);
    lower.push(flat[i].toLowerCase());
    values.push(flat[i + 1]);
  }
  return { names, lower, values };
}

function storeOf(res: ServerResponse): Store {
  const target = res as unknown as Record<symbol, Store | null>;
  let store = target[kOutHeaders!];
  if (store === null || store === undefined) target[kOutHeaders!] = store = { __proto__: null } as unknown as Store;
  return store;
}

/** Sets every header of the list (before headers are sent; the caller checks). */
export function writeTrustedHeaders(res: ServerResponse, headers: TrustedHeaders): void {
  const { names, lower, values } = headers;
  if (kOutHeaders === undefined) {
    for (let i = 0; i < names.length; i++) res.setHeader(names[i], values[i]);
    return;
  }
  const store = storeOf(res);
  for (let i = 0; i < names.length; i++) store[lower[i]] = [names[i], values[i]];
}

/**
 * Sets one header whose name was checked at setup and whose value the caller built from
 * characters a header allows (digits, base64, a well-formed request id). `lower` is the name in
 * lower case.
 */
export function writeTrustedHeader(res: ServerResponse, name: string, lower: string, value: string): void {
  if (kOutHeaders === undefined) res.setHeader(name, value);
  else storeOf(res)[lower] = [name, value];
}

/** A header's value as getHeader() returns it (`lower`: the name in lower case), read from the store without a method lookup on the response. */
export function readHeader(res: ServerResponse, lower: string): unknown {
  if (kOutHeaders === undefined) return res.getHeader(lower);
  const store = (res as unknown as Record<symbol, Store | null>)[kOutHeaders];
  if (store === null || store === undefined) return undefined;
  const entry = store[lower];
  return entry === undefined ? undefined : entry[1];
}
