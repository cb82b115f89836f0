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
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;

/** A real calendar date in exactly the form toISOString() writes (checked without allocating a Date: stores hold thousands). */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}
