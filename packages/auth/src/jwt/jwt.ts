import { SignJWT, errors as joseErrors, jwtVerify, type CryptoKey, type JWTPayload, type KeyObject } from 'jose';
import { DEFAULTS } from '../defaults.js';
import { AuthSetupError, rejectUnknownOptions } from '../setup-error.js';

/** Asymmetric algorithms let verifiers hold only public keys; HS256 is for one service signing for itself. */
export type JwtAlgorithm = 'EdDSA' | 'ES256' | 'ES384' | 'PS256' | 'RS256' | 'HS256' | 'HS512';
const ALGORITHMS: readonly JwtAlgorithm[] = ['EdDSA', 'ES256', 'ES384', 'PS256', 'RS256', 'HS256', 'HS512'];

type Key = CryptoKey | KeyObject | Uint8Array;

export interface JwtKey {
  /** Key id, written in the header (`kid`) and used to pick the verification key: rotation without downtime. */
  kid: string;
  /** The one algorithm this key is used with (pinned: a token's `alg` header never chooses). */
  alg: JwtAlgorithm;
  /** Private key (or secret) when signing, public key (or secret) when verifying; jose's importPKCS8/importSPKI/importJWK give them. */
  key: Key;
}

export interface JwtOptions {
  issuer: string;
  audience: string | readonly string[];
  lifetimeSeconds?: number;
  clockToleranceSeconds?: number;
}

export interface JwtIssuer {
  /** A signed token for `subject` with exp, iat, nbf, iss, aud and a random jti. */
  sign(subject: string, claims?: Record<string, unknown>, options?: { lifetimeSeconds?: number }): Promise<string>;
}

export interface JwtVerifier {
  /** The payload, or an error kind (`expired`, `invalid`); never throws for a bad token. */
  verify(token: string): Promise<{ ok: true; payload: JWTPayload } | { ok: false; error: 'expired' | 'not-yet-valid' | 'invalid' | 'unknown-key' | 'claim-mismatch' }>;
}

function checkCommon(where: string, o: JwtOptions) {
  if (typeof o?.issuer !== 'string' || o.issuer.length === 0) throw new AuthSetupError(`${where}.issuer`, 'is missing', 'Name the issuer (`https://auth.example.com`): verifiers check `iss`.');
  const aud = typeof o.audience === 'string' ? [o.audience] : o.audience;
  if (!Array.isArray(aud) || aud.length === 0 || aud.some((a) => typeof a !== 'string' || a.length === 0)) {
    throw new AuthSetupError(`${where}.audience`, 'is missing', 'Name the API the tokens are for (`https://api.example.com`): a token for one service must not open another.');
  }
}

function checkKey(where: string, k: JwtKey) {
  if (!k || typeof k.kid !== 'string' || k.kid.length === 0) throw new AuthSetupError(`${where}.kid`, 'is missing', 'Give every key an id: rotation picks keys by `kid`.');
  if (!ALGORITHMS.includes(k.alg)) throw new AuthSetupError(`${where}.alg`, `is ${JSON.stringify(k.alg)}`, `Use one of ${ALGORITHMS.join(', ')} ("none" is never accepted).`);
  if (k.alg.startsWith('HS') && k.key instanceof Uint8Array && k.key.length < 32) throw new AuthSetupError(`${where}.key`, 'is a secret shorter than 32 bytes', 'Use 32+ random bytes for HS256/HS512.');
}

export function createJwtIssuer(options: JwtOptions & { key: JwtKey }): JwtIssuer {
  rejectUnknownOptions('jwt', options, ['issuer', 'audience', 'lifetimeSeconds', 'clockToleranceSeconds', 'key']);
  checkCommon('jwt', options);
  checkKey('jwt.key', options.key);
  const d = DEFAULTS.jwt;
  const lifetime = options.lifetimeSeconds ?? d.lifetimeSeconds;
  const check = (s: number) => {
    if (!(s > 0 && s <= d.maxLifetimeSeconds)) throw new AuthSetupError('jwt.lifetimeSeconds', `is ${s}`, `Keep bearer tokens short-lived: 1-${d.maxLifetimeSeconds} seconds; use sessions or refresh tokens for longer.`);
  };
  check(lifetime);
  const { kid, alg, key } = options.key;
  return {
    async sign(subject, claims = {}, opts = {}) {
      const life = opts.lifetimeSeconds ?? lifetime;
      check(life);
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims as JWTPayload)
        .setProtectedHeader({ alg, kid, typ: 'JWT' })
        .setSubject(subject)
        .setIssuer(options.issuer)
        .setAudience(options.audience as string | string[])
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + life)
        .setJti(crypto.randomUUID())
        .sign(key);
    },
  };
}

export function createJwtVerifier(options: JwtOptions & { keys: readonly JwtKey[] }): JwtVerifier {
  rejectUnknownOptions('jwt', options, ['issuer', 'audience', 'lifetimeSeconds', 'clockToleranceSeconds', 'keys']);
  checkCommon('jwt', options);
  if (!Array.isArray(options.keys) || options.keys.length === 0) throw new AuthSetupError('jwt.keys', 'is empty', 'Pass the verification keys: `[{ kid, alg, key }]` (old and new during a rotation).');
  options.keys.forEach((k, i) => checkKey(`jwt.keys[${i}]`, k));
  const byKid = new Map(options.keys.map((k) => [k.kid, k]));
  const maxAge = options.lifetimeSeconds ?? DEFAULTS.jwt.maxLifetimeSeconds;
  const clockTolerance = options.clockToleranceSeconds ?? DEFAULTS.jwt.clockToleranceSeconds;
  return {
    async verify(token) {
      if (typeof token !== 'string' || token.length > 8192) return { ok: false, error: 'invalid' };
      let unknownKey = false;
      try {
        const { payload } = await jwtVerify(
          token,
          (header) => {
            const k = header.kid === undefined ? undefined : byKid.get(header.kid);
            // The key's own algorithm, never the header's: alg=none or HS256-with-a-public-key tricks fail here.
            if (!k || header.alg !== k.alg) {
              unknownKey = true;
              throw new Error('unknown kid or algorithm');
            }
            return k.key;
          },
          { issuer: options.issuer, audience: options.audience as string | string[], algorithms: [...new Set(options.keys.map((k) => k.alg))], clockTolerance, maxTokenAge: maxAge, requiredClaims: ['exp', 'iat', 'sub'] },
        );
        return { ok: true, payload };
      } catch (err) {
        // An algorithm outside the pinned set is refused by jose before a key is looked up.
        if (unknownKey || err instanceof joseErrors.JOSEAlgNotAllowed) return { ok: false, error: 'unknown-key' };
        if (err instanceof joseErrors.JWTExpired) return { ok: false, error: 'expired' };
        if (err instanceof joseErrors.JWTClaimValidationFailed) return { ok: false, error: err.claim === 'nbf' ? 'not-yet-valid' : 'claim-mismatch' };
        return { ok: false, error: 'invalid' };
      }
    },
  };
}
