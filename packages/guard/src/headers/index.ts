import type { ServerResponse } from 'node:http';
import { GuardSetupError, describe, featureOptions, isPlainObject, rejectUnknownKeys } from '../setup-error.js';
import { CSP_OPTION_KEYS, compileContentSecurityPolicy, policyValue, type CompiledPolicy, type ContentSecurityPolicyOptions } from './content-security-policy.js';
import { FIXED_HEADERS, fixedHeaderValue } from './fixed-headers.js';
import { checkHeader, trustedHeaders, writeTrustedHeader, writeTrustedHeaders, type TrustedHeaders } from './header-store.js';
import { PERMISSIONS_POLICY_DEFAULTS, permissionsPolicyValue } from './permissions-policy.js';
import { strictTransportSecurityValue, type StrictTransportSecurityOptions } from './strict-transport-security.js';

export { NONCE, CSP_DEFAULT_DIRECTIVES, type ContentSecurityPolicyOptions } from './content-security-policy.js';
export { FIXED_HEADERS } from './fixed-headers.js';
export type { StrictTransportSecurityOptions } from './strict-transport-security.js';

/** Which requests are "authenticated", so their responses get `Cache-Control: no-store`. */
export interface NoStoreOptions {
  /** A request with an Authorization header is authenticated. Default true. */
  readonly authorizationHeader: boolean;
  /** A request carrying one of these cookies is authenticated (your session cookie's name). */
  readonly sessionCookies: readonly string[];
}

export type FixedHeaderOption<V extends string> = boolean | V;

export interface HeadersOptions {
  /** Strict CSP with per-request nonces; see docs/guard.md. */
  readonly contentSecurityPolicy: boolean | Partial<ContentSecurityPolicyOptions>;
  /** HSTS; left out of plain-HTTP localhost development (see `devLocalhost`). */
  readonly strictTransportSecurity: boolean | Partial<StrictTransportSecurityOptions>;
  readonly crossOriginOpenerPolicy: FixedHeaderOption<'same-origin' | 'same-origin-allow-popups' | 'unsafe-none' | 'noopener-allow-popups'>;
  readonly crossOriginResourcePolicy: FixedHeaderOption<'same-origin' | 'same-site' | 'cross-origin'>;
  readonly crossOriginEmbedderPolicy: FixedHeaderOption<'require-corp' | 'credentialless' | 'unsafe-none'>;
  readonly originAgentCluster: FixedHeaderOption<'?1' | '?0'>;
  readonly referrerPolicy: FixedHeaderOption<string> | readonly string[];
  readonly xContentTypeOptions: FixedHeaderOption<'nosniff'>;
  readonly xDnsPrefetchControl: FixedHeaderOption<'off' | 'on'>;
  readonly xDownloadOptions: FixedHeaderOption<'noopen'>;
  readonly xFrameOptions: FixedHeaderOption<'SAMEORIGIN' | 'DENY'>;
  readonly xPermittedCrossDomainPolicies: FixedHeaderOption<'none' | 'master-only' | 'by-content-type' | 'all'>;
  readonly xXssProtection: FixedHeaderOption<'0'>;
  /** Feature name to allowed origins, merged over the defaults (all powerful features off). */
  readonly permissionsPolicy: false | Readonly<Record<string, readonly string[] | null | false>>;
  /** Remove X-Powered-By (it tells attackers which exploits to try). Default true. */
  readonly hidePoweredBy: boolean;
  /** Cache-Control: no-store on responses to authenticated requests, unless the app set Cache-Control. */
  readonly noStore: boolean | Partial<NoStoreOptions>;
}

export const CSP_DEFAULTS: ContentSecurityPolicyOptions = Object.freeze({ directives: Object.freeze({}), reportOnly: false });
export const HSTS_DEFAULTS: StrictTransportSecurityOptions = Object.freeze({ maxAge: 31_536_000, includeSubDomains: true, preload: false });
export const NO_STORE_DEFAULTS: NoStoreOptions = Object.freeze({
  authorizationHeader: true,
  // express-session, koa-session, @fastify/session and common hand-rolled names.
  sessionCookies: Object.freeze(['connect.sid', 'koa.sess', 'sessionId', 'session', 'sid', '__Host-session', '__Host-sid']),
});

export const HEADERS_DEFAULTS: HeadersOptions = Object.freeze({
  contentSecurityPolicy: CSP_DEFAULTS,
  strictTransportSecurity: HSTS_DEFAULTS,
  ...(Object.fromEntries(FIXED_HEADERS.map((h) => [h.option, h.defaultValue])) as Pick<HeadersOptions, 'crossOriginOpenerPolicy'>),
  permissionsPolicy: PERMISSIONS_POLICY_DEFAULTS,
  hidePoweredBy: true,
  noStore: NO_STORE_DEFAULTS,
} as HeadersOptions);

/** Everything computed at setup: per request only the header writes and one string join for the nonce. */
export interface HeaderPlan {
  readonly csp: CompiledPolicy | undefined;
  readonly hidePoweredBy: boolean;
  readonly noStore: NoStoreOptions | undefined;
  /** Sets the headers on a response; `plainHttpLocalhost` leaves out HSTS and upgrade-insecure-requests. */
  apply(res: ServerResponse, nonce: string, plainHttpLocalhost: boolean): void;
}

export function compileHeaders(options: Partial<HeadersOptions> | boolean | undefined): HeaderPlan | undefined {
  const merged = featureOptions(options, HEADERS_DEFAULTS, 'headers');
  if (merged === false) return undefined;
  const always: [string, string][] = [];
  let hsts: [string, string] | undefined;

  let csp: CompiledPolicy | undefined;
  const cspOption = merged.contentSecurityPolicy;
  if (cspOption !== false) {
    const cspOptions = cspOption === true ? CSP_DEFAULTS : cspOption;
    if (!isPlainObject(cspOptions)) throw new GuardSetupError(`rampart(): \`headers.contentSecurityPolicy\` must be true, false or { directives, reportOnly }, got ${describe(cspOptions)}.`);
    rejectUnknownKeys(cspOptions, CSP_OPTION_KEYS, 'headers.contentSecurityPolicy');
    csp = compileContentSecurityPolicy({ ...CSP_DEFAULTS, ...cspOptions });
  }
  const hstsOption = merged.strictTransportSecurity;
  if (hstsOption !== false) {
    const hstsOptions = hstsOption === true ? HSTS_DEFAULTS : hstsOption;
    if (!isPlainObject(hstsOptions)) throw new GuardSetupError(`rampart(): \`headers.strictTransportSecurity\` must be true, false or { maxAge, includeSubDomains, preload }.`);
    hsts = ['Strict-Transport-Security', strictTransportSecurityValue({ ...HSTS_DEFAULTS, ...hstsOptions })];
  }
  for (const spec of FIXED_HEADERS) {
    const value = fixedHeaderValue(spec, (merged as unknown as Record<string, unknown>)[spec.option]);
    if (value !== undefined) always.push([spec.header, value]);
  }
  if (merged.permissionsPolicy !== false) always.push(['Permissions-Policy', permissionsPolicyValue(merged.permissionsPolicy)]);
  if (typeof merged.hidePoweredBy !== 'boolean') throw new GuardSetupError('rampart(): `headers.hidePoweredBy` must be true or false.');
  let noStore: NoStoreOptions | undefined;
  if (merged.noStore !== false) {
    const n = featureOptions(merged.noStore, NO_STORE_DEFAULTS, 'headers.noStore');
    if (n !== false) {
      if (!Array.isArray(n.sessionCookies) || n.sessionCookies.some((c) => typeof c !== 'string')) throw new GuardSetupError('rampart(): `headers.noStore.sessionCookies` must be an array of cookie names.');
      noStore = n;
    }
  }

  // Flat [name, value, name, value, ...] lists, one per mode: per request a plain loop.
  const flat = (pairs: [string, string][]): string[] => pairs.flatMap(([n, v]) => [n, v]);
  const lists = { strict: flat(hsts ? [...always, hsts] : always), plain: flat(always) };
  const cspName = csp?.headerName;
  const cspLower = cspName?.toLowerCase();
  // Checked once here (with a nonce's characters in the nonce slots), so requests write them unchecked.
  let trusted: { strict: TrustedHeaders; plain: TrustedHeaders };
  try {
    trusted = { strict: trustedHeaders(lists.strict), plain: trustedHeaders(lists.plain) };
    if (csp) for (const parts of [csp.parts, csp.partsForPlainHttp]) checkHeader(csp.headerName, policyValue(parts, 'A+/0Aa9zZ+/=='));
  } catch (err) {
    throw new GuardSetupError(`rampart(): a header value has characters HTTP does not allow (${err instanceof Error ? err.message : String(err)}); check \`headers\` options for control or non-Latin-1 characters.`);
  }
  return {
    csp,
    hidePoweredBy: merged.hidePoweredBy,
    noStore,
    apply(res, nonce, plainHttpLocalhost) {
      writeTrustedHeaders(res, plainHttpLocalhost ? trusted.plain : trusted.strict);
      // The nonce is base64 (createNonce), the rest of the policy was checked above.
      if (csp) writeTrustedHeader(res, cspName!, cspLower!, policyValue(plainHttpLocalhost ? csp.partsForPlainHttp : csp.parts, nonce));
    },
  };
}
