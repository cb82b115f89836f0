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
    const lower = key.toLowerCase();
    const close = known.find((k) => k.toLowerCase() === lower || k.toLowerCase().startsWith(lower.slice(0, 4)));
    throw new AuthSetupError(`${where}.${key}`, 'is not a known option', close ? `Did you mean \`${close}\`?` : `Known options: ${known.join(', ')}.`);
  }
}
