/**
 * Secrets written in pieces: `'sk_live_' + 'abc...'` in code, a YAML block scalar holding one
 * line (`client_secret: |-` then the value), a properties or shell line continuation. For
 * each place where pieces meet, a segment of the file (the lines involved) is rebuilt with the
 * pieces joined, and the rules run on that segment too. Offsets map back to the file, so a
 * finding points at the first piece.
 *
 * Only the lines around a join are rebuilt, never the whole file. Every pattern here is
 * bounded and linear-time.
 */

/** A stretch of the file with the pieces joined: `text` is made of `pieces` of the original, in order. */
export interface JoinedSegment {
  readonly text: string;
  /** [start, end) in the original text, in order; each follows the previous in `text`. */
  readonly pieces: readonly (readonly [number, number])[];
}

/** A YAML block scalar header (`key: |`, `key: >-`), its first content line, and what follows. */
const YAML_BLOCK = /^([ \t]{0,80}(?:- )?["']?[\w.-]{1,80}["']?:[ \t])[ \t]{0,10}[|>][-+]?[1-9]?[ \t]{0,10}\r?\n([ \t]{1,80})(?=\S)/gm;
/** A backslash ending a line (properties, shell): joined with the next line. */
const CONTINUATION = /\\\r?\n/g;

const CONCAT_LANGS = /\.(?:[cm]?[jt]sx?|java|kt|kts|cs|groovy|gradle|scala|swift|py|rb|go|php)$/i;
const YAML = /\.ya?ml$/i;
const PROPERTIES = /\.properties$/i;
const SHELL = /(?:\.(?:sh|bash|zsh|ksh)|(?:^|\/)Dockerfile(?:\.[\w.-]+)?|\.dockerfile)$/i;

/** A range of the original text dropped when joining. */
type Cut = readonly [number, number];

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEndOf(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** `=`, `:` or `(` ending a line, the value starting on the next: `const API_KEY =⏎  'abc' +⏎  'def';` (Prettier's layout). */
const VALUE_ON_NEXT_LINE = /[=:(][ \t]{0,20}\r?\n[ \t]{0,80}$/;

const isBlank = (c: number): boolean => c === 32 || c === 9;
const isQuote = (c: number): boolean => c === 39 || c === 34 || c === 96;

/**
 * The join around the `+` at `plus`, or undefined: two literals with the same quote,
 * `'a' + 'b'`, `'a' +⏎ 'b'` or `'a'⏎ + 'b'` (one line break at most). Returns the offsets of the
 * first literal's closing quote and the second one's opening quote. Bounded: a few dozen
 * characters either side.
 */
function joinAround(text: string, plus: number): [number, number] | undefined {
  let a = plus - 1;
  while (a >= 0 && plus - a <= 80 && isBlank(text.charCodeAt(a))) a--;
  let breakBefore = false;
  if (text.charCodeAt(a) === 10) {
    breakBefore = true;
    a--;
    if (text.charCodeAt(a) === 13) a--;
    const eol = a;
    while (a >= 0 && eol - a < 20 && isBlank(text.charCodeAt(a))) a--;
  }
  const quote = text.charCodeAt(a);
  if (!isQuote(quote)) return undefined;
  let b = plus + 1;
  while (b < text.length && b - plus <= 20 && isBlank(text.charCodeAt(b))) b++;
  if (!breakBefore && (text.charCodeAt(b) === 10 || (text.charCodeAt(b) === 13 && text.charCodeAt(b + 1) === 10))) {
    b += text.charCodeAt(b) === 13 ? 2 : 1;
    const bol = b;
    while (b < text.length && b - bol < 80 && isBlank(text.charCodeAt(b))) b++;
  }
  return text.charCodeAt(b) === quote ? [a, b] : undefined;
}

function concatenationCuts(text: string, out: Cut[]): void {
  // From each `+` (found by the native search, far faster than a regex trying every quote).
  // The current line is followed forwards, never searched backwards: a long line would make that quadratic.
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  let lastLine = -1;
  for (let plus = text.indexOf('+'); plus >= 0; plus = text.indexOf('+', plus + 1)) {
    const join = joinAround(text, plus);
    if (!join) continue;
    const [close, open2] = join;
    out.push([close, open2 + 1]);
    while (nextNewline >= 0 && nextNewline < close) {
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }
    // The first literal of a chain opens its line: join the line that assigns it, too.
    if (lineStart === lastLine || lineStart === 0) continue;
    lastLine = lineStart;
    const open = text.lastIndexOf(text[close], close - 1);
    if (open < lineStart || text.slice(lineStart, open).trim() !== '') continue;
    const before = VALUE_ON_NEXT_LINE.exec(text.slice(Math.max(0, lineStart - 100), open));
    if (before) out.push([open - before[0].length + 1, open]);
  }
}

function yamlBlockCuts(text: string, out: Cut[]): void {
  if (!/:[ \t]{1,10}[|>]/.test(text)) return;
  YAML_BLOCK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YAML_BLOCK.exec(text)) !== null) {
    const contentStart = m.index + m[0].length;
    const contentEnd = lineEndOf(text, contentStart);
    // One content line only: the next line is blank, less indented or the end. A block of
    // several lines is text (a script, a PEM block that its own rule reads), not one value.
    const next = text.slice(contentEnd + 1, contentEnd + 1 + m[2].length + 1);
    const after = next.charCodeAt(m[2].length);
    if (contentEnd < text.length && next.startsWith(m[2]) && after !== 10 && after !== 13 && !Number.isNaN(after)) continue;
    // Keep `key: ` and drop the indicator, the line break and the indentation.
    out.push([m.index + m[1].length, contentStart]);
  }
}

function continuationCuts(text: string, trimIndent: boolean, out: Cut[]): void {
  if (!text.includes('\\\n') && !text.includes('\\\r\n')) return;
  CONTINUATION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CONTINUATION.exec(text)) !== null) {
    // An even run of backslashes is escaped backslashes, not a continuation.
    let run = 0;
    for (let i = m.index; i >= 0 && text.charCodeAt(i) === 92; i--) run++;
    if (run % 2 === 0) continue;
    let end = m.index + m[0].length;
    // properties: the continuation line's leading whitespace is not part of the value.
    if (trimIndent) while (end < text.length && end - m.index < 200 && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
    out.push([m.index, end]);
  }
}

/** The segments of `text` in which pieces are joined; none for most files. */
export function joinedSegments(path: string, text: string): JoinedSegment[] {
  const cuts: Cut[] = [];
  if (CONCAT_LANGS.test(path)) concatenationCuts(text, cuts);
  else if (YAML.test(path)) yamlBlockCuts(text, cuts);
  else if (PROPERTIES.test(path)) continuationCuts(text, true, cuts);
  else if (SHELL.test(path)) continuationCuts(text, false, cuts);
  if (cuts.length === 0) return [];
  cuts.sort((a, b) => a[0] - b[0]);
  // Group the cuts into segments of whole lines; cuts on the same or adjacent lines share one.
  const segments: JoinedSegment[] = [];
  let i = 0;
  while (i < cuts.length) {
    const from = lineStartOf(text, cuts[i][0]);
    let to = lineEndOf(text, cuts[i][1]);
    const mine: Cut[] = [];
    while (i < cuts.length && cuts[i][0] <= to) {
      const [a, b] = cuts[i];
      if (mine.length === 0 || a >= mine[mine.length - 1][1]) mine.push([a, b]);
      if (b > to) to = lineEndOf(text, b);
      i++;
    }
    const pieces: (readonly [number, number])[] = [];
    let at = from;
    for (const [a, b] of mine) {
      if (a > at) pieces.push([at, a]);
      at = b;
    }
    if (to > at) pieces.push([at, to]);
    segments.push({ text: pieces.map(([a, b]) => text.slice(a, b)).join(''), pieces });
  }
  return segments;
}

/** Where a [start, end) range of a segment's text lies in the original: the original ranges it covers, in order. */
export function originalRanges(segment: JoinedSegment, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let offset = 0;
  for (const [a, b] of segment.pieces) {
    const len = b - a;
    const s = Math.max(start, offset);
    const e = Math.min(end, offset + len);
    if (s < e) out.push([a + (s - offset), a + (e - offset)]);
    offset += len;
    if (offset >= end) break;
  }
  return out;
}
