import { randomFillSync } from 'node:crypto';

// One crypto fill serves 256 nonces: a CSP nonce needs 128 unpredictable bits, not a syscall each.
const NONCE_BYTES = 16;
const POOL = Buffer.alloc(NONCE_BYTES * 256);
let offset = POOL.length;

/** A fresh base64 nonce (128 bits from the CSPRNG), never reused. */
export function createNonce(): string {
  if (offset >= POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const nonce = POOL.toString('base64', offset, offset + NONCE_BYTES);
  offset += NONCE_BYTES;
  return nonce;
}
