/**
 * Every secure default of @rampart/auth in one frozen object. Each factory merges the caller's
 * options over its part of it; docs/auth.md lists it key by key.
 */
export const DEFAULTS = deepFreeze({
  password: {
    /** What new hashes use. `scrypt` is the fallback where the argon2 binary cannot load. */
    algorithm: 'argon2id' as 'argon2id' | 'scrypt',
    /** OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1. */
    argon2: { memoryCost: 19456, timeCost: 2, parallelism: 1, saltLength: 16, hashLength: 32 },
    /** OWASP: scrypt N=2^17, r=8, p=1 (128 MiB of memory per hash). */
    scrypt: { cost: 131072, blockSize: 8, parallelization: 1, saltLength: 16, keyLength: 32 },
    /** Off: no pepper. `{ id, secret }` (or a Buffer/string, id `p1`) HMACs the password first. */
    pepper: false as false | PepperOption,
    /** Peppers of older hashes, by id, kept to verify them until they are rehashed at login. */
    previousPeppers: {} as Readonly<Record<string, string | Buffer>>,
    policy: { minLength: 8, maxBytes: 1024, rejectBreached: true, contextWords: [] as readonly string[] },
  },
  throttle: {
    /** Per (username, IP): the temporary lockout. 5 free tries, then 1 s, 2 s, 4 s ... up to 15 min. */
    pair: { freeAttempts: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 },
    /** Per IP (IPv6 by /64), across usernames: stops one source spraying many accounts. */
    ip: { freeAttempts: 50, baseDelayMs: 1000, maxDelayMs: 60 * 60_000 },
    /** Per username, across IPs: a short delay only (1 s doubling, at most 1 min), never a long lockout. */
    user: { freeAttempts: 10, baseDelayMs: 1000, maxDelayMs: 60_000 },
    /** From this many consecutive failures on an account, logins need a step-up (CAPTCHA, 2FA). */
    stepUpAfter: 10,
    /** NIST 800-63B §5.2.2: at most 100 consecutive failed attempts per account (from unknown devices). */
    accountCeiling: 100,
    /** Failure counters are forgotten after this long without a new failure. */
    failureTtlMs: 24 * 3_600_000,
    /** A (username, IP) pair that logged in successfully stays known this long (it skips the per-account delay and ceiling). */
    knownDeviceTtlMs: 30 * 24 * 3_600_000,
    /** IPv6 clients are counted per /64: one subscriber usually holds a whole /64. */
    ipv6PrefixLength: 64,
  },
  session: {
    /** `__Host-`: the browser only accepts it with Secure, Path=/ and no Domain, so no subdomain can set it. */
    cookieName: '__Host-sid',
    /** Inactivity timeout (ASVS V7.3.1). */
    idleTimeoutMs: 30 * 60_000,
    /** Absolute lifetime (ASVS V7.3.2). */
    absoluteTimeoutMs: 12 * 3_600_000,
    /** Write lastSeen back at most this often, so reads do not become writes on every request. */
    touchIntervalMs: 60_000,
    sameSite: 'lax' as 'lax' | 'strict',
  },
  login: {
    /** The login body's field holding the username (`'email'` for forms that ask for an email); option `usernameField`. */
    usernameField: 'username',
  },
  csrf: {
    /** Header the synchronizer token travels in (fetch/XHR). */
    headerName: 'x-csrf-token',
    /** Form field the token travels in (HTML forms, urlencoded or JSON body). */
    fieldName: '_csrf',
    /** Refuse unsafe requests whose Origin or Sec-Fetch-Site says they come from another site. */
    checkOrigin: true,
    /** Extra origins trusted besides the request's own (`https://app.example.com`). */
    allowedOrigins: [] as readonly string[],
  },
  totp: {
    /** RFC 6238 defaults that every authenticator app supports. */
    algorithm: 'SHA1' as 'SHA1' | 'SHA256' | 'SHA512',
    digits: 6,
    periodSeconds: 30,
    /** Steps accepted on either side of now: one step, for clock drift. */
    window: 1,
    /** 160-bit secrets, as RFC 4226 recommends. */
    secretBytes: 20,
    recoveryCodes: 10,
    issuer: 'Rampart',
    /** 2FA verification throttle: 5 free tries per user, then a doubling delay up to 15 min. */
    throttle: { freeAttempts: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 },
  },
  reset: {
    /** Reset links die after 15 minutes (ASVS V6.4.1: short). */
    tokenTtlMs: 15 * 60_000,
  },
  jwt: {
    /** Access tokens live 15 minutes by default. */
    lifetimeSeconds: 900,
    /** Longest lifetime the issuer accepts: long-lived bearer tokens cannot be revoked. */
    maxLifetimeSeconds: 3600,
    clockToleranceSeconds: 5,
  },
});

export interface PepperOption {
  /** Stored in each hash (`pepper=<id>`) so a rotated pepper still verifies old hashes. */
  id: string;
  /** At least 32 bytes of secret, from the secrets store, never from the database holding the hashes. */
  secret: string | Buffer;
}

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends Buffer ? T : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

function deepFreeze<T extends object>(o: T): DeepReadonly<T> {
  for (const v of Object.values(o)) if (v && typeof v === 'object' && !Object.isFrozen(v)) deepFreeze(v);
  return Object.freeze(o) as DeepReadonly<T>;
}
