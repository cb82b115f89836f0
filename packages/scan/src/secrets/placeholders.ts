/**
 * The hard negatives every secret rule stays silent on: values that stand for a secret
 * without being one. Each pattern is anchored or a plain word list: linear on any input.
 */

/** The whole value is a placeholder or a reference to a value kept elsewhere. */
const WHOLE_VALUE_PLACEHOLDER =
  /^(?:x+|\*+|\.+|-+|_+|#+|0+|1+|null|none|nil|undefined|true|false|empty|secret|password|passwd|pass|token|changeme|changeit|admin|root|guest|test|testing|dev|default|todo|tbd|<[^<>]{0,80}>|\[[^[\]]{0,80}\]|\{\{[^{}]{0,120}\}\}|\$\{[^{}]{0,120}\}|\$\{\{[^{}]{0,120}\}\}|\$\([^()]{0,120}\)|\$[A-Za-z_][A-Za-z0-9_]{0,80}|%[A-Za-z_][A-Za-z0-9_]{0,80}%|@[A-Za-z_][A-Za-z0-9_]{0,80}@|#\{[^{}]{0,80}\})$/i;

/**
 * Words that, inside a value, say it is not a real credential: YOUR_API_KEY, <token>,
 * replace-me, sk_test_EXAMPLE, ${VAR}, process.env.X. A random token contains one of these by
 * chance about once in millions.
 */
const PLACEHOLDER_WORDS =
  /your[_-]?|change[_-]?me|changeit|replace[_-]?(?:me|with)|placeholder|example|sample|dummy|fake|redacted|insert[_-]|not[_-]?a[_-]?real|xxxx|\*\*\*|\.\.\.|<[A-Za-z _-]{1,40}>|\$\{|\{\{|process\.env|import\.meta\.env|os\.environ|getenv|abcdef|123456|qwerty/i;

/** True when a secret value is a placeholder, an environment reference or a documented example. */
export function isPlaceholder(value: string): boolean {
  return WHOLE_VALUE_PLACEHOLDER.test(value) || PLACEHOLDER_WORDS.test(value);
}

/** Text that asks to be filled in: YOUR_SECRET_HERE, <secret>, ${SECRET}, {{ secret }}, xxxx, ... */
const FILL_IN = /your[_-]|replace[_-]?(?:me|with)|placeholder|insert[_-]|<[A-Za-z _-]{1,40}>|\$\{|\{\{|xxxx|\.\.\./i;

/**
 * For a literal that is the key whatever it says (`jwt.sign(payload, 'secret')` signs with
 * "secret", and "changeme" is a key too): only text that asks to be filled in is not a secret.
 */
export function asksToBeFilledIn(value: string): boolean {
  return FILL_IN.test(value);
}

/** A value made of one repeated character or a short repeated unit (abab..., 1212...). */
export function isRepetitive(value: string): boolean {
  for (let unit = 1; unit <= 4 && unit * 2 <= value.length; unit++) {
    let repeats = true;
    for (let i = unit; i < value.length; i++) {
      if (value.charCodeAt(i) !== value.charCodeAt(i - unit)) {
        repeats = false;
        break;
      }
    }
    if (repeats) return true;
  }
  return false;
}

/**
 * The match sits inside a base64 data URI (an inlined image or font): random base64 that
 * happens to contain a key prefix, not a key.
 */
export function insideDataUri(text: string, lineStart: number, offset: number): boolean {
  // Search the line only (bounded), never back through the whole file.
  const from = Math.max(lineStart, offset - 1_000_000);
  const found = text.slice(from, offset).lastIndexOf(';base64,');
  if (found < 0) return false;
  const marker = from + found;
  for (let i = marker + 8; i < offset; i++) {
    const c = text.charCodeAt(i);
    const base64 = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;
    if (!base64) return false;
  }
  return true;
}
