import { createHmac, timingSafeEqual } from 'node:crypto';

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpParameters {
  algorithm: TotpAlgorithm;
  digits: number;
  periodSeconds: number;
}

/** RFC 4226 HOTP: HMAC of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
export function hotp(secret: Buffer, counter: number, algorithm: TotpAlgorithm, digits: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm.toLowerCase(), secret).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(code % 10 ** digits).padStart(digits, '0');
}

/** RFC 6238: T = floor(unix seconds / period). */
export const timeStep = (unixMs: number, periodSeconds: number): number => Math.floor(unixMs / 1000 / periodSeconds);

export function totp(secret: Buffer, unixMs: number, p: TotpParameters): string {
  return hotp(secret, timeStep(unixMs, p.periodSeconds), p.algorithm, p.digits);
}

/**
 * The step whose code matches within ±window steps of now, or undefined. Every candidate is
 * computed and compared in constant time, so timing tells nothing about which step matched.
 */
export function matchTotp(secret: Buffer, code: string, unixMs: number, p: TotpParameters, window: number): number | undefined {
  if (typeof code !== 'string') return undefined;
  const given = Buffer.from(code.replace(/\s/g, ''));
  if (given.length !== p.digits) return undefined;
  const now = timeStep(unixMs, p.periodSeconds);
  let found: number | undefined;
  for (let step = now - window; step <= now + window; step++) {
    if (step < 0) continue;
    if (timingSafeEqual(Buffer.from(hotp(secret, step, p.algorithm, p.digits)), given) && found === undefined) found = step;
  }
  return found;
}
