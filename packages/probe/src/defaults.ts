/** Every knob of the probe, with its default. `probe(url, options)` merges options over these. */
export interface ProbeOptions {
  /** Milliseconds one request may take, connection to last byte. */
  readonly timeoutMs: number;
  /** Most requests the whole probe may send; checks left without budget are reported as not run. */
  readonly maxRequests: number;
  /** Most redirects followed from one URL (only to the same host, or to `allowHosts`). */
  readonly maxRedirects: number;
  /** Bytes read from one response body; the rest is discarded (the checks need the start of a page). */
  readonly maxBodyBytes: number;
  /** Other hostnames that redirects may lead to, e.g. `www.example.com` for `example.com`. */
  readonly allowHosts: readonly string[];
  /** Port of the http:// variant used for the HTTP-to-HTTPS redirect check; 'auto' = 80 when the target is on 443, none otherwise. */
  readonly httpPort: number | 'auto' | 'none';
  /** Port of the https:// variant tried when an http:// target does not redirect; 'auto' = 443 when the target is on 80, none otherwise. */
  readonly httpsPort: number | 'auto' | 'none';
  /** Extra trusted certificate authorities (PEM), on top of Node's (and NODE_EXTRA_CA_CERTS). */
  readonly ca: string | readonly string[] | undefined;
  /** Sent on every request so the site's owners can tell the probe apart. */
  readonly userAgent: string;
  /** Grades below this set `passed: false` in the result, and make `rampart probe` exit 1. 'none' never fails. */
  readonly failUnder: Grade | 'none';
}

export const GRADES = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F'] as const;
export type Grade = (typeof GRADES)[number];

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as readonly string[]).includes(value);
}

/** True when `grade` is worse than `threshold`. */
export function gradeBelow(grade: Grade, threshold: Grade | 'none'): boolean {
  if (threshold === 'none') return false;
  return GRADES.indexOf(grade) > GRADES.indexOf(threshold);
}

export const PROBE_DEFAULTS: ProbeOptions = Object.freeze({
  timeoutMs: 10_000,
  maxRequests: 40,
  maxRedirects: 5,
  maxBodyBytes: 1024 * 1024,
  allowHosts: Object.freeze([]) as readonly string[],
  httpPort: 'auto',
  httpsPort: 'auto',
  ca: undefined,
  userAgent: 'Rampart-probe/0.1 (+https://github.com/rampart-security/rampart/blob/main/docs/probe.md)',
  // B: a site missing one major protection (CSP, or HSTS) still passes; two major gaps,
  // a plain-HTTP production site, or any exposed secret (which forces F) fail.
  failUnder: 'B',
});
