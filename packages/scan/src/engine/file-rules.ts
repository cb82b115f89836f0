import type { FindingInput, RuleMeta, ScanWarning, Severity } from '@rampart/core';
import type { FileRule, JsRule, ReportDescriptor } from '../rules/types.js';
import type { TaintTables } from '../taint/tables.js';
import type { ProjectFileReader } from './read.js';
import { LineIndex, snippetOf } from './lines.js';
import { applySuppressions } from './suppress.js';
import { detectSecrets } from '../secrets/detect.js';
import { redactAll } from '../secrets/redact.js';

// The part of the engine that needs no JavaScript parser: file rules (secrets, Dockerfiles,
// env files) and suppressions. `rampart secrets scan` loads only this, so its start-up does
// not pay for the parsers, the taint engine and the regex analysers.

export interface ActiveRules {
  readonly js: readonly JsRule[];
  readonly file: readonly FileRule[];
  /** Per-rule severity overrides from the config. */
  readonly severity: ReadonlyMap<string, Severity>;
  /** Every rule id Rampart knows (for suppression comments). */
  readonly known: ReadonlySet<string>;
  /** Ids of the rules above: a suppression naming one that reports nothing is unused. */
  readonly active: ReadonlySet<string>;
  /** Taint sources, sinks and sanitizers in force (built-in plus config); default built-in. */
  readonly taint?: TaintTables;
  /** Reads another project file (path relative to the root), for the taint pass's look into imported predicates. */
  readonly readFile?: ProjectFileReader;
  /** Leave the exported functions of files with no input unread, for the link phase to complete on demand (`rampart scan`). */
  readonly deferExports?: boolean;
}

/** Any rule's snippet may quote a secret (a Dockerfile ENV line): every output shows it redacted. */
function redactedSnippet(file: string, snippet: string): string {
  const secrets = detectSecrets(file, snippet);
  return secrets.length === 0 ? snippet : redactAll(snippet, secrets.map((s) => s.secret));
}

export function toFinding(
  meta: RuleMeta,
  severity: Severity,
  file: string,
  index: LineIndex,
  span: { line: number; column: number; endLine: number; endColumn: number },
  d: {
    message?: string;
    severity?: Severity;
    confidence?: RuleMeta['confidence'];
    snippet?: string;
    type?: string;
    fix?: string;
    trace?: ReportDescriptor['trace'];
  },
  overridden = false,
): FindingInput {
  return {
    ...(d.trace ? { trace: d.trace } : {}),
    ruleId: meta.id,
    practice: meta.practice,
    cwe: meta.cwe,
    // A severity the config sets for the rule wins over the rule's own per-finding choice.
    severity: overridden ? severity : (d.severity ?? severity),
    confidence: d.confidence ?? meta.confidence,
    message: d.message ?? meta.title,
    file,
    ...span,
    snippet: d.snippet ?? redactedSnippet(file, snippetOf(index, span.line, span.endLine, span.column)),
    fix: d.fix ?? meta.fix,
    ...(d.type !== undefined ? { type: d.type } : {}),
  };
}

export function runFileRules(path: string, text: string, index: LineIndex, rules: ActiveRules, findings: FindingInput[], warnings: ScanWarning[]): boolean {
  let ran = false;
  for (const rule of rules.file) {
    if (!rule.appliesTo(path)) continue;
    ran = true;
    const severity = rules.severity.get(rule.meta.id) ?? rule.meta.severity;
    try {
      for (const r of rule.check({ path, text })) {
        const line = Math.max(1, Math.min(r.line, index.lineCount));
        const column = r.column ?? 1;
        const endLine = r.endLine ?? line;
        const endColumn = r.endColumn ?? index.line(endLine).length + 1;
        findings.push(toFinding(rule.meta, severity, path, index, { line, column, endLine, endColumn }, r, rules.severity.has(rule.meta.id)));
      }
    } catch (err) {
      warnings.push({ kind: 'rule-error', file: path, message: `Rule ${rule.meta.id} failed: ${(err as Error).message}` });
    }
  }
  return ran;
}

/** Runs the file rules only (no JavaScript rules, no parser) on one file's text, suppressions applied. Never throws. */
export function analyzeFileRules(path: string, text: string, rules: ActiveRules): { findings: FindingInput[]; warnings: ScanWarning[]; suppressed: number; analysed: boolean } {
  const index = new LineIndex(text);
  const findings: FindingInput[] = [];
  const warnings: ScanWarning[] = [];
  const analysed = runFileRules(path, text, index, rules, findings, warnings);
  const { kept, suppressed, warnings: sw } = applySuppressions(path, index, findings, rules.known, rules.active);
  return { findings: kept, warnings: [...warnings, ...sw], suppressed, analysed };
}
