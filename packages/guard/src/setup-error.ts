import { UserError } from '@rampart/core';

/**
 * A `rampart()` option that cannot work. Thrown at construction, never per request, and the
 * message names the option and the fix, so a typo fails the deploy instead of silently
 * leaving an app unprotected.
 */
export class GuardSetupError extends UserError {
  override name = 'GuardSetupError';
}

/** Levenshtein distance, small inputs only (option names). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** "Did you mean `maxAge`?" for the closest known name, or the list of known names. */
export function suggest(unknown: string, known: readonly string[]): string {
  const lower = unknown.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = k;
    }
  }
  if (best !== undefined && bestScore <= Math.max(2, Math.floor(best.length / 3))) return `Did you mean \`${best}\`?`;
  return `Known options: ${known.map((k) => `\`${k}\``).join(', ')}.`;
}

/** Refuses keys a section does not know, naming the closest known one. */
export function rejectUnknownKeys(value: object, known: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new GuardSetupError(`rampart(): unknown option \`${path ? `${path}.` : ''}${key}\`. ${suggest(key, known)}`);
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A feature switch: `true` (defaults), `false` (off) or an options object merged over the defaults. */
export function featureOptions<T extends object>(value: unknown, defaults: T, path: string): T | false {
  if (value === undefined || value === true) return defaults;
  if (value === false) return false;
  if (!isPlainObject(value)) {
    throw new GuardSetupError(`rampart(): \`${path}\` must be true, false or an options object, got ${describe(value)}.`);
  }
  rejectUnknownKeys(value, Object.keys(defaults), path);
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [k, v] of Object.entries(value)) if (v !== undefined) merged[k] = v;
  return merged as T;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value === 'object' ? 'an object' : typeof value} ${typeof value === 'object' || typeof value === 'function' ? '' : String(value)}`.trim();
}
