import { GuardSetupError, rejectUnknownKeys } from '../setup-error.js';

export interface StrictTransportSecurityOptions {
  /** Seconds browsers remember to use HTTPS only. Default one year (the preload list's minimum). */
  readonly maxAge: number;
  /** Also every subdomain. Default true. */
  readonly includeSubDomains: boolean;
  /** Ask to be on browsers' built-in HSTS list (submit the domain at hstspreload.org). Default false. */
  readonly preload: boolean;
}

const ONE_YEAR = 31_536_000;
const KEYS = ['maxAge', 'includeSubDomains', 'preload'] as const;

export function strictTransportSecurityValue(options: StrictTransportSecurityOptions): string {
  rejectUnknownKeys(options, KEYS, 'headers.strictTransportSecurity');
  const { maxAge, includeSubDomains, preload } = options;
  if (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 0) {
    throw new GuardSetupError(`rampart(): \`headers.strictTransportSecurity.maxAge\` must be a whole number of seconds (${ONE_YEAR} for a year), got ${String(maxAge)}.`);
  }
  if (preload && (maxAge < ONE_YEAR || !includeSubDomains)) {
    throw new GuardSetupError(`rampart(): HSTS \`preload\` needs \`maxAge\` of at least ${ONE_YEAR} and \`includeSubDomains: true\`, or the preload list refuses the domain.`);
  }
  return `max-age=${maxAge}${includeSubDomains ? '; includeSubDomains' : ''}${preload ? '; preload' : ''}`;
}
