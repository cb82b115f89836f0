import type { IncomingMessage, ServerResponse } from 'node:http';
import { GuardSetupError, describe, featureOptions } from '../setup-error.js';

export type OriginMatcher = string | RegExp;

export interface CorsOptions {
  /**
   * Who may read responses from a browser on another origin: exact origins
   * ('https://app.example.com'), RegExps tested against the whole Origin header, or a function
   * `(origin, req) => boolean`. Empty (the default when CORS is on) allows nobody. '*' allows
   * anyone, but never together with `credentials`.
   */
  readonly origins: readonly OriginMatcher[] | ((origin: string, req: IncomingMessage) => boolean);
  /** Send cookies and Authorization cross-origin (Access-Control-Allow-Credentials). Default false. */
  readonly credentials: boolean;
  /** Methods a preflight may ask for. */
  readonly methods: readonly string[];
  /** Request headers a preflight may ask for; empty reflects nothing but CORS-safelisted headers. */
  readonly allowedHeaders: readonly string[];
  /** Response headers scripts may read (Access-Control-Expose-Headers). */
  readonly exposedHeaders: readonly string[];
  /** Seconds a browser caches a preflight answer. Default 600 (Chrome's cap is 7200). */
  readonly maxAge: number;
}

export const CORS_DEFAULTS: CorsOptions = Object.freeze({
  origins: Object.freeze([]),
  credentials: false,
  methods: Object.freeze(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']),
  allowedHeaders: Object.freeze(['Content-Type', 'Authorization', 'X-Request-Id']),
  exposedHeaders: Object.freeze(['X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Retry-After']),
  maxAge: 600,
});

/** What CORS decided for one request. */
export type CorsVerdict =
  | { readonly kind: 'none' } // no Origin header, or same-origin: nothing to do
  | { readonly kind: 'allowed' }
  | { readonly kind: 'preflight'; readonly status: 204 | 403 };

export interface CorsPolicy {
  /** Sets the CORS headers; answers preflights. Never throws. */
  handle(req: IncomingMessage, res: ServerResponse): CorsVerdict;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function compileCors(value: unknown): CorsPolicy | undefined {
  // `cors: true` with no origins would allow nobody: say so instead of a silent no-op.
  if (value === true) throw new GuardSetupError('rampart(): `cors: true` allows no origin. Give the origins that may call you: `cors: { origins: ["https://app.example.com"] }`.');
  const o = featureOptions(value, CORS_DEFAULTS, 'cors');
  if (o === false) return undefined;
  const fnOrigins = typeof o.origins === 'function' ? o.origins : undefined;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  let any = false;
  if (!fnOrigins) {
    if (!Array.isArray(o.origins)) throw new GuardSetupError(`rampart(): \`cors.origins\` must be an array of origins/RegExps or a function, got ${describe(o.origins)}.`);
    for (const origin of o.origins) {
      if (origin instanceof RegExp) {
        if (origin.global || origin.sticky) throw new GuardSetupError(`rampart(): \`cors.origins\` RegExp ${String(origin)} has the g or y flag, which makes test() stateful: remove it.`);
        patterns.push(origin);
      } else if (origin === '*') any = true;
      else if (typeof origin === 'string') {
        let parsed: URL;
        try {
          parsed = new URL(origin);
        } catch {
          throw new GuardSetupError(`rampart(): \`cors.origins\` entry ${JSON.stringify(origin)} is not an origin: write scheme and host, e.g. "https://app.example.com".`);
        }
        if (parsed.origin !== origin) throw new GuardSetupError(`rampart(): \`cors.origins\` entry ${JSON.stringify(origin)} is not an origin (no path, no trailing slash). Did you mean ${JSON.stringify(parsed.origin)}?`);
        exact.add(origin);
      } else throw new GuardSetupError(`rampart(): \`cors.origins\` entries must be strings or RegExps, got ${describe(origin)}.`);
    }
  }
  if (typeof o.credentials !== 'boolean') throw new GuardSetupError('rampart(): `cors.credentials` must be true or false.');
  if (any && o.credentials) {
    throw new GuardSetupError("rampart(): `cors.origins: ['*']` with `credentials: true` would let any site act as your logged-in users. List the origins that need credentials instead.");
  }
  for (const key of ['methods', 'allowedHeaders', 'exposedHeaders'] as const) {
    if (!Array.isArray(o[key]) || o[key].some((m) => typeof m !== 'string' || !TOKEN.test(m))) throw new GuardSetupError(`rampart(): \`cors.${key}\` must be an array of header or method names.`);
  }
  if (typeof o.maxAge !== 'number' || !Number.isInteger(o.maxAge) || o.maxAge < 0) throw new GuardSetupError('rampart(): `cors.maxAge` must be a whole number of seconds.');

  const methods = o.methods.map((m) => m.toUpperCase());
  const methodSet = new Set(methods);
  const allowedHeaders = new Set(o.allowedHeaders.map((h) => h.toLowerCase()));
  const allowMethods = methods.join(', ');
  const allowHeaders = o.allowedHeaders.join(', ');
  const expose = o.exposedHeaders.join(', ');
  const maxAge = String(o.maxAge);

  function allowed(origin: string, req: IncomingMessage): boolean {
    if (origin.length > 512) return false;
    if (fnOrigins) {
      try {
        return fnOrigins(origin, req) === true;
      } catch {
        return false;
      }
    }
    if (any || exact.has(origin)) return true;
    for (const p of patterns) if (p.test(origin)) return true;
    return false;
  }

  return {
    handle(req, res) {
      const origin = req.headers.origin;
      const isPreflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
      // Caches must keep answers per Origin, allowed or not, or one origin's answer serves another.
      appendVary(res, 'Origin');
      if (origin === undefined) return { kind: 'none' };
      if (!allowed(origin, req)) return isPreflight ? { kind: 'preflight', status: 403 } : { kind: 'none' };
      res.setHeader('Access-Control-Allow-Origin', any && !o.credentials ? '*' : origin);
      if (o.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
      if (!isPreflight) {
        if (expose) res.setHeader('Access-Control-Expose-Headers', expose);
        return { kind: 'allowed' };
      }
      const method = String(req.headers['access-control-request-method']).toUpperCase();
      const requested = String(req.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean);
      if (!methodSet.has(method) || requested.some((h) => !allowedHeaders.has(h))) return { kind: 'preflight', status: 403 };
      appendVary(res, 'Access-Control-Request-Headers');
      res.setHeader('Access-Control-Allow-Methods', allowMethods);
      if (allowHeaders) res.setHeader('Access-Control-Allow-Headers', allowHeaders);
      res.setHeader('Access-Control-Max-Age', maxAge);
      return { kind: 'preflight', status: 204 };
    },
  };
}

function appendVary(res: ServerResponse, field: string): void {
  const current = res.getHeader('vary');
  if (current === undefined) {
    res.setHeader('Vary', field);
    return;
  }
  const text = Array.isArray(current) ? current.join(', ') : String(current);
  if (text === '*' || text.toLowerCase().split(/\s*,\s*/).includes(field.toLowerCase())) return;
  res.setHeader('Vary', `${text}, ${field}`);
}
