import { SecretsError } from './errors.js';

const UNIT_MS = Object.freeze({ s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 });
const DURATION = /^(\d{1,6})(s|m|h|d|w|y)$/;

/**
 * Parses an age such as "90d", "12h", "2w" or "1y" into milliseconds.
 * `what` names the option in the error message.
 */
export function parseDuration(text: string, what: string): number {
  const m = DURATION.exec(text.trim());
  if (!m) throw new SecretsError(`${what}: expected a number and a unit (s, m, h, d, w or y), for example 90d; got ${JSON.stringify(text.slice(0, 40))}`);
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** A short human age: "3 d", "5 h", "40 s". */
export function formatAge(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs >= UNIT_MS.d) return `${Math.floor(abs / UNIT_MS.d)} d`;
  if (abs >= UNIT_MS.h) return `${Math.floor(abs / UNIT_MS.h)} h`;
  if (abs >= UNIT_MS.m) return `${Math.floor(abs / UNIT_MS.m)} min`;
  return `${Math.floor(abs / 1000)} s`;
}
