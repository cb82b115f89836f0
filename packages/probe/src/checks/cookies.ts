import type { ProbeResponse } from '../http-client.js';

/** One Set-Cookie as the browser would read its attributes. */
export interface SeenCookie {
  readonly name: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** The SameSite value as sent, or undefined. */
  readonly sameSite?: string;
  readonly domain?: string;
  readonly path?: string;
  readonly overHttps: boolean;
}

// Names of cookies that carry a session or a login: they need HttpOnly.
const SESSION_NAME = /sess|sid|token|auth|login|jwt|remember/i;

export function parseSetCookie(header: string, overHttps: boolean): SeenCookie | undefined {
  const [pair, ...attrs] = header.split(';');
  const eq = pair!.indexOf('=');
  const name = (eq >= 0 ? pair!.slice(0, eq) : pair!).trim();
  if (!name) return undefined;
  let secure = false;
  let httpOnly = false;
  let sameSite: string | undefined;
  let domain: string | undefined;
  let path: string | undefined;
  for (const a of attrs) {
    const i = a.indexOf('=');
    const key = (i >= 0 ? a.slice(0, i) : a).trim().toLowerCase();
    const value = i >= 0 ? a.slice(i + 1).trim() : '';
    if (key === 'secure') secure = true;
    else if (key === 'httponly') httpOnly = true;
    else if (key === 'samesite') sameSite = value;
    else if (key === 'domain') domain = value;
    else if (key === 'path') path = value;
  }
  return { name: name.slice(0, 200), secure, httpOnly, sameSite, domain, path, overHttps };
}

/** Every cookie the probed responses set, the last Set-Cookie of a name winning. */
export function collectCookies(responses: readonly ProbeResponse[]): SeenCookie[] {
  const byName = new Map<string, SeenCookie>();
  for (const r of responses) {
    for (const h of r.headers['set-cookie'] ?? []) {
      const c = parseSetCookie(h, r.url.protocol === 'https:');
      if (c) byName.set(c.name, c);
    }
  }
  return [...byName.values()];
}

export interface CookieVerdict {
  readonly id: 'cookie-secure' | 'cookie-httponly' | 'cookie-samesite' | 'cookie-host-prefix';
  readonly pass: boolean;
  readonly detail: string;
}

function names(cookies: readonly SeenCookie[]): string {
  return cookies.map((c) => c.name).join(', ');
}

export function checkCookies(cookies: readonly SeenCookie[]): CookieVerdict[] {
  if (cookies.length === 0) {
    const none = 'no cookie set by the probed pages (cookies set after login are not seen)';
    return (['cookie-secure', 'cookie-httponly', 'cookie-samesite', 'cookie-host-prefix'] as const).map((id) => ({ id, pass: true, detail: none }));
  }
  const insecure = cookies.filter((c) => !c.secure);
  const sessions = cookies.filter((c) => SESSION_NAME.test(c.name) || c.name.startsWith('__Host-') || c.name.startsWith('__Secure-'));
  const readable = sessions.filter((c) => !c.httpOnly);
  const badSameSite = cookies.filter((c) => {
    const v = c.sameSite?.toLowerCase();
    return !(v === 'lax' || v === 'strict' || (v === 'none' && c.secure));
  });
  const brokenPrefix = cookies.filter(
    (c) => (c.name.startsWith('__Host-') && (!c.secure || c.domain !== undefined || c.path !== '/')) || (c.name.startsWith('__Secure-') && !c.secure),
  );
  const unprefixedSessions = sessions.filter((c) => !c.name.startsWith('__Host-'));
  return [
    {
      id: 'cookie-secure',
      pass: insecure.length === 0,
      detail: insecure.length ? `without Secure: ${names(insecure)}${insecure.some((c) => !c.overHttps) ? ' (set over plain HTTP)' : ''}` : `all ${cookies.length} cookie(s) are Secure`,
    },
    {
      id: 'cookie-httponly',
      pass: readable.length === 0,
      detail: readable.length ? `session cookie(s) readable by scripts: ${names(readable)}` : sessions.length ? `session cookie(s) ${names(sessions)} are HttpOnly` : 'no session cookie seen',
    },
    {
      id: 'cookie-samesite',
      pass: badSameSite.length === 0,
      detail: badSameSite.length
        ? `missing or invalid SameSite: ${badSameSite.map((c) => `${c.name}${c.sameSite !== undefined ? ` (SameSite=${c.sameSite.slice(0, 20)}${c.sameSite.toLowerCase() === 'none' ? ' without Secure' : ''})` : ''}`).join(', ')}`
        : 'every cookie has SameSite=Lax, Strict, or None with Secure',
    },
    {
      id: 'cookie-host-prefix',
      pass: brokenPrefix.length === 0,
      detail: brokenPrefix.length
        ? `prefix rules broken (browsers drop these): ${names(brokenPrefix)}`
        : unprefixedSessions.length
          ? `prefixes valid; consider __Host- for ${names(unprefixedSessions)}`
          : 'prefixes valid',
    },
  ];
}
