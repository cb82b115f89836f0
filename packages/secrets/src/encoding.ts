// Binary fields in the store file are unpadded base64url; these helpers also check length,
// so a truncated or padded field is a format error instead of a confusing crypto failure.

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** Decodes unpadded base64url of exactly `length` bytes; undefined when it is not. */
export function fromBase64url(text: string, length: number): Buffer | undefined {
  if (typeof text !== 'string' || !BASE64URL.test(text) || text.length !== Math.ceil((length * 4) / 3)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  // Reject non-canonical encodings (stray low bits in the last character): one file, one text.
  if (bytes.length !== length || bytes.toString('base64url') !== text) return undefined;
  return bytes;
}

/** Decodes unpadded base64url of any length up to `maxLength` bytes; undefined when it is not canonical. */
export function fromBase64urlVariable(text: string, maxLength: number): Buffer | undefined {
  if (typeof text !== 'string' || !BASE64URL.test(text) || text.length > Math.ceil((maxLength * 4) / 3) + 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) return undefined;
  return bytes;
}

/** Dates are stored as ISO 8601 UTC with milliseconds, the only form accepted back. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isIsoDate(text: unknown): text is string {
  return typeof text === 'string' && ISO_DATE.test(text) && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString() === text;
}
