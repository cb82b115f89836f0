/**
 * Hand-written SQL tokenizers for PostgreSQL, MySQL/MariaDB and SQLite. They decide injection, so
 * they follow each dialect's lexical rules exactly where an attacker could exploit a difference:
 * string escapes, dollar quoting, comment nesting, quoted identifiers. One pass, each character
 * visited a bounded number of times (linear time), and they never throw: unterminated strings and
 * comments simply run to the end of the text.
 */

export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

export type SqlTokenKind =
  | 'whitespace'
  | 'comment'
  | 'string'
  | 'identifier'
  | 'quoted-identifier'
  | 'number'
  | 'parameter'
  | 'operator'
  | 'punctuation';

export interface SqlToken {
  readonly kind: SqlTokenKind;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface SqlTokenizeOptions {
  /** PostgreSQL: when false, backslash escapes in plain '' strings too (standard_conforming_strings = off). */
  readonly standardConformingStrings?: boolean;
}

// Character classes of ASCII, one table lookup per character instead of a chain of comparisons.
const SPACE = 1;
const DIGIT = 2;
const IDENT_START = 4;
const IDENT_PART = 8;
const PG_OPERATOR = 16;
const MYSQL_OPERATOR = 32;
const SQLITE_OPERATOR = 64;
const ASCII = new Uint8Array(128);
for (let c = 9; c <= 13; c++) ASCII[c] = SPACE;
ASCII[32] = SPACE;
for (let c = 48; c <= 57; c++) ASCII[c] = DIGIT | IDENT_PART;
for (let c = 65; c <= 90; c++) ASCII[c] = IDENT_START | IDENT_PART;
for (let c = 97; c <= 122; c++) ASCII[c] = IDENT_START | IDENT_PART;
ASCII[95] = IDENT_START | IDENT_PART; // _
ASCII[36] = IDENT_PART; // $
for (const [chars, bit] of [['+-*/<>=~!@#%^&|`?', PG_OPERATOR], ['+-*/<>=~!%^&|:', MYSQL_OPERATOR], ['+-*/<>=~!%&|', SQLITE_OPERATOR]] as const) {
  for (const ch of chars) ASCII[ch.charCodeAt(0)]! |= bit;
}

// NaN (past the end) is in no class: every table test below is false for it.
const isSpace = (c: number) => (c < 128 ? (ASCII[c]! & SPACE) !== 0 : c === 0xa0 || c === 0xfeff);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c < 128 ? (ASCII[c]! & IDENT_START) !== 0 : c >= 128);
const isIdentPart = (c: number) => (c < 128 ? (ASCII[c]! & IDENT_PART) !== 0 : c >= 128);
const isOperator = (c: number, bit: number) => c < 128 && (ASCII[c]! & bit) !== 0;

/** Scans a quoted run starting after the opening quote; returns the index after the closing quote. */
function scanQuoted(sql: string, i: number, quote: number, backslash: boolean): number {
  const n = sql.length;
  while (i < n) {
    const c = sql.charCodeAt(i);
    if (backslash && c === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (c === quote) {
      if (sql.charCodeAt(i + 1) === quote) {
        i += 2; // doubled quote is an escaped quote in every dialect
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return n;
}

function scanNumber(sql: string, i: number): number {
  const n = sql.length;
  if (sql.charCodeAt(i) === 48 && (sql[i + 1] === 'x' || sql[i + 1] === 'X' || sql[i + 1] === 'b' || sql[i + 1] === 'B' || sql[i + 1] === 'o' || sql[i + 1] === 'O')) {
    i += 2;
    while (i < n && /[0-9a-fA-F_]/.test(sql[i]!)) i++;
    return i;
  }
  while (i < n && (isDigit(sql.charCodeAt(i)) || sql[i] === '_')) i++;
  if (sql[i] === '.') {
    i++;
    while (i < n && isDigit(sql.charCodeAt(i))) i++;
  }
  if ((sql[i] === 'e' || sql[i] === 'E') && (isDigit(sql.charCodeAt(i + 1)) || ((sql[i + 1] === '+' || sql[i + 1] === '-') && isDigit(sql.charCodeAt(i + 2))))) {
    i += 2;
    while (i < n && isDigit(sql.charCodeAt(i))) i++;
  }
  return i;
}

// Token kinds as small numbers in the scan's buffers; KIND_NAMES gives the public names.
const KIND_NAMES: readonly SqlTokenKind[] = ['whitespace', 'comment', 'string', 'identifier', 'quoted-identifier', 'number', 'parameter', 'operator', 'punctuation'];
export const SQL_WHITESPACE = 0;
const COMMENT = 1;
const STRING = 2;
const IDENTIFIER = 3;
const QUOTED_IDENTIFIER = 4;
const NUMBER = 5;
const PARAMETER = 6;
const OPERATOR = 7;
const PUNCTUATION = 8;

/**
 * One scan's tokens as parallel arrays (kind code, start, exclusive end), `count` long. The
 * buffers are reused by the next scan: detection reads them before scanning again, and a
 * sink check allocates no object per token.
 */
export interface SqlTokenSpans {
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const spans = { count: 0, kinds: new Uint8Array(256), starts: new Int32Array(256), ends: new Int32Array(256) };
// What the buffers hold now: an app sends the same query text again and again (a page's query,
// a polled endpoint), and comparing two strings costs far less than tokenizing one.
let scannedSql: string | undefined;
let scannedDialect: SqlDialect | undefined;
let scannedPgBackslash = false;
const MAX_REMEMBERED = 65_536;

// Every token is at least one character long and ends inside the text; returns its end.
function push(kind: number, start: number, end: number, n: number): number {
  const e = end <= start ? start + 1 : end > n ? n : end;
  let k = spans.count;
  if (k === spans.kinds.length) {
    const kinds = new Uint8Array(k * 2);
    const starts = new Int32Array(k * 2);
    const ends = new Int32Array(k * 2);
    kinds.set(spans.kinds);
    starts.set(spans.starts);
    ends.set(spans.ends);
    spans.kinds = kinds;
    spans.starts = starts;
    spans.ends = ends;
  }
  spans.kinds[k] = kind;
  spans.starts[k] = start;
  spans.ends[k] = e;
  spans.count = k + 1;
  return e;
}

export function tokenizeSql(sql: string, dialect: SqlDialect, options: SqlTokenizeOptions = {}): SqlToken[] {
  const { count, kinds, starts, ends } = scanSql(sql, dialect, options);
  const tokens: SqlToken[] = [];
  for (let k = 0; k < count; k++) tokens.push({ kind: KIND_NAMES[kinds[k]!]!, start: starts[k]!, end: ends[k]! });
  return tokens;
}

/** The tokenization into reused buffers, valid until the next scan (see SqlTokenSpans). */
export function scanSql(sql: string, dialect: SqlDialect, options: SqlTokenizeOptions = {}): SqlTokenSpans {
  const pgBackslashInPlain = dialect === 'postgres' && options.standardConformingStrings === false;
  if (scannedSql === sql && scannedDialect === dialect && scannedPgBackslash === pgBackslashInPlain) return spans;
  scannedSql = undefined;
  spans.count = 0;
  // A huge query's buffers are not kept for the small ones that follow.
  if (spans.kinds.length > 65_536) Object.assign(spans, { kinds: new Uint8Array(256), starts: new Int32Array(256), ends: new Int32Array(256) });
  const n = sql.length;
  const operatorBit = dialect === 'postgres' ? PG_OPERATOR : dialect === 'mysql' ? MYSQL_OPERATOR : SQLITE_OPERATOR;
  let i = 0;
  while (i < n) {
    const c = sql.charCodeAt(i);
    const next = sql.charCodeAt(i + 1);
    const start = i;
    if (isSpace(c)) {
      while (i < n && isSpace(sql.charCodeAt(i))) i++;
      push(SQL_WHITESPACE, start, i, n);
      continue;
    }
    // Line comments: `--` everywhere (MySQL needs a space or control char after it), `#` in MySQL.
    if ((c === 45 && next === 45 && (dialect !== 'mysql' || i + 2 >= n || sql.charCodeAt(i + 2) <= 32)) || (c === 35 && dialect === 'mysql')) {
      const nl = sql.indexOf('\n', i);
      i = push(COMMENT, start, nl === -1 ? n : nl, n);
      continue;
    }
    if (c === 47 && next === 42 /* /* */) {
      if (dialect === 'postgres') {
        // PostgreSQL block comments nest.
        let depth = 1;
        i += 2;
        while (i < n && depth > 0) {
          if (sql.charCodeAt(i) === 47 && sql.charCodeAt(i + 1) === 42) {
            depth++;
            i += 2;
          } else if (sql.charCodeAt(i) === 42 && sql.charCodeAt(i + 1) === 47) {
            depth--;
            i += 2;
          } else i++;
        }
        i = push(COMMENT, start, i, n);
      } else {
        const close = sql.indexOf('*/', i + 2);
        i = push(COMMENT, start, close === -1 ? n : close + 2, n);
      }
      continue;
    }
    // String literals with dialect prefixes: E'' (backslash escapes), B'', X'', N'', U&''.
    if (c === 39 /* ' */) {
      const backslash = dialect === 'mysql' || pgBackslashInPlain;
      i = push(STRING, start, scanQuoted(sql, i + 1, 39, backslash), n);
      continue;
    }
    if ((c === 69 || c === 101) && next === 39 && dialect === 'postgres') {
      i = push(STRING, start, scanQuoted(sql, i + 2, 39, true), n);
      continue;
    }
    if ((c === 66 || c === 98 || c === 88 || c === 120 || c === 78 || c === 110) && next === 39) {
      i = push(STRING, start, scanQuoted(sql, i + 2, 39, dialect === 'mysql' && (c === 78 || c === 110)), n);
      continue;
    }
    if ((c === 85 || c === 117) && next === 38 /* & */ && dialect === 'postgres' && (sql.charCodeAt(i + 2) === 39 || sql.charCodeAt(i + 2) === 34)) {
      const q = sql.charCodeAt(i + 2);
      i = push(q === 39 ? STRING : QUOTED_IDENTIFIER, start, scanQuoted(sql, i + 3, q, false), n);
      continue;
    }
    if (c === 34 /* " */) {
      // MySQL (without ANSI_QUOTES) reads "..." as a string with backslash escapes.
      if (dialect === 'mysql') i = push(STRING, start, scanQuoted(sql, i + 1, 34, true), n);
      else i = push(QUOTED_IDENTIFIER, start, scanQuoted(sql, i + 1, 34, false), n);
      continue;
    }
    if (c === 96 /* ` */ && dialect !== 'postgres') {
      i = push(QUOTED_IDENTIFIER, start, scanQuoted(sql, i + 1, 96, false), n);
      continue;
    }
    if (c === 91 /* [ */ && dialect === 'sqlite') {
      const close = sql.indexOf(']', i + 1);
      i = push(QUOTED_IDENTIFIER, start, close === -1 ? n : close + 1, n);
      continue;
    }
    if (c === 36 /* $ */ && dialect === 'postgres') {
      if (isDigit(next)) {
        i++;
        while (i < n && isDigit(sql.charCodeAt(i))) i++;
        push(PARAMETER, start, i, n);
        continue;
      }
      // Dollar quoting: $$...$$ or $tag$...$tag$.
      let j = i + 1;
      if (isIdentStart(sql.charCodeAt(j))) while (j < n && isIdentPart(sql.charCodeAt(j)) && sql.charCodeAt(j) !== 36) j++;
      if (sql.charCodeAt(j) === 36) {
        const tag = sql.slice(i, j + 1);
        const close = sql.indexOf(tag, j + 1);
        i = push(STRING, start, close === -1 ? n : close + tag.length, n);
        continue;
      }
    }
    if (isDigit(c) || (c === 46 && isDigit(next))) {
      i = push(NUMBER, start, scanNumber(sql, i), n);
      // 1e / 123abc: an identifier glued to a number is a separate token; the loop handles it.
      continue;
    }
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(sql.charCodeAt(i))) i++;
      push(IDENTIFIER, start, i, n);
      continue;
    }
    // Placeholders: ? and ?NNN, :name, @name, $name (SQLite); @var and @@var (MySQL).
    if (c === 63 && dialect !== 'postgres') {
      i++;
      while (i < n && isDigit(sql.charCodeAt(i))) i++;
      push(PARAMETER, start, i, n);
      continue;
    }
    if ((c === 58 || c === 64 || c === 36) && dialect === 'sqlite' && isIdentStart(next)) {
      i++;
      while (i < n && isIdentPart(sql.charCodeAt(i))) i++;
      push(PARAMETER, start, i, n);
      continue;
    }
    if (c === 64 && dialect === 'mysql') {
      i++;
      if (sql.charCodeAt(i) === 64) i++;
      while (i < n && (isIdentPart(sql.charCodeAt(i)) || sql[i] === '.')) i++;
      push(PARAMETER, start, i, n);
      continue;
    }
    if (isOperator(c, operatorBit)) {
      i++;
      // An operator run stops where a comment starts, as the real lexers do.
      while (i < n && isOperator(sql.charCodeAt(i), operatorBit)) {
        const a = sql.charCodeAt(i);
        const b = sql.charCodeAt(i + 1);
        if ((a === 45 && b === 45) || (a === 47 && b === 42)) break;
        i++;
      }
      push(OPERATOR, start, i, n);
      continue;
    }
    if (c === 58 && next === 58 && dialect === 'postgres') {
      i = push(OPERATOR, start, i + 2, n);
      continue;
    }
    i = push(PUNCTUATION, start, i + 1, n);
  }
  if (n <= MAX_REMEMBERED) {
    scannedSql = sql;
    scannedDialect = dialect;
    scannedPgBackslash = pgBackslashInPlain;
  }
  return spans;
}
