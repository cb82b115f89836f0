import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT, exportSPKI, generateKeyPair } from 'jose';
import { AuthSetupError, createJwtIssuer, createJwtVerifier } from '@rampart/auth';

const ISS = 'https://auth.shop.test';
const AUD = 'https://api.shop.test';
const k1 = await generateKeyPair('EdDSA', { extractable: true });
const k2 = await generateKeyPair('ES256', { extractable: true });

describe('JWT helpers', () => {
  const issuer = createJwtIssuer({ issuer: ISS, audience: AUD, key: { kid: 'k1', alg: 'EdDSA', key: k1.privateKey } });
  const verifier = createJwtVerifier({ issuer: ISS, audience: AUD, keys: [{ kid: 'k1', alg: 'EdDSA', key: k1.publicKey }] });

  it('signs short-lived tokens with kid, iss, aud, sub, iat, nbf, exp, jti; verifies them', async () => {
    const token = await issuer.sign('user-1', { scope: 'orders:read' });
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    assert.deepEqual(header, { alg: 'EdDSA', kid: 'k1', typ: 'JWT' });
    const r = await verifier.verify(token);
    assert.equal(r.ok, true);
    if (!r.ok) return;
    assert.equal(r.payload.sub, 'user-1');
    assert.equal(r.payload.scope, 'orders:read');
    assert.equal(r.payload.exp! - r.payload.iat!, 900, '15 minutes by default');
    assert.equal(r.payload.nbf, r.payload.iat);
    assert.match(String(r.payload.jti), /^[0-9a-f-]{36}$/);
  });

  it('refuses alg=none, a wrong algorithm for the kid, and HS256 signed with the public key', async () => {
    const none = new UnsecuredJWT({ sub: 'admin' }).setIssuer(ISS).setAudience(AUD).setIssuedAt().setExpirationTime('5m').encode();
    assert.deepEqual(await verifier.verify(none), { ok: false, error: 'unknown-key' });
    const pem = Buffer.from(await exportSPKI(k1.publicKey));
    const confused = await new SignJWT({ sub: 'admin' }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setIssuer(ISS).setAudience(AUD).setIssuedAt().setExpirationTime('5m').sign(pem);
    assert.deepEqual(await verifier.verify(confused), { ok: false, error: 'unknown-key' });
  });

  it('checks exp, nbf, aud and iss', async () => {
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>, set: (j: SignJWT) => SignJWT) => set(new SignJWT({ sub: 'u', ...claims }).setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })).sign(k1.privateKey);
    const base = (j: SignJWT) => j.setIssuer(ISS).setAudience(AUD).setIssuedAt(now - 100);
    assert.deepEqual(await verifier.verify(await sign({}, (j) => base(j).setExpirationTime(now - 60))), { ok: false, error: 'expired' });
    assert.deepEqual(await verifier.verify(await sign({}, (j) => base(j).setExpirationTime(now + 600).setNotBefore(now + 300))), { ok: false, error: 'not-yet-valid' });
    assert.deepEqual(await verifier.verify(await sign({}, (j) => j.setIssuer(ISS).setAudience('https://other.test').setIssuedAt().setExpirationTime(now + 60))), { ok: false, error: 'claim-mismatch' });
    assert.deepEqual(await verifier.verify(await sign({}, (j) => j.setIssuer('https://evil.test').setAudience(AUD).setIssuedAt().setExpirationTime(now + 60))), { ok: false, error: 'claim-mismatch' });
    assert.deepEqual(await verifier.verify(await sign({}, (j) => j.setIssuer(ISS).setAudience(AUD).setIssuedAt())), { ok: false, error: 'claim-mismatch' }, 'exp is required');
    const tampered = (await issuer.sign('user-1')).replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ sub: 'admin', iss: ISS, aud: AUD, exp: now + 60, iat: now })).toString('base64url')}.`);
    assert.deepEqual(await verifier.verify(tampered), { ok: false, error: 'invalid' });
    for (const junk of ['', 'a.b.c', 'x'.repeat(10_000), null]) assert.equal((await verifier.verify(junk as string)).ok, false);
  });

  it('key rotation by kid: tokens of the old and the new key both verify during the overlap', async () => {
    const next = createJwtIssuer({ issuer: ISS, audience: AUD, key: { kid: 'k2', alg: 'ES256', key: k2.privateKey } });
    const both = createJwtVerifier({ issuer: ISS, audience: AUD, keys: [{ kid: 'k1', alg: 'EdDSA', key: k1.publicKey }, { kid: 'k2', alg: 'ES256', key: k2.publicKey }] });
    assert.equal((await both.verify(await issuer.sign('a'))).ok, true);
    assert.equal((await both.verify(await next.sign('b'))).ok, true);
    assert.deepEqual(await verifier.verify(await next.sign('b')), { ok: false, error: 'unknown-key' }, 'k2 unknown to the old verifier');
  });

  it('setup errors: missing audience, long lifetimes, short HMAC secrets', () => {
    assert.throws(() => createJwtIssuer({ issuer: ISS, audience: '', key: { kid: 'a', alg: 'EdDSA', key: k1.privateKey } }), (e: unknown) => e instanceof AuthSetupError && /audience/.test((e as Error).message));
    assert.throws(() => createJwtIssuer({ issuer: ISS, audience: AUD, lifetimeSeconds: 86_400, key: { kid: 'a', alg: 'EdDSA', key: k1.privateKey } }), /lifetimeSeconds/);
    assert.throws(() => createJwtIssuer({ issuer: ISS, audience: AUD, key: { kid: 'a', alg: 'HS256', key: randomBytes(16) } }), /32 bytes/);
    assert.throws(() => createJwtVerifier({ issuer: ISS, audience: AUD, keys: [{ kid: 'a', alg: 'none' as 'HS256', key: randomBytes(32) }] }), /"none" is never accepted/);
  });
});
