import type { Finding, RuleMeta } from './finding.js';
import { PRACTICES, type PracticeId } from './practices.js';
import { SEVERITIES, atOrAbove, type Severity } from './severity.js';

/** A file the scanner did not analyse, and why. Never silent. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: 'ignored-dir' | 'too-large' | 'minified' | 'binary' | 'unreadable' | 'excluded' | 'analysis-budget';
  readonly detail?: string;
}

/** A problem with the input that is not a security finding: a file that does not parse, a bad suppression. */
export interface ScanWarning {
  readonly kind: 'parse-error' | 'unused-suppression' | 'invalid-suppression' | 'rule-error' | 'config' | 'not-auditable' | 'encoding';
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface PracticeSummary {
  readonly practice: PracticeId;
  readonly total: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
}

export interface ReportSummary {
  readonly total: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byPractice: readonly PracticeSummary[];
  readonly filesScanned: number;
  readonly filesSkipped: number;
  /** Findings hidden because a baseline already knew them. */
  readonly baselined: number;
  readonly suppressed: number;
  readonly durationMs: number;
}

export interface Report {
  readonly tool: { readonly name: 'rampart'; readonly version: string };
  /** Absolute path of the scanned root. */
  readonly root: string;
  readonly findings: readonly Finding[];
  /** Metadata of every rule that ran, for SARIF and HTML. */
  readonly rules: readonly RuleMeta[];
  readonly skipped: readonly SkippedFile[];
  readonly warnings: readonly ScanWarning[];
  readonly summary: ReportSummary;
}

function emptyCounts(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

export function summarize(
  findings: readonly Finding[],
  extra: Omit<ReportSummary, 'total' | 'bySeverity' | 'byPractice'>,
): ReportSummary {
  const bySeverity = emptyCounts();
  const perPractice = new Map<PracticeId, Record<Severity, number>>();
  for (const f of findings) {
    bySeverity[f.severity]++;
    let counts = perPractice.get(f.practice);
    if (!counts) perPractice.set(f.practice, (counts = emptyCounts()));
    counts[f.severity]++;
  }
  const byPractice = PRACTICES.filter((p) => perPractice.has(p.id)).map((p) => {
    const counts = perPractice.get(p.id)!;
    return { practice: p.id, total: Object.values(counts).reduce((a, b) => a + b, 0), bySeverity: counts };
  });
  return { total: findings.length, bySeverity, byPractice, ...extra };
}

/** `--fail-on`: a severity, or "none" to never fail on findings. */
export type FailOn = Severity | 'none';

export function shouldFail(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return findings.some((f) => atOrAbove(f.severity, failOn));
}
