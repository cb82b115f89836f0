/**
 * The eleven Node.js security practices Rampart enforces. Every finding and every
 * runtime event names exactly one of them, so one report can say which practice
 * is followed and which is not.
 */
export type PracticeId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;

export interface Practice {
  readonly id: PracticeId;
  /** Short label used in tables and SARIF tags, e.g. "injection". */
  readonly slug: string;
  readonly title: string;
}

export const PRACTICES: readonly Practice[] = Object.freeze([
  { id: 1, slug: 'injection', title: 'Prevent injection (SQL, NoSQL, XSS, command, path, SSRF)' },
  { id: 2, slug: 'authentication', title: 'Strong authentication' },
  { id: 3, slug: 'error-handling', title: 'Errors that reveal nothing' },
  { id: 4, slug: 'dependencies', title: 'Vulnerable dependencies' },
  { id: 5, slug: 'data-exposure', title: 'No data leaks' },
  { id: 6, slug: 'logging', title: 'Logging and monitoring' },
  { id: 7, slug: 'security-lint', title: 'Security lint' },
  { id: 8, slug: 'secrets', title: 'No secrets in code or config' },
  { id: 9, slug: 'http-headers', title: 'HTTP security headers' },
  { id: 10, slug: 'least-privilege', title: 'Never run as root' },
  { id: 11, slug: 'runtime-protection', title: 'Protect and observe in production' },
].map((p) => Object.freeze(p)) as Practice[]);

export function practice(id: PracticeId): Practice {
  const found = PRACTICES.find((p) => p.id === id);
  if (!found) throw new RangeError(`Unknown practice ${String(id)}: practices are numbered 1 to 11`);
  return found;
}

export function isPracticeId(value: unknown): value is PracticeId {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 11;
}
