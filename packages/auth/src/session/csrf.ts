import { timingSafeEqual } from 'node:crypto';
import { DEFAULTS } from '../defaults.js';
import { rejectUnknownOptions } from '../setup-error.js';
import type { SessionRecord } from './store.js';

export interface CsrfOptions {
  headerName?: string;
  fieldName?: string;
  checkOrigin?: boolean;
  allowedOrigins?: readonly string[];
}

export type CsrfFailure = 'cross-site-request' | 'origin-mismatch' | 'csrf-token-missing' | 'csrf-token-mismatch';

export interface CsrfRequest {
  method: string;
  header(name: string): string | undefined;
  /** The parsed body when the framework parsed one (form or JSON). */
  body?: unknown;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/**
 * CSRF defence for cookie-authenticated unsafe requests: first Fetch Metadata and Origin (a
 * browser always sends at least one of them on a cross-site POST today), then the session's
 * synchronizer token from a header or a form field, compared in constant time.
 */
export interface CsrfCheck {
  /** Full check for a cookie-authenticated request: origin, then the session's token. */
  (req: CsrfRequest, session: SessionRecord): CsrfFailure | undefined;
  /** Origin and Fetch Metadata only: for unsafe requests that have no session yet (login, against login CSRF). */
  origin(req: CsrfRequest): CsrfFailure | undefined;
}

export function createCsrfCheck(options: CsrfOptions = {}): CsrfCheck {
  rejectUnknownOptions('csrf', options, ['headerName', 'fieldName', 'checkOrigin', 'allowedOrigins']);
  const o = { ...DEFAULTS.csrf, ...options };
  const header = o.headerName.toLowerCase();
  const allowed = new Set(o.allowedOrigins.map((x) => x.toLowerCase()));
  const origin = (req: CsrfRequest): CsrfFailure | undefined => {
    if (!o.checkOrigin || SAFE_METHODS.has(req.method.toUpperCase())) return undefined;
    const site = req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && !(site === 'same-site' && allowed.size > 0)) return 'cross-site-request';
    const given = req.header('origin');
    if (given === undefined) return undefined;
    const lower = given.toLowerCase();
    let host: string | undefined;
    try {
      host = lower === 'null' ? undefined : new URL(lower).host;
    } catch {
      host = undefined;
    }
    if (!allowed.has(lower) && (host === undefined || host !== (req.header('host') ?? '').toLowerCase())) return 'origin-mismatch';
    return undefined;
  };
  const check = (req: CsrfRequest, session: SessionRecord): CsrfFailure | undefined => {
    if (SAFE_METHODS.has(req.method.toUpperCase())) return undefined;
    const crossSite = origin(req);
    if (crossSite) return crossSite;
    const fromBody = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>)[o.fieldName] : undefined;
    const token = req.header(header) ?? (typeof fromBody === 'string' ? fromBody : undefined);
    if (!token) return 'csrf-token-missing';
    const a = Buffer.from(token);
    const b = Buffer.from(session.csrfToken);
    return a.length === b.length && timingSafeEqual(a, b) ? undefined : 'csrf-token-mismatch';
  };
  return Object.assign(check, { origin });
}
