import { UserError } from '@rampart/core';

/** A bad option given to an @rampart/auth factory: thrown at construction, names the option and the fix. */
export class AuthSetupError extends UserError {
  override name = 'AuthSetupError';
  constructor(option: string, problem: string, fix: string) {
    super(`@rampart/auth: option \`${option}\` ${problem}. ${fix}`);
  }
}

/** Rejects unknown keys so a typo (`maxage`) fails at setup instead of silently using a default. */
export function rejectUnknownOptions(where: string, given: object | undefined, known: readonly string[]): void {
  if (!given) return;
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue;
    const close = known.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
    throw new AuthSetupError(`${where}.${key}`, 'is not a known option', close ? `Did you mean \`${close}\`?` : `Known options: ${known.join(', ')}.`);
  }
}

/** Levenshtein distance of two short option names (for "Did you mean"). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
