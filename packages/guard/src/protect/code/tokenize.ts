/**
 * A small JavaScript tokenizer for code-injection checks (eval, Function, vm). It only has to
 * tell where tokens begin and end: strings, template literal pieces, comments, regular
 * expression literals, numbers, identifiers and punctuators. Script goal (what eval, Function
 * and vm compile), so `<!--` and a line-leading `-->` are comments too. One pass, each
 * character visited a bounded number of times (linear time); it never throws: unterminated
 * strings, templates and comments run to the end of their line or of the text.
 */

export type JsTokenKind = 'whitespace' | 'comment' | 'string' | 'template' | 'regex' | 'number' | 'identifier' | 'punctuator';

export interface JsToken {
  readonly kind: JsTokenKind;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || c === 92 /* \u escape */ || (c >= 128 && !isSpace(c));
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);

// Longest first, so `>>>=` wins over `>>`.
const PUNCTUATORS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>',
];
const PUNCTUATOR_SECOND_CHARS = new Set(PUNCTUATORS.map((p) => p.charCodeAt(1)));

// After these words an expression starts, so `/` opens a regular expression rather than dividing.
const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends']);

/** Scans a '' or "" string after its opening quote; an unescaped line break ends it (unterminated). */
function scanString(code: string, i: number, quote: number): number {
  const n = code.length;
  while (i < n) {
    const c = code.charCodeAt(i);
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === quote) return i + 1;
    if (c === 10 || c === 13) return i;
    i++;
  }
  return n;
}

/** Scans template text from `i` up to and including the closing backtick or the next `${`. */
function scanTemplate(code: string, i: number): { end: number; opensExpression: boolean } {
  const n = code.length;
  while (i < n) {
    const c = code.charCodeAt(i);
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === 96) return { end: i + 1, opensExpression: false };
    if (c === 36 && code.charCodeAt(i + 1) === 123) return { end: i + 2, opensExpression: true };
    i++;
  }
  return { end: n, opensExpression: false };
}

/** Scans a regular expression literal after its opening slash; -1 when none ends on this line. */
function scanRegex(code: string, i: number): number {
  const n = code.length;
  let inClass = false;
  while (i < n) {
    const c = code.charCodeAt(i);
    if (isLineBreak(c)) return -1;
    if (c === 92) {
      if (i + 1 < n && isLineBreak(code.charCodeAt(i + 1))) return -1;
      i += 2;
      continue;
    }
    if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      i++;
      while (i < n && isIdentPart(code.charCodeAt(i))) i++; // flags
      return i;
    }
    i++;
  }
  return -1;
}

function scanNumber(code: string, i: number): number {
  const n = code.length;
  const next = code[i + 1];
  if (code.charCodeAt(i) === 48 && next !== undefined && 'xXbBoO'.includes(next)) {
    i += 2;
    while (i < n && /[0-9a-fA-F_]/.test(code[i]!)) i++;
  } else {
    while (i < n && (isDigit(code.charCodeAt(i)) || code[i] === '_')) i++;
    if (code[i] === '.') {
      i++;
      while (i < n && (isDigit(code.charCodeAt(i)) || code[i] === '_')) i++;
    }
    if ((code[i] === 'e' || code[i] === 'E') && (isDigit(code.charCodeAt(i + 1)) || ((code[i + 1] === '+' || code[i + 1] === '-') && isDigit(code.charCodeAt(i + 2))))) {
      i += 2;
      while (i < n && isDigit(code.charCodeAt(i))) i++;
    }
  }
  if (code[i] === 'n') i++; // BigInt
  return i;
}

export function tokenizeJs(code: string): JsToken[] {
  const tokens: JsToken[] = [];
  const n = code.length;
  // Open braces: false for `{`, true for a template's `${`, whose `}` resumes the template text.
  const braces: boolean[] = [];
  // Where the last failed regex scan stopped: slashes before it are division, keeping this linear.
  let regexFailEnd = -1;
  let lastSignificant: JsToken | undefined;
  let atLineStart = true;
  let i = 0;
  const push = (kind: JsTokenKind, start: number, end: number): number => {
    const e = Math.min(Math.max(end, start + 1), n);
    const token = { kind, start, end: e };
    tokens.push(token);
    if (kind !== 'whitespace' && kind !== 'comment') {
      lastSignificant = token;
      atLineStart = false;
    }
    return e;
  };
  const regexAllowed = (): boolean => {
    const t = lastSignificant;
    if (!t) return true;
    if (t.kind === 'number' || t.kind === 'string' || t.kind === 'regex') return false;
    if (t.kind === 'template') return code.charCodeAt(t.end - 1) === 123; // after `${`
    if (t.kind === 'identifier') return KEYWORDS_BEFORE_EXPRESSION.has(code.slice(t.start, t.end));
    const p = code.slice(t.start, t.end);
    return p !== ')' && p !== ']' && p !== '}' && p !== '++' && p !== '--';
  };
  if (code.startsWith('#!')) {
    let e = 2;
    while (e < n && !isLineBreak(code.charCodeAt(e))) e++;
    i = push('comment', 0, e);
  }
  while (i < n) {
    const c = code.charCodeAt(i);
    const next = code.charCodeAt(i + 1);
    const start = i;
    if (isSpace(c)) {
      while (i < n && isSpace(code.charCodeAt(i))) {
        if (isLineBreak(code.charCodeAt(i))) atLineStart = true;
        i++;
      }
      push('whitespace', start, i);
      continue;
    }
    // Comments: //, /* */, and the script-goal HTML-like forms <!-- and a line-leading -->.
    const htmlOpen = c === 60 && next === 33 && code.startsWith('<!--', i);
    const htmlClose = atLineStart && c === 45 && next === 45 && code.charCodeAt(i + 2) === 62;
    if ((c === 47 && next === 47) || htmlOpen || htmlClose) {
      while (i < n && !isLineBreak(code.charCodeAt(i))) i++;
      push('comment', start, i);
      continue;
    }
    if (c === 47 && next === 42) {
      const close = code.indexOf('*/', i + 2);
      const end = close === -1 ? n : close + 2;
      for (let k = i; k < end; k++) if (isLineBreak(code.charCodeAt(k))) { atLineStart = true; break; }
      i = push('comment', start, end);
      continue;
    }
    if (c === 39 || c === 34) {
      i = push('string', start, scanString(code, i + 1, c));
      continue;
    }
    if (c === 96) {
      const t = scanTemplate(code, i + 1);
      if (t.opensExpression) braces.push(true);
      i = push('template', start, t.end);
      continue;
    }
    if (c === 125 /* } */ && braces.length > 0 && braces[braces.length - 1]) {
      braces.pop();
      const t = scanTemplate(code, i + 1);
      if (t.opensExpression) braces.push(true);
      i = push('template', start, t.end);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(next))) {
      i = push('number', start, scanNumber(code, i));
      continue;
    }
    if (isIdentStart(c) || (c === 35 /* #private */ && isIdentStart(next))) {
      i++;
      while (i < n && isIdentPart(code.charCodeAt(i))) i++;
      push('identifier', start, i);
      continue;
    }
    if (c === 47 && i >= regexFailEnd && regexAllowed()) {
      const end = scanRegex(code, i + 1);
      if (end !== -1) {
        i = push('regex', start, end);
        continue;
      }
      let e = i + 1;
      while (e < n && !isLineBreak(code.charCodeAt(e))) e++;
      regexFailEnd = e;
    }
    if (c === 123) braces.push(false);
    else if (c === 125) braces.pop();
    let len = 1;
    if (PUNCTUATOR_SECOND_CHARS.has(next)) for (const p of PUNCTUATORS) {
      if (code.startsWith(p, i)) {
        // `?.5` is a conditional followed by a number, not optional chaining.
        if (p === '?.' && isDigit(code.charCodeAt(i + 2))) continue;
        len = p.length;
        break;
      }
    }
    i = push('punctuator', start, i + len);
  }
  return tokens;
}
