/**
 * Options are checked at construction: a typo or an unsafe combination throws a
 * GuardSetupError naming the option and the fix, instead of an app running unprotected.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULTS, GuardSetupError, rampart, type GuardOptions } from '@rampart/guard';

const QUIET = { rootCheck: false, logger: false } as const;

function refuses(options: unknown, message: RegExp): void {
  assert.throws(
    () => rampart({ ...QUIET, ...(options as GuardOptions) }),
    (err: unknown) => err instanceof GuardSetupError && message.test(err.message),
  );
}

describe('setup errors', () => {
  const table: [string, unknown, RegExp][] = [
    ['unknown top-level option, with a suggestion', { header: {} }, /unknown option `header`\. Did you mean `headers`\?/],
    ['unknown header option', { headers: { contentSecurityPolice: true } }, /`headers\.contentSecurityPolice`.*Did you mean `contentSecurityPolicy`\?/],
    ['unknown HSTS option', { headers: { strictTransportSecurity: { maxage: 5 } } }, /Did you mean `maxAge`\?/],
    ['HSTS preload without a year', { headers: { strictTransportSecurity: { maxAge: 600, preload: true } } }, /preload.*31536000/],
    ['unquoted CSP keyword', { headers: { contentSecurityPolicy: { directives: { scriptSrc: ['self'] } } } }, /Did you mean "'self'"\?/],
    ['unknown CSP directive', { headers: { contentSecurityPolicy: { directives: { 'script-scr': ["'self'"] } } } }, /Did you mean `script-src`\?/],
    ['CSP source with a semicolon', { headers: { contentSecurityPolicy: { directives: { imgSrc: ["'self'; script-src *"] } } } }, /one source per array item/],
    ['bad X-Frame-Options value', { headers: { xFrameOptions: 'ALLOW-FROM x' } }, /xFrameOptions/],
    ['bad referrer policy', { headers: { referrerPolicy: 'no-referer' } }, /Did you mean `no-referrer`\?/],
    ['wildcard CORS with credentials', { cors: { origins: ['*'], credentials: true } }, /credentials/],
    ['CORS origin with a path', { cors: { origins: ['https://app.example.com/'] } }, /Did you mean "https:\/\/app\.example\.com"\?/],
    ['cors: true without origins', { cors: true }, /allows no origin/],
    ['SameSite=None as a default', { cookies: { sameSite: 'None' } }, /'None' cannot be a default/],
    ['a limit of zero', { limits: { maxBodyBytes: 0 } }, /limits\.maxBodyBytes/],
    ['feature given a string', { errors: 'on' }, /`errors` must be true, false or an options object/],
    ['bad permissions policy', { headers: { permissionsPolicy: { camera: 'none' } } }, /permissionsPolicy\.camera/],
  ];
  for (const [name, options, message] of table) it(name, () => refuses(options, message));

  it('rate limit errors come from the limiter, at construction too', () => {
    assert.throws(() => rampart({ ...QUIET, rateLimit: { trustProxy: true as never } }), /trustProxy/);
  });

  it('accepts every default explicitly', () => {
    assert.doesNotThrow(() => rampart({ ...QUIET, headers: DEFAULTS.headers, cookies: DEFAULTS.cookies, input: DEFAULTS.input, errors: DEFAULTS.errors, limits: DEFAULTS.limits }));
  });

  it('keeps DEFAULTS frozen and complete', () => {
    assert.ok(Object.isFrozen(DEFAULTS));
    assert.ok(Object.isFrozen(DEFAULTS.headers));
    for (const key of ['headers', 'cookies', 'cors', 'requestId', 'errors', 'input', 'responseFilter', 'rateLimit', 'limits', 'rootCheck', 'events', 'logger', 'metrics', 'devLocalhost']) {
      assert.ok(key in DEFAULTS, key);
    }
  });
});
