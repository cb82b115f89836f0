import type { Finding, TraceStep } from '../finding.js';
import { PRACTICES } from '../practices.js';
import type { Report, ScanWarning } from '../report.js';
import { SEVERITIES, type Severity } from '../severity.js';
import { countSkippedByReason, formatDuration, groupByPractice, plural, practicesChecked } from './grouping.js';
import { revealControlChars, singleLine } from './untrusted-text.js';

export interface PrettyOptions {
  /** ANSI colours. When false, the output holds no escape sequence at all. Default: false. */
  readonly color?: boolean;
}

/** How much of each list the terminal report shows before "...and N more". */
export const PRETTY_LIMITS = Object.freeze({ snippetLines: 3, snippetWidth: 160, skipped: 10, warnings: 5 });

// The few SGR codes we need, each closed by its own reset so that styles nest.
const SGR = {
  bold: ['1', '22'],
  dim: ['2', '22'],
  red: ['31', '39'],
  green: ['32', '39'],
  yellow: ['33', '39'],
  blue: ['34', '39'],
  cyan: ['36', '39'],
  gray: ['90', '39'],
  white: ['97', '39'],
  bgRed: ['41', '49'],
} as const;
type Style = keyof typeof SGR;
type Paint = (text: string, ...styles: Style[]) => string;

function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, ...styles) =>
    styles.reduce((t, s) => `\u001b[${SGR[s][0]}m${t}\u001b[${SGR[s][1]}m`, text);
}

const SEVERITY_STYLE: Readonly<Record<Severity, readonly Style[]>> = {
  critical: ['white', 'bgRed', 'bold'],
  high: ['red', 'bold'],
  medium: ['yellow', 'bold'],
  low: ['blue'],
  info: ['gray'],
};
// Counts in the summary table: the badge colours without the background.
const COUNT_STYLE: Readonly<Record<Severity, readonly Style[]>> = {
  critical: ['red', 'bold'],
  high: ['red'],
  medium: ['yellow'],
  low: ['blue'],
  info: ['gray'],
};
const BADGE_WIDTH = 10; // "[CRITICAL]"

function badge(severity: Severity, paint: Paint, color: boolean): string {
  const label = severity.toUpperCase();
  // Without colour the brackets carry the badge; with colour the background does.
  const text = color ? ` ${label} `.padEnd(BADGE_WIDTH) : `[${label}]`.padEnd(BADGE_WIDTH);
  return paint(text, ...SEVERITY_STYLE[severity]);
}

function location(file: string, line: number, column: number): string {
  return `${singleLine(file)}:${line}:${column}`;
}

function snippetLines(f: Finding, paint: Paint): string[] {
  const lines = f.snippet.replace(/\s+$/, '').split(/\r?\n/);
  if (lines.length === 1 && lines[0]!.trim() === '') return [];
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const dedent = Math.min(...indents);
  const shown = lines.slice(0, PRETTY_LIMITS.snippetLines);
  const gutter = String(f.line + shown.length - 1).length;
  const out = shown.map((l, i) => {
    let code = revealControlChars(l.slice(dedent).replace(/\t/g, '  '));
    if (code.length > PRETTY_LIMITS.snippetWidth) code = `${code.slice(0, PRETTY_LIMITS.snippetWidth - 1)}…`;
    return `      ${paint(`${String(f.line + i).padStart(gutter)} │`, 'gray')} ${code}`;
  });
  if (lines.length > shown.length) out.push(`      ${paint(`${' '.repeat(gutter)} │ …${plural(lines.length - shown.length, 'more line')}`, 'gray')}`);
  return out;
}

function traceLines(f: Finding, paint: Paint): string[] {
  if (!f.trace) return [];
  const steps: [string, TraceStep][] = [
    ['source', f.trace.source],
    ...f.trace.steps.map((s): [string, TraceStep] => ['step', s]),
    ['sink', f.trace.sink],
  ];
  const where = steps.map(([, s]) => location(s.file, s.line, s.column));
  const width = Math.max(...where.map((w) => w.length));
  return [
    `    ${paint('trace:', 'cyan')}`,
    ...steps.map(([kind, s], i) => `      ${paint(kind.padEnd(6), 'cyan')} → ${where[i]!.padEnd(width)}  ${singleLine(s.label)}`),
  ];
}

/** Vulnerable dependencies: how the package is reached, and whether only for development. */
function dependencyLines(f: Finding, paint: Paint): string[] {
  const d = f.dependency;
  if (!d) return [];
  return [
    ...d.paths.map((p, i) => `    ${paint(i === 0 ? 'via:' : '    ', 'cyan')} ${singleLine(p)}`),
    ...(d.devOnly ? [`    ${paint('dev dependency only', 'gray')}`] : []),
  ];
}

function findingLines(f: Finding, paint: Paint, color: boolean): string[] {
  return [
    `  ${badge(f.severity, paint, color)} ${paint(f.ruleId, 'bold')}${f.type !== undefined ? paint(` (${singleLine(f.type)})`, 'gray') : ''}  ${location(f.file, f.line, f.column)}`,
    // History findings: the commit that added the line.
    ...(f.commit ? [`    ${paint(`commit ${singleLine(f.commit.sha.slice(0, 12))} ${singleLine(f.commit.date)}`, 'gray')}`] : []),
    `    ${singleLine(f.message)}`,
    ...snippetLines(f, paint),
    ...traceLines(f, paint),
    ...dependencyLines(f, paint),
    ...(f.fix ? [`    ${paint(`fix: ${singleLine(f.fix)}`, 'dim')}`] : []),
  ];
}

function summaryTable(report: Report, paint: Paint): string[] {
  const checked = practicesChecked(report);
  const rows = PRACTICES.filter((p) => checked.has(p.id) || report.summary.byPractice.some((s) => s.practice === p.id)).map((p) => {
    const s = report.summary.byPractice.find((x) => x.practice === p.id);
    return { label: `${String(p.id).padStart(2)} ${p.slug}`, counts: SEVERITIES.map((sev) => s?.bySeverity[sev] ?? 0), total: s?.total ?? 0 };
  });
  rows.push({ label: 'Total', counts: SEVERITIES.map((sev) => report.summary.bySeverity[sev]), total: report.summary.total });
  const head = ['Practice', ...SEVERITIES.map((s) => s[0]!.toUpperCase() + s.slice(1)), 'Total'];
  const labelWidth = Math.max(head[0]!.length, ...rows.map((r) => r.label.length));
  const widths = head.slice(1).map((h) => Math.max(h.length, 3));
  const cell = (n: number, i: number): string => {
    const text = String(n).padStart(widths[i]!);
    if (n === 0) return paint(text, 'gray');
    const sev = SEVERITIES[i];
    return sev ? paint(text, ...COUNT_STYLE[sev]) : text;
  };
  const lines = [paint(`${head[0]!.padEnd(labelWidth)}  ${head.slice(1).map((h, i) => h.padStart(widths[i]!)).join('  ')}`, 'bold')];
  rows.forEach((r, i) => {
    const isTotal = i === rows.length - 1;
    const line = `${r.label.padEnd(labelWidth)}  ${[...r.counts, r.total].map(cell).join('  ')}`;
    lines.push(isTotal ? paint(line, 'bold') : line);
  });
  return lines;
}

function skippedLines(report: Report, paint: Paint): string[] {
  if (report.skipped.length === 0) return [];
  const byReason = countSkippedByReason(report.skipped).map(([reason, n]) => `${n} ${reason}`).join(', ');
  const shown = report.skipped.slice(0, PRETTY_LIMITS.skipped);
  const width = Math.max(...shown.map((s) => singleLine(s.file).length));
  return [
    paint(`Skipped ${report.skipped.length}: ${byReason}`, 'bold'),
    ...shown.map((s) => `  ${singleLine(s.file).padEnd(width)}  ${paint(`${s.reason}${s.detail ? ` (${singleLine(s.detail)})` : ''}`, 'gray')}`),
    ...(report.skipped.length > shown.length ? [`  ...and ${report.skipped.length - shown.length} more`] : []),
  ];
}

function warningWhere(w: ScanWarning): string {
  if (!w.file) return '';
  return `${singleLine(w.file)}${w.line ? `:${w.line}${w.column ? `:${w.column}` : ''}` : ''}  `;
}

function warningLines(report: Report, paint: Paint): string[] {
  const { warnings } = report;
  if (warnings.length === 0) return [];
  // Parse errors first: a file that did not parse was not checked at all.
  const parseErrors = warnings.filter((w) => w.kind === 'parse-error');
  const shown = [...parseErrors, ...warnings.filter((w) => w.kind !== 'parse-error')].slice(0, PRETTY_LIMITS.warnings);
  const unchecked = parseErrors.length ? ` (${plural(parseErrors.length, 'file')} did not parse and went unchecked)` : '';
  return [
    paint(`${plural(warnings.length, 'warning')}${unchecked}:`, 'yellow', 'bold'),
    ...shown.map((w) => `  ${warningWhere(w)}${paint(w.kind, 'yellow')}  ${singleLine(w.message)}`),
    ...(warnings.length > shown.length ? [`  ...and ${warnings.length - shown.length} more`] : []),
  ];
}

function closingLine(report: Report, paint: Paint): string {
  const s = report.summary;
  const parts = [
    `${plural(s.total, 'finding')} in ${plural(s.filesScanned, 'file')} scanned`,
    `${s.filesSkipped} skipped`,
    formatDuration(s.durationMs),
    ...(s.suppressed ? [`${s.suppressed} suppressed`] : []),
    ...(s.baselined ? [`${s.baselined} baselined`] : []),
    ...(report.warnings.length ? [plural(report.warnings.length, 'warning')] : []),
  ];
  const worst = SEVERITIES.find((sev) => s.bySeverity[sev] > 0);
  const styles: Style[] = !worst ? ['green'] : worst === 'critical' || worst === 'high' ? ['red'] : worst === 'medium' ? ['yellow'] : [];
  return paint(parts.join(', '), 'bold', ...styles);
}

/** The terminal report: findings by practice, a summary table, what was skipped, warnings, one closing line. */
export function formatPretty(report: Report, options: PrettyOptions = {}): string {
  const color = options.color === true;
  const paint = painter(color);
  const out: string[] = [paint(`Rampart ${report.tool.version}`, 'bold') + paint(`  ${singleLine(report.root)}`, 'gray'), ''];

  const groups = groupByPractice(report.findings);
  if (groups.length === 0) {
    const checked = [...practicesChecked(report)].sort((a, b) => a - b);
    out.push(
      paint('No findings.', 'green', 'bold') +
        (report.rules.length
          ? ` ${plural(report.rules.length, 'rule')} checked ${checked.length === 1 ? 'practice' : 'practices'} ${checked.join(', ')}.`
          : ' No rules ran.'),
      '',
    );
  } else {
    for (const g of groups) {
      const heading = `${g.practice.id}. ${g.practice.title}`;
      out.push(`${paint(heading, 'bold')}  ${paint(plural(g.findings.length, 'finding'), 'gray')}`, paint('─'.repeat(heading.length), 'gray'));
      for (const f of g.findings) out.push(...findingLines(f, paint, color), '');
    }
    out.push(...summaryTable(report, paint), '');
  }

  const skipped = skippedLines(report, paint);
  if (skipped.length) out.push(...skipped, '');
  const warnings = warningLines(report, paint);
  if (warnings.length) out.push(...warnings, '');
  out.push(closingLine(report, paint));
  return `${out.join('\n')}\n`;
}
