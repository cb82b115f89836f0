import { compareFindings, type Finding } from '../finding.js';
import { PRACTICES, type Practice, type PracticeId } from '../practices.js';
import type { Report, SkippedFile } from '../report.js';
import { severityRank } from '../severity.js';

export interface PracticeGroup {
  readonly practice: Practice;
  /** Worst severity first, then file and position. */
  readonly findings: readonly Finding[];
}

/** Worst first; ties by file, position and rule id. The order every human-facing reporter lists in. */
export function compareBySeverity(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || compareFindings(a, b);
}

/** Findings grouped by practice, practices in their 1-11 order; practices without findings left out. */
export function groupByPractice(findings: readonly Finding[]): PracticeGroup[] {
  const byPractice = new Map<PracticeId, Finding[]>();
  for (const f of findings) {
    const list = byPractice.get(f.practice);
    if (list) list.push(f);
    else byPractice.set(f.practice, [f]);
  }
  return PRACTICES.filter((p) => byPractice.has(p.id)).map((p) => ({
    practice: p,
    findings: byPractice.get(p.id)!.sort(compareBySeverity),
  }));
}

/** Practices that at least one rule of this scan belongs to: "no findings" there means checked and clean. */
export function practicesChecked(report: Pick<Report, 'rules'>): ReadonlySet<PracticeId> {
  return new Set(report.rules.map((r) => r.practice));
}

/** Skipped entries counted by reason, most frequent first (ties alphabetical). */
export function countSkippedByReason(skipped: readonly SkippedFile[]): [SkippedFile['reason'], number][] {
  const counts = new Map<SkippedFile['reason'], number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** "340 ms" or "2.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "1 finding", "3 findings". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
