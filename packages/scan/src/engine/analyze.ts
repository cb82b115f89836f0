import type { FindingInput, ScanWarning } from '@rampart/core';
import type { JsRuleContext, Node, ReportDescriptor, RuleSourceCode, Visitors } from '../rules/types.js';
import { nodesInWalkOrder } from '../rules/ast.js';
import { LineIndex } from './lines.js';
import { jsLang, parseJs, traverse } from './parse.js';
import { applySuppressions } from './suppress.js';
import { runFileRules, toFinding, type ActiveRules } from './file-rules.js';
import { cachedTaint, TaintAnalyzer } from '../taint/engine.js';
import type { FileSummary } from '../taint/summary.js';
import { TAINT_CLASSES } from '../taint/classes.js';

export type { ActiveRules } from './file-rules.js';

const TAINT_RULE_IDS: ReadonlySet<string> = new Set(TAINT_CLASSES);

export interface FileResult {
  readonly findings: FindingInput[];
  readonly warnings: ScanWarning[];
  readonly suppressed: number;
  /** False when the file was not analysed by any rule (e.g. no rule applies to it). */
  readonly analysed: boolean;
  /** What the taint pass learnt about this file, for the cross-file link phase. */
  readonly taint?: FileSummary;
  /** Why the taint pass gave up on this file (its budget ran out), if it did. */
  readonly taintSkipped?: string;
}

function nodeRange(node: Node): [number, number] {
  if (typeof node.start === 'number' && typeof node.end === 'number') return [node.start, node.end];
  if (node.range) return node.range;
  return [0, 0];
}

class SourceCode implements RuleSourceCode {
  constructor(
    readonly text: string,
    readonly ast: Node,
  ) {}
  getText(node?: Node): string {
    if (!node) return this.text;
    const [s, e] = nodeRange(node);
    return this.text.slice(s, e);
  }
}

/** One rule's visitor for one node type. */
interface Visit {
  readonly fn: (node: Node) => void;
  readonly ruleId: string;
  readonly type: string;
}

function runJsRules(path: string, text: string, index: LineIndex, rules: ActiveRules, findings: FindingInput[], warnings: ScanWarning[]): Node | false {
  const lang = jsLang(path);
  if (!lang || rules.js.length === 0) return false;
  const parsed = parseJs(path, text, lang);
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    const pos = index.position(first.offset);
    warnings.push({ kind: 'parse-error', file: path, line: pos.line, column: pos.column, message: `Could not parse: ${first.message}. The file was not analysed.` });
    return false;
  }
  const sourceCode = new SourceCode(text, parsed.ast);
  const settings = rules.taint || rules.readFile ? { taint: rules.taint, taintFiles: rules.readFile, taintDeferExports: rules.deferExports } : undefined;
  const enter = new Map<string, Visit[]>();
  const exit = new Map<string, Visit[]>();
  for (const rule of rules.js) {
    const severity = rules.severity.get(rule.meta.id) ?? rule.meta.severity;
    const context: JsRuleContext = {
      filename: path,
      sourceCode,
      settings,
      report(d: ReportDescriptor) {
        if (d.span) {
          findings.push(toFinding(rule.meta, severity, path, index, { line: d.span.line, column: d.span.column, endLine: d.span.endLine, endColumn: d.span.endColumn }, d, rules.severity.has(rule.meta.id)));
          return;
        }
        const [s, e] = nodeRange(d.node);
        const a = index.position(s);
        const b = index.position(e);
        findings.push(toFinding(rule.meta, severity, path, index, { line: a.line, column: a.column, endLine: b.line, endColumn: b.column }, d, rules.severity.has(rule.meta.id)));
      },
    };
    let visitors: Visitors;
    try {
      visitors = rule.create(context);
    } catch (err) {
      warnings.push({ kind: 'rule-error', file: path, message: `Rule ${rule.meta.id} failed: ${(err as Error).message}` });
      continue;
    }
    for (const [key, fn] of Object.entries(visitors)) {
      const isExit = key.endsWith(':exit');
      const type = isExit ? key.slice(0, -5) : key;
      const map = isExit ? exit : enter;
      const visit = { fn, ruleId: rule.meta.id, type };
      const list = map.get(type);
      if (list) list.push(visit);
      else map.set(type, [visit]);
    }
  }
  // One rule's failure on one node is a warning; the other rules and nodes go on.
  const run = (visits: readonly Visit[] | undefined, node: Node): void => {
    if (!visits) return;
    for (let i = 0; i < visits.length; i++) {
      try {
        visits[i].fn(node);
      } catch (err) {
        warnings.push({ kind: 'rule-error', file: path, message: `Rule ${visits[i].ruleId} failed at ${visits[i].type}: ${(err as Error).message}` });
      }
    }
  };
  const onlyProgramExit = [...exit.keys()].every((type) => type === 'Program');
  if (onlyProgramExit) {
    // The common case: no rule needs a node's exit but the Program's, so the nodes are
    // visited from the walk-order list built while linking parents, not walked again.
    for (const node of nodesInWalkOrder(sourceCode)) run(enter.get(node.type), node);
    run(exit.get('Program'), parsed.ast);
  } else {
    traverse(
      parsed.ast,
      (node) => run(enter.get(node.type), node),
      (node) => run(exit.get(node.type), node),
    );
  }
  return parsed.ast;
}

/** Runs every applicable rule on one file's text. Never throws: problems become warnings. */
export function analyzeFile(path: string, text: string, rules: ActiveRules): FileResult {
  const index = new LineIndex(text);
  const findings: FindingInput[] = [];
  const warnings: ScanWarning[] = [];
  let analysed = false;
  let taint: ReturnType<typeof cachedTaint>;
  try {
    const ast = runJsRules(path, text, index, rules, findings, warnings);
    analysed = ast !== false;
    if (ast) taint = cachedTaint(ast);
  } catch (err) {
    // e.g. a RangeError from a pathologically deep tree: report it, keep scanning.
    warnings.push({ kind: 'parse-error', file: path, message: `Could not analyse: ${(err as Error).message}` });
  }
  analysed = runFileRules(path, text, index, rules, findings, warnings) || analysed;
  // Taint findings may also come from the link phase (another file's flow into this one), so a
  // suppression naming a taint rule is not called unused here; the link phase applies it.
  const { kept, suppressed, warnings: sw } = applySuppressions(path, index, findings, rules.known, rules.active, taint ? TAINT_RULE_IDS : undefined);
  return { findings: kept, warnings: [...warnings, ...sw], suppressed, analysed, ...(taint ? { taint: taint.summary, ...(taint.skipped ? { taintSkipped: taint.skipped } : {}) } : {}) };
}

/**
 * The whole taint summary of a file whose first pass deferred its exports (FileSummary.partial):
 * parsed again and read with every exported function. Undefined if it no longer parses.
 */
export function completeTaintSummary(path: string, text: string, rules: ActiveRules): FileSummary | undefined {
  const lang = jsLang(path);
  if (!lang) return undefined;
  const parsed = parseJs(path, text, lang);
  if (parsed.errors.length > 0) return undefined;
  return new TaintAnalyzer(new SourceCode(text, parsed.ast), path, rules.taint, rules.readFile).run().summary;
}
