import type { Report } from '../report.js';

/**
 * The stable JSON format (`--format json`). Other tools read it: add fields, never
 * rename or remove one. Documented in docs/json-format.md.
 */
export function formatJson(report: Report): string {
  const findings = report.findings.map((f) => ({
    ruleId: f.ruleId,
    practice: f.practice,
    cwe: f.cwe,
    severity: f.severity,
    confidence: f.confidence,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    snippet: f.snippet,
    fix: f.fix,
    fingerprint: f.fingerprint,
    ...(f.trace ? { trace: f.trace } : {}),
    ...(f.package !== undefined ? { package: f.package } : {}),
    ...(f.version !== undefined ? { version: f.version } : {}),
    ...(f.advisoryId !== undefined ? { advisoryId: f.advisoryId } : {}),
    ...(f.aliases !== undefined ? { aliases: f.aliases } : {}),
    ...(f.dependency ? { dependency: f.dependency } : {}),
    ...(f.type !== undefined ? { type: f.type } : {}),
    ...(f.commit ? { commit: f.commit.sha, date: f.commit.date } : {}),
  }));
  return `${JSON.stringify(
    {
      tool: report.tool,
      root: report.root,
      findings,
      summary: report.summary,
      skipped: report.skipped,
      warnings: report.warnings,
    },
    null,
    2,
  )}\n`;
}
