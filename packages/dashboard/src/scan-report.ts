import { readFile } from 'node:fs/promises';
import { PRACTICES } from '@rampart/core';

/** Points a finding takes off its practice's score of 100, by severity. */
export const SCORE_PENALTY: Readonly<Record<string, number>> = Object.freeze({ critical: 40, high: 20, medium: 8, low: 3, info: 0 });

interface JsonFinding {
  ruleId?: unknown; practice?: unknown; severity?: unknown; file?: unknown; line?: unknown; message?: unknown; fix?: unknown;
}

/** The scan report as the page shows it: no snippets, so a secret's value never reaches the browser. */
export interface DashboardReport {
  readonly available: boolean;
  readonly error?: string;
  readonly root?: string;
  readonly total?: number;
  readonly practices?: readonly { id: number; title: string; findings: number; score: number; bySeverity: Record<string, number> }[];
  readonly dependencies?: readonly SafeFinding[];
  readonly secrets?: readonly SafeFinding[];
}

interface SafeFinding { ruleId: string; severity: string; file: string; line: number; message: string }

function safe(f: JsonFinding): SafeFinding {
  const s = (v: unknown, max = 500) => (typeof v === 'string' ? v.slice(0, max) : '');
  return { ruleId: s(f.ruleId, 100), severity: s(f.severity, 20), file: s(f.file), line: typeof f.line === 'number' ? f.line : 0, message: s(f.message) };
}

/** Reads a report written by `rampart scan -f json`; a missing or malformed file is reported, never thrown. */
export async function loadScanReport(file: string | undefined): Promise<DashboardReport> {
  if (!file) return { available: false, error: 'no report configured (--report <file>)' };
  let data: { root?: unknown; findings?: unknown };
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { available: false, error: `${file}: ${(error as Error).message.slice(0, 200)}` };
  }
  if (!data || !Array.isArray(data.findings)) return { available: false, error: `${file}: not a rampart JSON report (no "findings" array)` };
  const findings = (data.findings as JsonFinding[]).filter((f) => f && typeof f === 'object');
  const practices = PRACTICES.map((p) => {
    const mine = findings.filter((f) => f.practice === p.id);
    const bySeverity: Record<string, number> = {};
    let penalty = 0;
    for (const f of mine) {
      const sev = typeof f.severity === 'string' ? f.severity : 'info';
      bySeverity[sev] = (bySeverity[sev] ?? 0) + 1;
      penalty += SCORE_PENALTY[sev] ?? 0;
    }
    return { id: p.id, title: p.title, findings: mine.length, score: Math.max(0, 100 - penalty), bySeverity };
  });
  return {
    available: true,
    root: typeof data.root === 'string' ? data.root : undefined,
    total: findings.length,
    practices,
    dependencies: findings.filter((f) => f.practice === 4).map(safe),
    secrets: findings.filter((f) => f.practice === 8).map(safe),
  };
}
