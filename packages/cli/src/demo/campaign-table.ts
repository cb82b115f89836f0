import { practice } from '@rampart/core';
import type { AttackResult, Verdict } from './campaign.js';

export interface TableColumnSide {
  /** The column's heading: the shop's name. */
  readonly name: string;
  readonly results: readonly AttackResult[];
}

const VERDICT_LABEL: Readonly<Record<Verdict, string>> = { fell: 'FELL', blocked: 'BLOCKED', held: 'HELD', 'not-run': 'NOT RUN' };
const VERDICT_COLOR: Readonly<Record<Verdict, string>> = { fell: '31;1', blocked: '32;1', held: '32', 'not-run': '33' };

/** Greedy word wrap; a word longer than the width is cut. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let w = word;
    while (w.length > width) {
      if (line) lines.push(line);
      lines.push(w.slice(0, width));
      w = w.slice(width);
      line = '';
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The campaign as a table: one row per attack (its class and practice), one column per shop
 * with the verdict and its evidence, wrapped to fit `width` columns.
 */
export function formatCampaignTable(sides: readonly TableColumnSide[], options: { color: boolean; width: number }): string {
  const first = sides[0];
  if (!first) return '';
  const rows = first.results.map((r, i) => ({
    cells: [
      r.attack.title,
      r.attack.kind,
      `${r.attack.practice} ${practice(r.attack.practice).slug}`,
      ...sides.map((s) => {
        const o = s.results[i]!.outcome;
        return { verdict: o.verdict, text: `${VERDICT_LABEL[o.verdict]}: ${o.evidence}` };
      }),
    ],
  }));
  const heads = ['attack', 'class', 'practice', ...sides.map((s) => s.name)];
  const fixed = [0, 1, 2].map((c) => Math.max(heads[c]!.length, ...rows.map((r) => (r.cells[c] as string).length)));
  const gap = 2;
  const room = options.width - fixed.reduce((a, b) => a + b + gap, 0) - gap * (sides.length - 1);
  const outcomeWidth = Math.max(24, Math.floor(room / sides.length));
  // No wider than the longest cell: a narrow table when the evidence is short.
  const widths = [...fixed, ...sides.map((s, i) => Math.min(outcomeWidth, Math.max(s.name.length, ...rows.map((r) => (r.cells[3 + i] as { text: string }).text.length))))];
  const paint = (text: string, verdict: Verdict) => (options.color ? `\u001b[${VERDICT_COLOR[verdict]}m${text}\u001b[0m` : text);

  const out: string[] = [];
  const pad = (cells: readonly string[], painted: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? painted[i]! : painted[i]! + ' '.repeat(Math.max(0, widths[i]! - c.length)))).join(' '.repeat(gap)).trimEnd();
  out.push(pad(heads, heads));
  out.push(widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap)));
  for (const row of rows) {
    const columns = row.cells.map((cell, i) => (typeof cell === 'string' ? wrap(cell, widths[i]!) : wrap(cell.text, widths[i]!)));
    const height = Math.max(...columns.map((c) => c.length));
    for (let line = 0; line < height; line++) {
      const plain = columns.map((c) => c[line] ?? '');
      const painted = plain.map((text, i) => {
        const cell = row.cells[i]!;
        return typeof cell === 'string' || text === '' ? text : paint(text, cell.verdict);
      });
      out.push(pad(plain, painted));
    }
  }
  return `${out.join('\n')}\n`;
}
