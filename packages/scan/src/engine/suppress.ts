import type { FindingInput, ScanWarning } from '@rampart/core';
import type { LineIndex } from './lines.js';

/**
 * `rampart-ignore-next-line <rule-id>[, <rule-id>...] -- <reason>` in any comment style
 * (`//`, `#`, `/* *\/`). The reason is required: a suppression without one is reported and
 * suppresses nothing. A suppression that hides nothing is reported as unused.
 */
const MARKER = 'rampart-ignore-next-line';
const DIRECTIVE = /rampart-ignore-next-line\b([^\n]*)/;

interface Suppression {
  readonly line: number; // the comment's line; applies to line + 1
  readonly column: number;
  readonly ruleIds: readonly string[];
  used: Set<string>;
}

export function applySuppressions(
  file: string,
  index: LineIndex,
  findings: readonly FindingInput[],
  knownRuleIds: ReadonlySet<string>,
  activeRuleIds: ReadonlySet<string>,
  /** Rules whose findings may still arrive later (cross-file taint): never reported unused here. */
  laterRuleIds?: ReadonlySet<string>,
): { kept: FindingInput[]; suppressed: number; warnings: ScanWarning[] } {
  if (!index.text.includes(MARKER)) return { kept: [...findings], suppressed: 0, warnings: [] };
  const warnings: ScanWarning[] = [];
  const byLine = new Map<number, Suppression>();
  for (let line = 1; line <= index.lineCount; line++) {
    const text = index.line(line);
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const column = m.index + 1;
    const body = m[1].replace(/\*\/\s*$/, '').replace(/-->\s*$/, '');
    const sep = body.indexOf('--');
    const idsText = sep >= 0 ? body.slice(0, sep) : body;
    const reason = sep >= 0 ? body.slice(sep + 2).trim() : '';
    const ruleIds = idsText.split(/[\s,]+/).filter(Boolean);
    if (ruleIds.length === 0) {
      warnings.push({ kind: 'invalid-suppression', file, line, column, message: `${MARKER} needs a rule id and a reason: "${MARKER} <rule-id> -- <reason>"` });
      continue;
    }
    if (!reason) {
      warnings.push({ kind: 'invalid-suppression', file, line, column, message: `${MARKER} ${ruleIds.join(', ')} has no reason; write "-- <why this is safe>" after the rule id. Nothing was suppressed.` });
      continue;
    }
    const unknown = ruleIds.filter((id) => !knownRuleIds.has(id));
    if (unknown.length > 0) {
      warnings.push({ kind: 'invalid-suppression', file, line, column, message: `${MARKER} names unknown rule id(s): ${unknown.join(', ')}` });
    }
    byLine.set(line, { line, column, ruleIds, used: new Set() });
  }
  let suppressed = 0;
  const kept = findings.filter((f) => {
    const s = byLine.get(f.line - 1);
    if (s && s.ruleIds.includes(f.ruleId)) {
      s.used.add(f.ruleId);
      suppressed++;
      return false;
    }
    return true;
  });
  for (const s of byLine.values()) {
    for (const id of s.ruleIds) {
      if (!s.used.has(id) && activeRuleIds.has(id) && !laterRuleIds?.has(id)) {
        warnings.push({ kind: 'unused-suppression', file, line: s.line, column: s.column, message: `Unused suppression: ${id} reports nothing on line ${s.line + 1}; remove the comment.` });
      }
    }
  }
  return { kept, suppressed, warnings };
}
