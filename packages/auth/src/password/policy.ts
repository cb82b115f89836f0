import { isCommonPassword } from './breached-list.js';

/** NIST SP 800-63B §3.1.1.2 / ASVS 5.0 V6.2: length rules only, no composition rules. */
export interface PasswordPolicyOptions {
  /** Fewest characters (Unicode code points after NFKC). NIST and ASVS: at least 8; 15 is better. */
  minLength: number;
  /** Most UTF-8 bytes after NFKC: stops hashing megabyte passwords (DoS) while accepting 64+ characters. */
  maxBytes: number;
  /** Refuse passwords found in the shipped common breached-password list. */
  rejectBreached: boolean;
  /** Context-specific words to refuse (product or company names, ASVS V6.2.11); compared case-insensitively. */
  contextWords: readonly string[];
}

export type PasswordProblem = 'too-short' | 'too-long' | 'breached' | 'context-word' | 'not-a-string';

export interface PasswordPolicyResult {
  ok: boolean;
  problem?: PasswordProblem;
  /** A message safe to show to the user who typed the password. */
  message?: string;
}

const MESSAGES: Record<PasswordProblem, (o: PasswordPolicyOptions) => string> = {
  'too-short': (o) => `Use at least ${o.minLength} characters.`,
  'too-long': (o) => `Use at most ${o.maxBytes} bytes.`,
  breached: () => 'This password appears in lists of breached passwords; choose another.',
  'context-word': () => 'This password is too easy to guess for this site; choose another.',
  'not-a-string': () => 'The password must be text.',
};

/** NFKC as NIST 800-63B asks, so the same password typed on two keyboards hashes the same. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Checks a new password (registration, change, reset). Login never applies it: old passwords keep working. */
export function checkPasswordPolicy(password: unknown, options: PasswordPolicyOptions, userWords: readonly string[] = []): PasswordPolicyResult {
  const fail = (problem: PasswordProblem): PasswordPolicyResult => ({ ok: false, problem, message: MESSAGES[problem](options) });
  if (typeof password !== 'string') return fail('not-a-string');
  // Bound the work before normalising: NFKC can expand a string at most 18x, so anything over
  // maxBytes*4 UTF-16 units is certainly too long already.
  if (password.length > options.maxBytes * 4) return fail('too-long');
  const normal = normalizePassword(password);
  if (Buffer.byteLength(normal, 'utf8') > options.maxBytes) return fail('too-long');
  if ([...normal].length < options.minLength) return fail('too-short');
  if (options.rejectBreached && isCommonPassword(normal)) return fail('breached');
  const lower = normal.toLowerCase();
  for (const word of [...options.contextWords, ...userWords]) {
    const w = word.normalize('NFKC').toLowerCase();
    // A context word that makes up most of the password (`acme2024!` for Acme) is refused.
    if (w.length >= 3 && lower.includes(w) && w.length * 2 >= [...lower].length) return fail('context-word');
  }
  return { ok: true };
}
