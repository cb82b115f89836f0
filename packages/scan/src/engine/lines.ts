/** Maps UTF-16 offsets to 1-based line/column, and back to line text. */
export class LineIndex {
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {}

  /** Built on first use: most files scanned for secrets have no finding and never need it. */
  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
    return (this.lineStarts = starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  /** Text of a 1-based line, without its line break. */
  line(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}

const MAX_SNIPPET = 240;

/** The source lines of a finding, trimmed; long lines (minified code) are cut around the column. */
export function snippetOf(index: LineIndex, line: number, endLine: number, column = 1): string {
  const last = Math.min(endLine, line + 2);
  const lines: string[] = [];
  for (let l = line; l <= last; l++) lines.push(index.line(l));
  let text = lines.join('\n').trim();
  if (text.length > MAX_SNIPPET) {
    const from = Math.max(0, column - 1 - 80);
    text = (from > 0 ? '…' : '') + index.line(line).slice(from, from + MAX_SNIPPET).trim() + '…';
  }
  return text;
}
