import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { LimitResult, RequestLimits } from './types.js';

/** Every request limit with its default. */
export const LIMITS_DEFAULTS: Readonly<RequestLimits> = Object.freeze({
  maxBodyBytes: 1024 * 1024,
  maxParams: 1000,
  maxHeaderBytes: 16 * 1024,
  maxJsonDepth: 32,
});

const OK: LimitResult = Object.freeze({ ok: true });

/**
 * Total size of the request headers as sent (name, ": ", value, CRLF per line). Node already
 * refuses headers above --max-http-header-size (16 KiB) with 431; this check lets an app or a
 * route set a lower bound. Node decodes header bytes as latin1, one character per byte, so a
 * string's length is its size on the wire (no UTF-8 re-encoding per header).
 */
export function headerBytes(req: IncomingMessage): number {
  const raw = req.rawHeaders;
  let total = 0;
  for (let i = 0; i < raw.length; i++) total += raw[i].length + 2;
  return total;
}

export function checkHeaderSize(req: IncomingMessage, maxHeaderBytes: number): LimitResult {
  const size = headerBytes(req);
  if (size <= maxHeaderBytes) return OK;
  return { ok: false, status: 431, rule: 'headers-too-large', reason: `Request headers are ${size} bytes; at most ${maxHeaderBytes} are accepted.` };
}

/**
 * Number of `&`-separated parameters in a query string or urlencoded body, counted without
 * parsing and stopping as soon as `max` is passed, so a 10 MB query costs nothing to refuse.
 */
export function countParams(text: string, max = Infinity): number {
  let count = 0;
  let segmentStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 38 /* & */) {
      if (i > segmentStart) {
        count++;
        if (count > max) return count;
      }
      segmentStart = i + 1;
    }
  }
  return count;
}

/** Parameter count of a URL's query string (or a urlencoded body when `text` has no `?`). */
export function checkParamCount(urlOrQuery: string, maxParams: number): LimitResult {
  const q = urlOrQuery.indexOf('?');
  const query = q >= 0 ? urlOrQuery.slice(q + 1) : urlOrQuery.startsWith('/') ? '' : urlOrQuery;
  const hash = query.indexOf('#');
  const count = countParams(hash >= 0 ? query.slice(0, hash) : query, maxParams);
  if (count <= maxParams) return OK;
  return { ok: false, status: 400, rule: 'too-many-params', reason: `More than ${maxParams} parameters.` };
}

/** Refuses a declared Content-Length above the limit before a byte of the body is read. */
export function checkContentLength(req: IncomingMessage, maxBodyBytes: number, headers: IncomingHttpHeaders = req.headers): LimitResult {
  const header = headers['content-length'];
  if (header === undefined) return OK;
  if (!/^\d{1,16}$/.test(header)) return { ok: false, status: 400, rule: 'body-too-large', reason: 'Content-Length is not a number.' };
  const length = Number(header);
  if (length <= maxBodyBytes) return OK;
  return { ok: false, status: 413, rule: 'body-too-large', reason: `Request body is ${length} bytes; at most ${maxBodyBytes} are accepted.` };
}

export type BodyResult = { readonly ok: true; readonly body: Buffer } | Extract<LimitResult, { ok: false }>;

/**
 * Reads a request body, stopping at `maxBodyBytes` whatever Content-Length claims (chunked bodies
 * have none). On refusal the stream is paused and detached: answer 413 with `Connection: close`.
 */
export function readBodyLimited(req: IncomingMessage, maxBodyBytes: number): Promise<BodyResult> {
  const declared = checkContentLength(req, maxBodyBytes);
  if (!declared.ok) return Promise.resolve(declared);
  // Already consumed (a body parser ran first) or torn down: 'end' will never come again.
  if (req.readableEnded) return Promise.resolve({ ok: true, body: Buffer.alloc(0) });
  if (req.destroyed) return Promise.resolve({ ok: false, status: 400, rule: 'body-too-large', reason: 'The request body could not be read.' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > maxBodyBytes) {
        req.pause();
        finish({ ok: false, status: 413, rule: 'body-too-large', reason: `Request body exceeds ${maxBodyBytes} bytes.` });
        return;
      }
      chunks.push(buf);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onError = () => finish({ ok: false, status: 400, rule: 'body-too-large', reason: 'The request body could not be read.' });
    const onAborted = onError;
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8, refusing invalid byte sequences instead of silently turning them into U+FFFD. */
export function decodeUtf8(body: Uint8Array): { ok: true; text: string } | Extract<LimitResult, { ok: false }> {
  try {
    return { ok: true, text: strictUtf8.decode(body) };
  } catch {
    return { ok: false, status: 400, rule: 'invalid-utf8', reason: 'The request body is not valid UTF-8.' };
  }
}

/**
 * Nesting depth of JSON objects and arrays in `text`, found by one pass over the characters
 * (strings and escapes skipped), stopping as soon as `max` is passed: a 1 MB body of `[[[[...`
 * is refused before JSON.parse builds a single array.
 */
export function scanJsonDepth(text: string, max = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return deepest;
}

/**
 * True when `value` nests objects and arrays at most `max` deep. Iterative (an explicit stack),
 * so a value built elsewhere with 100k levels cannot overflow the call stack here.
 */
export function checkJsonDepth(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  const stack: Array<[unknown, number]> = [[value, 1]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return false;
    if (seen.has(node as object)) continue;
    seen.add(node as object);
    const children = Array.isArray(node) ? node : Object.values(node as object);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return true;
}

/**
 * Parses a JSON body under the limits: size first, then nesting (scanned before parsing), then
 * JSON.parse. The reason never echoes the input, only a position.
 */
export function parseJsonLimited(text: string, limits: Partial<RequestLimits> = {}): { ok: true; value: unknown } | { ok: false; reason: string; rule: 'body-too-large' | 'json-too-deep' | 'invalid-json'; status: 400 | 413 } {
  const maxBodyBytes = limits.maxBodyBytes ?? LIMITS_DEFAULTS.maxBodyBytes;
  const maxJsonDepth = limits.maxJsonDepth ?? LIMITS_DEFAULTS.maxJsonDepth;
  // UTF-16 length is at most the UTF-8 byte length; only count bytes when it could matter.
  if (text.length > maxBodyBytes || (text.length * 3 > maxBodyBytes && Buffer.byteLength(text) > maxBodyBytes)) {
    return { ok: false, status: 413, rule: 'body-too-large', reason: `JSON body exceeds ${maxBodyBytes} bytes.` };
  }
  if (scanJsonDepth(text, maxJsonDepth) > maxJsonDepth) {
    return { ok: false, status: 400, rule: 'json-too-deep', reason: `JSON nests deeper than ${maxJsonDepth} levels.` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const position = /position (\d{1,10})/.exec(error instanceof Error ? error.message : '')?.[1];
    return { ok: false, status: 400, rule: 'invalid-json', reason: position ? `Invalid JSON at position ${position}.` : 'Invalid JSON.' };
  }
}

/**
 * Runs the checks that need only the request head (headers, parameter count, declared body size),
 * cheapest first. Adapters call this before routing; body checks run when the body is read.
 */
export function checkRequestHead(req: IncomingMessage, limits: RequestLimits = LIMITS_DEFAULTS, requestHeaders: IncomingHttpHeaders = req.headers): LimitResult {
  const headers = checkHeaderSize(req, limits.maxHeaderBytes);
  if (!headers.ok) return headers;
  const params = checkParamCount(req.url ?? '/', limits.maxParams);
  if (!params.ok) return params;
  return checkContentLength(req, limits.maxBodyBytes, requestHeaders);
}
