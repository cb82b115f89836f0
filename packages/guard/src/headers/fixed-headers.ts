import { GuardSetupError, describe, suggest } from '../setup-error.js';

/**
 * Headers whose value is one of a few tokens, declared as data: the option name, the header,
 * its default, and every value a browser understands. A wrong value fails at setup with the
 * accepted list, instead of being sent and silently ignored by browsers.
 */
export interface FixedHeader {
  readonly option: string;
  readonly header: string;
  readonly defaultValue: string | false;
  readonly values: readonly string[];
  /** Why it is on (or off) by default, for docs. */
  readonly why: string;
}

export const FIXED_HEADERS: readonly FixedHeader[] = Object.freeze([
  {
    option: 'crossOriginOpenerPolicy',
    header: 'Cross-Origin-Opener-Policy',
    defaultValue: 'same-origin',
    values: ['same-origin', 'same-origin-allow-popups', 'unsafe-none', 'noopener-allow-popups'],
    why: 'other origins get no handle on your windows (XS-Leaks, Spectre)',
  },
  {
    option: 'crossOriginResourcePolicy',
    header: 'Cross-Origin-Resource-Policy',
    defaultValue: 'same-origin',
    values: ['same-origin', 'same-site', 'cross-origin'],
    why: 'other sites cannot embed your responses; use same-site or cross-origin for public assets',
  },
  {
    option: 'crossOriginEmbedderPolicy',
    header: 'Cross-Origin-Embedder-Policy',
    defaultValue: false,
    values: ['require-corp', 'credentialless', 'unsafe-none'],
    why: 'off by default (as helmet): it breaks pages that embed cross-origin resources without CORP',
  },
  {
    option: 'originAgentCluster',
    header: 'Origin-Agent-Cluster',
    defaultValue: '?1',
    values: ['?1', '?0'],
    why: 'isolates the origin in its own agent cluster',
  },
  {
    option: 'referrerPolicy',
    header: 'Referrer-Policy',
    defaultValue: 'no-referrer',
    values: ['no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'],
    why: 'URLs (which may hold tokens) never leak to other sites',
  },
  {
    option: 'xContentTypeOptions',
    header: 'X-Content-Type-Options',
    defaultValue: 'nosniff',
    values: ['nosniff'],
    why: 'no MIME sniffing of uploads into scripts',
  },
  {
    option: 'xDnsPrefetchControl',
    header: 'X-DNS-Prefetch-Control',
    defaultValue: 'off',
    values: ['off', 'on'],
    why: 'links on the page do not leak to DNS before a click',
  },
  {
    option: 'xDownloadOptions',
    header: 'X-Download-Options',
    defaultValue: 'noopen',
    values: ['noopen'],
    why: 'old Internet Explorer does not open downloads in the site context',
  },
  {
    option: 'xFrameOptions',
    header: 'X-Frame-Options',
    defaultValue: 'SAMEORIGIN',
    values: ['SAMEORIGIN', 'DENY'],
    why: 'clickjacking defence for browsers without CSP frame-ancestors',
  },
  {
    option: 'xPermittedCrossDomainPolicies',
    header: 'X-Permitted-Cross-Domain-Policies',
    defaultValue: 'none',
    values: ['none', 'master-only', 'by-content-type', 'all'],
    why: 'Adobe clients load no cross-domain policy files',
  },
  {
    option: 'xXssProtection',
    header: 'X-XSS-Protection',
    defaultValue: '0',
    values: ['0'],
    why: "turns off old browsers' XSS auditor, which itself opened leaks",
  },
].map((h) => Object.freeze(h as FixedHeader)));

/** Checks one option of a fixed header and returns the header value, or undefined when off. */
export function fixedHeaderValue(spec: FixedHeader, value: unknown): string | undefined {
  if (value === false) return undefined;
  if (value === true) return spec.defaultValue === false ? spec.values[0] : spec.defaultValue;
  if (spec.option === 'referrerPolicy' && Array.isArray(value) && value.length > 0) {
    // Several values: browsers use the last one they understand (a fallback list).
    for (const v of value) fixedHeaderValue(spec, v);
    return value.join(', ');
  }
  if (typeof value !== 'string') {
    throw new GuardSetupError(`rampart(): \`headers.${spec.option}\` must be true, false or one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describe(value)}.`);
  }
  const found = spec.values.find((v) => v.toLowerCase() === value.toLowerCase());
  if (!found) {
    throw new GuardSetupError(`rampart(): \`headers.${spec.option}\` does not accept ${JSON.stringify(value)}. ${suggest(value, spec.values)}`);
  }
  return found;
}
