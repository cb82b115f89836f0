import { DEFAULTS } from './defaults.js';
import { formatAge, parseDuration } from './duration.js';
import type { StoreInfo } from './store.js';

/** One thing `check` flags. */
export interface CheckProblem {
  readonly kind: 'value-too-old' | 'data-key-too-old';
  /** The secret, for value-too-old. */
  readonly name?: string;
  readonly keyId: string;
  /** Since when: the value's setAt or the data key's createdAt. */
  readonly since: string;
  readonly ageMs: number;
  readonly maxAgeMs: number;
  /** One line for people; names and dates only. */
  readonly message: string;
}

export interface CheckOptions {
  /** Default maximum age of a value ("90d"); a secret's own maxAge wins. */
  readonly maxValueAge?: string;
  /** Maximum age of the data key ("365d"). */
  readonly maxKeyAge?: string;
  readonly now?: Date;
}

/** Values last set longer ago than their maximum age, and a data key older than its maximum age. */
export function checkAges(info: StoreInfo, opts: CheckOptions = {}): CheckProblem[] {
  const now = (opts.now ?? new Date()).getTime();
  const defaultMax = parseDuration(opts.maxValueAge ?? DEFAULTS.maxValueAge, 'max value age');
  const maxKey = parseDuration(opts.maxKeyAge ?? DEFAULTS.maxKeyAge, 'max key age');
  const problems: CheckProblem[] = [];
  for (const s of info.secrets) {
    const max = s.maxAge ? parseDuration(s.maxAge, `max age of ${s.name}`) : defaultMax;
    const age = now - Date.parse(s.setAt);
    if (age > max) {
      problems.push({
        kind: 'value-too-old',
        name: s.name,
        keyId: s.keyId,
        since: s.setAt,
        ageMs: age,
        maxAgeMs: max,
        message: `${s.name} was set ${formatAge(age)} ago (${s.setAt.slice(0, 10)}), more than its maximum age of ${formatAge(max)}: issue a new value at its source, then \`rampart secrets set ${s.name}\``,
      });
    }
  }
  const keyAge = now - Date.parse(info.dataKey.createdAt);
  if (keyAge > maxKey) {
    problems.push({
      kind: 'data-key-too-old',
      keyId: info.dataKey.id,
      since: info.dataKey.createdAt,
      ageMs: keyAge,
      maxAgeMs: maxKey,
      message: `data key ${info.dataKey.id} was created ${formatAge(keyAge)} ago (${info.dataKey.createdAt.slice(0, 10)}), more than ${formatAge(maxKey)}: run \`rampart secrets rotate\``,
    });
  }
  return problems;
}
