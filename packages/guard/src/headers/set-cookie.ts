import { GuardSetupError, describe } from '../setup-error.js';

export interface CookieOptions {
  /** Add `Secure` to every cookie (skipped on plain-HTTP localhost development). Default true. */
  readonly secure: boolean;
  /** Add `HttpOnly` unless the cookie is listed in `readableByScripts`. Default true. */
  readonly httpOnly: boolean;
  /** SameSite for cookies that do not say: 'Lax' (default), 'Strict', or false to leave them. */
  readonly sameSite: 'Lax' | 'Strict' | false;
  /** Cookies page scripts must read (CSRF double-submit tokens): no HttpOnly added. */
  readonly readableByScripts: readonly string[];
  /**
   * Cookie names sent as `__Host-<name>` (Secure, Path=/, no Domain: the browser then refuses the
   * cookie from subdomains or plain HTTP). Incoming `__Host-<name>` is renamed back to `<name>`
   * for the app, and a plain `<name>` cookie (planted by a subdomain) is dropped.
   */
  readonly hostPrefix: readonly string[];
}

export const COOKIE_DEFAULTS: CookieOptions = Object.freeze({
  secure: true,
  httpOnly: true,
  sameSite: 'Lax',
  readableByScripts: Object.freeze(['XSRF-TOKEN', 'csrftoken']),
  hostPrefix: Object.freeze([]),
});

export interface CompiledCookiePolicy {
  /** Rewrites one Set-Cookie value; `plainHttpLocalhost` leaves Secure and prefixes out. */
  rewrite(setCookie: string, plainHttpLocalhost: boolean): string;
  /** Rewrites the request's Cookie header for hostPrefix names, or returns it unchanged. */
  incoming(cookieHeader: string): string;
  readonly renames: boolean;
}

const HOST_PREFIX = '__Host-';

export function compileCookiePolicy(options: CookieOptions): CompiledCookiePolicy {
  for (const key of ['secure', 'httpOnly'] as const) {
    if (typeof options[key] !== 'boolean') throw new GuardSetupError(`rampart(): \`cookies.${key}\` must be true or false, got ${describe(options[key])}.`);
  }
  if (options.sameSite !== false && options.sameSite !== 'Lax' && options.sameSite !== 'Strict') {
    throw new GuardSetupError(`rampart(): \`cookies.sameSite\` must be 'Lax', 'Strict' or false, got ${describe(options.sameSite)}. ('None' cannot be a default: set it on the one cookie that needs it.)`);
  }
  for (const key of ['readableByScripts', 'hostPrefix'] as const) {
    const list = options[key];
    if (!Array.isArray(list) || list.some((n) => typeof n !== 'string' || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(n))) {
      throw new GuardSetupError(`rampart(): \`cookies.${key}\` must be an array of cookie names (RFC 6265 tokens).`);
    }
  }
  const scriptReadable = new Set(options.readableByScripts);
  const prefixed = new Set(options.hostPrefix);

  function rewrite(setCookie: string, plainHttpLocalhost: boolean): string {
    if (setCookie.length > 8192) return setCookie;
    const semicolon = setCookie.indexOf(';');
    let pair = semicolon < 0 ? setCookie : setCookie.slice(0, semicolon);
    const attributes = semicolon < 0 ? [] : setCookie.slice(semicolon + 1).split(';').map((a) => a.trim()).filter(Boolean);
    const eq = pair.indexOf('=');
    const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    let has = attributeNames(attributes);
    const sameSiteNone = attributes.some((a) => /^samesite\s*=\s*none$/i.test(a));
    if (prefixed.has(name) && !plainHttpLocalhost) {
      // __Host- requires Secure, Path=/ and no Domain, or the browser drops the cookie.
      pair = HOST_PREFIX + pair.trimStart();
      const kept = attributes.filter((a) => !/^(domain|path)\s*(=|$)/i.test(a));
      kept.push('Path=/');
      attributes.length = 0;
      attributes.push(...kept);
      has = attributeNames(attributes);
    }
    if ((options.secure || sameSiteNone || pair.startsWith(HOST_PREFIX) || pair.startsWith('__Secure-')) && !has.has('secure') && !plainHttpLocalhost) attributes.push('Secure');
    if (options.httpOnly && !has.has('httponly') && !scriptReadable.has(name)) attributes.push('HttpOnly');
    if (options.sameSite && !has.has('samesite')) attributes.push(`SameSite=${options.sameSite}`);
    return attributes.length === 0 ? pair : `${pair}; ${attributes.join('; ')}`;
  }

  function incoming(cookieHeader: string): string {
    if (prefixed.size === 0 || cookieHeader.length > 16_384) return cookieHeader;
    const hosted = new Set<string>();
    const pairs = cookieHeader.split(';');
    for (const p of pairs) {
      const t = p.trimStart();
      if (t.startsWith(HOST_PREFIX)) {
        const name = t.slice(HOST_PREFIX.length, t.indexOf('=') < 0 ? undefined : t.indexOf('='));
        if (prefixed.has(name)) hosted.add(name);
      }
    }
    const out: string[] = [];
    for (const p of pairs) {
      const t = p.trim();
      const eq = t.indexOf('=');
      const name = eq < 0 ? t : t.slice(0, eq);
      if (prefixed.has(name)) continue; // unprefixed: could be planted by a subdomain or over HTTP
      if (name.startsWith(HOST_PREFIX) && hosted.has(name.slice(HOST_PREFIX.length))) {
        out.push(t.slice(HOST_PREFIX.length));
        continue;
      }
      if (t) out.push(t);
    }
    return out.join('; ');
  }

  return { rewrite, incoming, renames: prefixed.size > 0 };
}

function attributeNames(attributes: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const a of attributes) {
    const eq = a.indexOf('=');
    names.add((eq < 0 ? a : a.slice(0, eq)).trim().toLowerCase());
  }
  return names;
}
