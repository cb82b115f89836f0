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
export function createCsrfCheck(options: CsrfOptions = {}): (req: CsrfRequest, session: SessionRecord) => CsrfFailure | undefined {
  rejectUnknownOptions('csrf', options, ['headerName', 'fieldName', 'checkOrigin', 'allowedOrigins']);
  const o = { ...DEFAULTS.csrf, ...options };
  const header = o.headerName.toLowerCase();
  const allowed = new Set(o.allowedOrigins.map((x) => x.toLowerCase()));
  return (req, session) => {
    if (SAFE_METHODS.has(req.method.toUpperCase())) return undefined;
    if (o.checkOrigin) {
      const site = req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin' && !(site === 'same-site' && allowed.size > 0)) return 'cross-site-request';
      const origin = req.header('origin');
      if (origin !== undefined) {
        const lower = origin.toLowerCase();
        let host: string | undefined;
        try {
          host = lower === 'null' ? undefined : new URL(lower).host;
        } catch {
          host = undefined;
        }
        if (!allowed.has(lower) && (host === undefined || host !== (req.header('host') ?? '').toLowerCase())) return 'origin-mismatch';
      }
    }
    const fromBody = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>)[o.fieldName] : undefined;
    const token = req.header(header) ?? (typeof fromBody === 'string' ? fromBody : undefined);
    if (!token) return 'csrf-token-missing';
    const a = Buffer.from(token);
    const b = Buffer.from(session.csrfToken);
    return a.length === b.length && timingSafeEqual(a, b) ? undefined : 'csrf-token-mismatch';
  };
}
