import { shannonEntropy } from './entropy.js';
import { joinedSegments, originalRanges } from './joins.js';
import { createKeywordScanner } from './keyword-scan.js';
import { asksToBeFilledIn, insideDataUri, isPlaceholder } from './placeholders.js';
import { redact, redactAll } from './redact.js';
import { SECRET_RULES } from './rules/index.js';
import type { SecretMatch, SecretRule } from './types.js';

/** Lines longer than this are checked in windows around each keyword, not whole. */
const MAX_LINE = 4096;
const WINDOW_BEFORE = 512;
const WINDOW_AFTER = 2048;
/** How far a multi-line rule (a PEM block) may reach from its keyword. */
const MULTILINE_WINDOW = 20_000;
/** Placeholder words are only looked for in values this short: in a long random block they occur by chance. */
const PLACEHOLDER_CHECK_MAX = 100;
const SNIPPET_WIDTH = 200;

export interface SecretDetector {
  readonly rules: readonly SecretRule[];
  /** Finds the secrets in one text. `path` (relative, forward slashes) decides path-bound rules. */
  detect(path: string, text: string): SecretMatch[];
}

/** A rule set that does not make sense: caught when the detector is built, not while scanning. */
export class SecretRuleError extends Error {
  override name = 'SecretRuleError';
}

interface Candidate {
  readonly rule: number;
  readonly start: number;
  readonly end: number;
  readonly secret: string;
  /** A secret written in pieces (`'sk_live_' + '...'`): where each piece lies in the file. */
  readonly parts?: readonly (readonly [number, number])[];
}

function firstGroup(m: RegExpExecArray): string | undefined {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return m[i];
  return m[0];
}

function checkRules(rules: readonly SecretRule[]): void {
  const ids = new Set<string>();
  for (const r of rules) {
    for (const t of r.tiers ?? []) if (t.when.global || t.when.sticky) throw new SecretRuleError(`secret rule ${r.id}: a tier's regex must not have the g or y flag (test() would keep state between secrets)`);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(r.id)) throw new SecretRuleError(`secret rule id "${r.id}" must be kebab-case`);
    if (ids.has(r.id)) throw new SecretRuleError(`secret rule id "${r.id}" is used twice`);
    ids.add(r.id);
    if (!r.regex.global) throw new SecretRuleError(`secret rule ${r.id}: its regex needs the g flag`);
    if (r.keywords.length === 0) throw new SecretRuleError(`secret rule ${r.id}: give at least one keyword, or the rule never runs`);
    for (const k of r.keywords) if (k !== k.toLowerCase() || k.length < 2) throw new SecretRuleError(`secret rule ${r.id}: keyword "${k}" must be lower case and at least 2 characters`);
  }
}

/**
 * Builds a detector. The keywords of all rules go into one Aho-Corasick automaton: one pass
 * over the text finds every line worth a closer look, and only the rules whose keyword occurs
 * there run on that line.
 */
export function createSecretDetector(rules: readonly SecretRule[] = SECRET_RULES): SecretDetector {
  checkRules(rules);
  const byKeyword = new Map<string, Set<number>>();
  rules.forEach((r, i) => {
    for (const k of r.keywords) {
      let set = byKeyword.get(k);
      if (!set) byKeyword.set(k, (set = new Set()));
      set.add(i);
    }
  });
  // A multi-line rule is tried only where its keyword starts (sticky): sliding it along its
  // window would make overlapping blocks quadratic.
  const regexes = rules.map((r) => (r.multiline ? new RegExp(r.regex.source, `${r.regex.flags.replace('g', '')}y`) : r.regex));
  const keywords = [...byKeyword.keys()];
  const keywordRules = keywords.map((k) => [...byKeyword.get(k)!].sort((a, b) => a - b));
  const scanner = createKeywordScanner(keywords);

  function collect(rule: SecretRule, index: number, path: string, text: string, from: number, to: number, lineStart: number, out: Candidate[]): void {
    const segment = text.slice(from, to);
    const re = regexes[index];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(segment)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const secret = rule.extract ? rule.extract(m, path) : firstGroup(m);
      if (secret === undefined || secret.length === 0) continue;
      const inMatch = m[0].indexOf(secret);
      const start = from + m.index + Math.max(0, inMatch);
      if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) continue;
      if (!rule.multiline && secret.length <= PLACEHOLDER_CHECK_MAX && (rule.anyLiteral ? asksToBeFilledIn(secret) : isPlaceholder(secret))) continue;
      const allow = rule.allowlist;
      if (allow?.regexes?.some((a) => a.test(secret))) continue;
      if (allow?.stopwords?.length) {
        const lower = secret.toLowerCase();
        if (allow.stopwords.some((w) => lower.includes(w))) continue;
      }
      if (insideDataUri(text, lineStart, start)) continue;
      if (rule.skipDocExamples && insideDocExample(path, text, start)) continue;
      out.push({ rule: index, start, end: start + secret.length, secret });
      if (rule.multiline) break;
    }
  }

  /** Runs the pre-filter and the rules over one text (a file, or a segment with pieces joined). */
  function collectAll(path: string, text: string, active: readonly boolean[], candidates: Candidate[]): void {
    let lineStart = -1;
    let lineEnd = -1;
    const ranOnLine = new Set<number>();
    const ranUntil = new Map<number, number>(); // long lines: rule -> end of the last window it ran on
    scanner.scan(text, (at, keyword) => {
      if (at >= lineEnd) {
        lineStart = text.lastIndexOf('\n', at - 1) + 1;
        const nl = text.indexOf('\n', at);
        lineEnd = nl < 0 ? text.length : nl;
        ranOnLine.clear();
        ranUntil.clear();
      }
      const long = lineEnd - lineStart > MAX_LINE;
      for (const i of keywordRules[keyword]) {
        if (!active[i]) continue;
        const rule = rules[i];
        if (rule.multiline) {
          collect(rule, i, path, text, at, Math.min(text.length, at + MULTILINE_WINDOW), lineStart, candidates);
        } else if (!long) {
          if (ranOnLine.has(i)) continue;
          ranOnLine.add(i);
          let end = lineEnd;
          if (rule.nextLine && lineEnd < text.length) {
            const next = text.indexOf('\n', lineEnd + 1);
            end = Math.min(next < 0 ? text.length : next, lineEnd + 1 + MAX_LINE);
          }
          collect(rule, i, path, text, lineStart, end, lineStart, candidates);
        } else {
          if (at + 1024 <= (ranUntil.get(i) ?? -1)) continue;
          const to = Math.min(lineEnd, at + WINDOW_AFTER);
          ranUntil.set(i, to);
          collect(rule, i, path, text, Math.max(lineStart, at - WINDOW_BEFORE), to, lineStart, candidates);
        }
      }
    });
  }

  function detect(path: string, text: string): SecretMatch[] {
    const active = rules.map((r) => (!r.paths || r.paths.test(path)) && !r.allowlist?.paths?.some((p) => p.test(path)));
    const candidates: Candidate[] = [];
    collectAll(path, text, active, candidates);
    for (const segment of joinedSegments(path, text)) {
      const found: Candidate[] = [];
      collectAll(path, segment.text, active, found);
      for (const c of found) {
        const parts = originalRanges(segment, c.start, c.end);
        if (parts.length === 0) continue;
        // A secret also found whole in the file overlaps the file's own candidate, and one of them is dropped below.
        candidates.push({ rule: c.rule, start: parts[0][0], end: parts[parts.length - 1][1], secret: c.secret, ...(parts.length > 1 ? { parts } : {}) });
      }
    }
    return candidates.length === 0 ? [] : toMatches(text, keepMostSpecific(candidates), rules);
  }

  return { rules, detect };
}

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/i;
/** How far back a documentation comment's opening is looked for (bounded: never the whole file per match). */
const DOC_COMMENT_LOOKBACK = 16 * 1024;

/**
 * The offset sits in a code example of a block comment of a source file: after a Markdown fence
 * (an odd number of ``` before it in the comment) or an `@example` tag.
 */
export function insideDocExample(path: string, text: string, offset: number): boolean {
  if (!SOURCE_FILE.test(path)) return false;
  const from = Math.max(0, offset - DOC_COMMENT_LOOKBACK);
  const before = text.slice(from, offset);
  const open = before.lastIndexOf('/*');
  if (open < 0 || before.indexOf('*/', open) >= 0) return false;
  const comment = before.slice(open);
  if (comment.includes('@example')) return true;
  let fences = 0;
  for (let i = comment.indexOf('```'); i >= 0; i = comment.indexOf('```', i + 3)) fences++;
  return fences % 2 === 1;
}

/** Where two findings overlap, the rule listed first (the more specific) keeps it. */
function keepMostSpecific(candidates: Candidate[]): Candidate[] {
  // On a tie the longer one wins: a secret joined from pieces over its first piece alone.
  const sorted = [...candidates].sort((a, b) => a.rule - b.rule || a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || a.rule - b.rule);
}

function toMatches(text: string, kept: readonly Candidate[], rules: readonly SecretRule[]): SecretMatch[] {
  // Line starts of the lines that hold findings, found in one forward walk.
  let line = 1;
  let lineStart = 0;
  const position = (offset: number): { line: number; column: number; lineStart: number } => {
    for (;;) {
      const nl = text.indexOf('\n', lineStart);
      if (nl < 0 || nl >= offset) break;
      line++;
      lineStart = nl + 1;
    }
    return { line, column: offset - lineStart + 1, lineStart };
  };
  const located = kept.map((c) => {
    const a = position(c.start);
    return { c, a };
  });
  // Every secret on a line is redacted in that line's snippet, whichever finding shows it. A
  // secret in pieces is replaced where its pieces are: the first shows its redacted form, the
  // others an ellipsis.
  const byLine = new Map<number, string[]>();
  const piecesByLine = new Map<number, { at: number; end: number; text: string }[]>();
  for (const { c, a } of located) {
    const list = byLine.get(a.line);
    if (list) list.push(c.secret);
    else byLine.set(a.line, [c.secret]);
    if (c.parts) {
      const lineEnd = lineEndAt(text, a.lineStart);
      const here = c.parts.filter(([s]) => s >= a.lineStart && s <= lineEnd).map(([s, e], k) => ({ at: s - a.lineStart, end: Math.min(e, lineEnd) - a.lineStart, text: k === 0 ? redact(c.secret) : '…' }));
      piecesByLine.set(a.line, [...(piecesByLine.get(a.line) ?? []), ...here]);
    }
  }
  // End positions need their own walk: a PEM block ends lines later.
  return located.map(({ c, a }) => {
    const before = text.slice(a.lineStart, c.end);
    let endLine = a.line;
    let endLineStart = a.lineStart;
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) {
      endLine++;
      endLineStart = a.lineStart + i + 1;
    }
    let lineText = text.slice(a.lineStart, lineEndAt(text, a.lineStart));
    for (const p of [...(piecesByLine.get(a.line) ?? [])].sort((x, y) => y.at - x.at)) lineText = lineText.slice(0, p.at) + p.text + lineText.slice(p.end);
    lineText = lineText.replace(/\r$/, '');
    const rule = rules[c.rule];
    const tier = rule.tiers?.find((t) => t.when.test(c.secret));
    return {
      rule,
      severity: tier?.severity ?? rule.severity,
      ...(tier ? { tier: tier.label } : {}),
      line: a.line,
      column: a.column,
      endLine,
      endColumn: c.end - endLineStart + 1,
      secret: c.secret,
      snippet: snippetAround(redactAll(lineText, byLine.get(a.line)!), redact(c.secret)),
    };
  });
}

function lineEndAt(text: string, lineStart: number): number {
  const nl = text.indexOf('\n', lineStart);
  return nl < 0 ? text.length : nl;
}

/** The redacted line, cut around the redacted secret when it is long. Cutting can never reveal a secret: they are already replaced. */
function snippetAround(line: string, marker: string): string {
  const trimmed = line.trim();
  if (trimmed.length <= SNIPPET_WIDTH) return trimmed;
  const at = Math.max(0, trimmed.indexOf(marker));
  const from = Math.max(0, at - 60);
  return `${from > 0 ? '…' : ''}${trimmed.slice(from, from + SNIPPET_WIDTH)}…`;
}

let defaultDetector: SecretDetector | undefined;

/** Finds secrets in a text with the built-in rules. */
export function detectSecrets(path: string, text: string): SecretMatch[] {
  defaultDetector ??= createSecretDetector();
  return defaultDetector.detect(path, text);
}
