const crypto = require('node:crypto');
const { promisify } = require('node:util');

const scrypt = promisify(crypto.scrypt);

// OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 (needs 128 MiB, hence maxmem).
const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEY_LENGTH = 64;

async function hashPassword(password) {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, SCRYPT_PARAMS);
  return ['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

// Checked when the account does not exist, so that "no such user" takes as long as "wrong password".
let dummyHash;

/** True when `password` matches the stored hash; false (after the same work) when there is none. */
async function verifyPassword(password, stored) {
  if (!stored) {
    dummyHash = dummyHash || (await hashPassword(crypto.randomBytes(32).toString('hex')));
    await verifyPassword(password, dummyHash);
    return false;
  }
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash || '', 'base64');
  if (scheme !== 'scrypt' || expected.length !== KEY_LENGTH) return false;
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT_PARAMS.maxmem,
  });
  return crypto.timingSafeEqual(actual, expected);
}

module.exports = { hashPassword, verifyPassword };
