import { GuardSetupError, isPlainObject, suggest } from '../setup-error.js';

/** Put this source in a directive to get a fresh per-request nonce there: `'nonce-<base64>'`. */
export const NONCE = "'nonce'";

export interface ContentSecurityPolicyOptions {
  /**
   * Directive name (kebab-case or camelCase) to its sources. Merged over the defaults:
   * a key you give replaces that directive, `null` or `false` removes it.
   * `'nonce'` in a source list becomes this request's `'nonce-…'`.
   */
  readonly directives: Readonly<Record<string, readonly string[] | string | null | false>>;
  /** Send Content-Security-Policy-Report-Only instead, to trial a policy without breaking pages. */
  readonly reportOnly: boolean;
}

/**
 * A strict policy: nothing loads unless listed (default-src 'none'); scripts and styles only
 * from the app's origin or inline with this request's nonce; no plugins, no <base> hijack, forms
 * post only to the app, framing only by the app itself. Scores the MDN Observatory's top CSP
 * grade (default-src 'none', no 'unsafe-*').
 */
export const CSP_DEFAULT_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'manifest-src': ["'self'"],
  'media-src': ["'self'"],
  'object-src': ["'none'"],
  'script-src': ["'self'", NONCE],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", NONCE],
  'worker-src': ["'self'"],
  'upgrade-insecure-requests': [],
});

/** Directives a policy may name (CSP level 3); anything else is a typo. */
const KNOWN_DIRECTIVES = [
  'default-src', 'base-uri', 'child-src', 'connect-src', 'fenced-frame-src', 'font-src', 'form-action',
  'frame-ancestors', 'frame-src', 'img-src', 'manifest-src', 'media-src', 'object-src', 'prefetch-src',
  'report-to', 'report-uri', 'require-trusted-types-for', 'sandbox', 'script-src', 'script-src-attr',
  'script-src-elem', 'style-src', 'style-src-attr', 'style-src-elem', 'trusted-types',
  'upgrade-insecure-requests', 'worker-src', 'block-all-mixed-content',
];

/** Keywords that only work quoted; unquoted they name a host called "self". */
const MUST_BE_QUOTED = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic', 'unsafe-hashes', 'report-sample', 'wasm-unsafe-eval', 'nonce']);

export const CSP_OPTION_KEYS = ['directives', 'reportOnly'] as const;

/** The policy split at its nonce slots, computed once; policyValue() fills them per request. */
export interface CompiledPolicy {
  readonly headerName: 'Content-Security-Policy' | 'Content-Security-Policy-Report-Only';
  readonly parts: readonly string[];
  /** The same policy without upgrade-insecure-requests, for plain-HTTP localhost development. */
  readonly partsForPlainHttp: readonly string[];
  readonly usesNonce: boolean;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function compileContentSecurityPolicy(options: ContentSecurityPolicyOptions): CompiledPolicy {
  const path = 'headers.contentSecurityPolicy';
  if (!isPlainObject(options.directives)) throw new GuardSetupError(`rampart(): \`${path}.directives\` must be an object of directive name to sources.`);
  const merged = new Map<string, readonly string[]>(Object.entries(CSP_DEFAULT_DIRECTIVES));
  for (const [rawName, value] of Object.entries(options.directives)) {
    const name = kebab(rawName);
    if (!KNOWN_DIRECTIVES.includes(name)) {
      throw new GuardSetupError(`rampart(): unknown CSP directive \`${rawName}\` in \`${path}.directives\`. ${suggest(name, KNOWN_DIRECTIVES)}`);
    }
    if (value === null || value === false) {
      merged.delete(name);
      continue;
    }
    const sources = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
    if (!Array.isArray(sources) || sources.some((s) => typeof s !== 'string')) {
      throw new GuardSetupError(`rampart(): \`${path}.directives.${rawName}\` must be an array of source strings, null or false.`);
    }
    for (const source of sources) {
      if (/[;,\s]/.test(source) || source.length === 0) {
        throw new GuardSetupError(`rampart(): CSP source ${JSON.stringify(source)} in \`${rawName}\` contains a space, comma or semicolon: give one source per array item.`);
      }
      if (MUST_BE_QUOTED.has(source.toLowerCase())) {
        throw new GuardSetupError(`rampart(): CSP source ${JSON.stringify(source)} in \`${rawName}\` must be quoted. Did you mean "'${source}'"?`);
      }
    }
    merged.set(name, sources);
  }
  const usesNonce = [...merged.values()].some((s) => s.includes(NONCE));
  const render = (withUpgrade: boolean): string[] => {
    const directives: string[] = [];
    for (const [name, sources] of merged) {
      if (name === 'upgrade-insecure-requests' && !withUpgrade) continue;
      directives.push(sources.length === 0 ? name : `${name} ${sources.join(' ')}`);
    }
    return directives.join('; ').split(NONCE);
  };
  return {
    headerName: options.reportOnly ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy',
    parts: render(true),
    partsForPlainHttp: render(false),
    usesNonce,
  };
}

/** The header value for one request: the nonce slots filled with `'nonce-<value>'`. */
export function policyValue(parts: readonly string[], nonce: string): string {
  if (parts.length === 1) return parts[0];
  const source = `'nonce-${nonce}'`;
  let out = parts[0];
  for (let i = 1; i < parts.length; i++) out += source + parts[i];
  return out;
}
