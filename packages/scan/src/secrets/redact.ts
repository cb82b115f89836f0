/**
 * How a secret appears in every output: its first 4 characters and its length, enough to
 * recognise which key it is without giving it away. Short secrets show fewer characters.
 */
export function redact(secret: string): string {
  const shown = secret.length >= 16 ? 4 : secret.length >= 8 ? 2 : 0;
  return `${secret.slice(0, shown)}…(${secret.length} chars)`;
}

/** Replaces every occurrence of each secret in `text` with its redacted form. */
export function redactAll(text: string, secrets: Iterable<string>): string {
  let out = text;
  // Longest first, so that a secret containing another is redacted whole.
  for (const s of [...new Set(secrets)].sort((a, b) => b.length - a.length)) {
    if (s.length > 0) out = out.split(s).join(redact(s));
  }
  return out;
}
