import { createRequire } from 'node:module';

/**
 * The shipped offline list of common breached passwords: the zxcvbn common-password list from
 * `@zxcvbn-ts/language-common` (MIT), 49,233 passwords ranked by frequency in real breach corpora
 * (zxcvbn's list started from Xato's 10 million leaked passwords). Loaded once, on first use,
 * lowercased into a Set: about 3 MB of memory, a microsecond per lookup.
 */
export const BREACHED_LIST_SOURCE = '@zxcvbn-ts/language-common (MIT): zxcvbn common passwords, 49,233 entries';

let list: ReadonlySet<string> | undefined;

export function breachedPasswords(): ReadonlySet<string> {
  if (!list) {
    const words = createRequire(import.meta.url)('@zxcvbn-ts/language-common/dist/passwords.json.js') as string[];
    list = new Set(words.map((w) => w.toLowerCase()));
  }
  return list;
}

/** Case-insensitive: `Password1` is as guessable as `password1`, attackers' rules try both. */
export function isCommonPassword(password: string, extraWords: ReadonlySet<string> = new Set()): boolean {
  const lower = password.toLowerCase();
  return breachedPasswords().has(lower) || extraWords.has(lower);
}
