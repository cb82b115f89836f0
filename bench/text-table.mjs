// Aligned plain-text tables: numbers right-aligned, text left-aligned.

/** @param {string[]} header @param {(string | number)[][]} rows */
export function formatTable(header, rows) {
  const cells = rows.map((r) => r.map((c) => (c === undefined || c === null ? '-' : String(c))));
  const numeric = header.map((_, i) => cells.length > 0 && cells.every((r) => /^[-+]?[\d.,]+[x%]?$|^-$/.test(r[i] ?? '-')));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w, i) => (header[i] === '' ? '' : '-'.repeat(w)))), ...cells.map(line)].join('\n');
}

/** Fixed decimals, or "-" when the value is missing. */
export const fixed = (n, digits = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '-');
