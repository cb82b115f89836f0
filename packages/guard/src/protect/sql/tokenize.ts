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

export function tokenizeSql(sql: string, dialect: SqlDialect, options: SqlTokenizeOptions = {}): SqlToken[] {
  const tokens: SqlToken[] = [];
  const n = sql.length;
  const operatorBit = dialect === 'postgres' ? PG_OPERATOR : dialect === 'mysql' ? MYSQL_OPERATOR : SQLITE_OPERATOR;
  const pgBackslashInPlain = dialect === 'postgres' && options.standardConformingStrings === false;
  let i = 0;
  // Every token is at least one character long and ends inside the text; returns its end.
  const push = (kind: SqlTokenKind, start: number, end: number) => {
    const e = end <= start ? start + 1 : end > n ? n : end;
    tokens.push({ kind, start, end: e });
    return e;
  };
  while (i < n) {
    const c = sql.charCodeAt(i);
    const next = sql.charCodeAt(i + 1);
    const start = i;
    if (isSpace(c)) {
      while (i < n && isSpace(sql.charCodeAt(i))) i++;
      push('whitespace', start, i);
      continue;
    }
    // Line comments: `--` everywhere (MySQL needs a space or control char after it), `#` in MySQL.
    if ((c === 45 && next === 45 && (dialect !== 'mysql' || i + 2 >= n || sql.charCodeAt(i + 2) <= 32)) || (c === 35 && dialect === 'mysql')) {
      const nl = sql.indexOf('\n', i);
      i = push('comment', start, nl === -1 ? n : nl);
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
        i = push('comment', start, i);
      } else {
        const close = sql.indexOf('*/', i + 2);
        i = push('comment', start, close === -1 ? n : close + 2);
      }
      continue;
    }
    // String literals with dialect prefixes: E'' (backslash escapes), B'', X'', N'', U&''.
    if (c === 39 /* ' */) {
      const backslash = dialect === 'mysql' || pgBackslashInPlain;
      i = push('string', start, scanQuoted(sql, i + 1, 39, backslash));
      continue;
    }
    if ((c === 69 || c === 101) && next === 39 && dialect === 'postgres') {
      i = push('string', start, scanQuoted(sql, i + 2, 39, true));
      continue;
    }
    if ((c === 66 || c === 98 || c === 88 || c === 120 || c === 78 || c === 110) && next === 39) {
      i = push('string', start, scanQuoted(sql, i + 2, 39, dialect === 'mysql' && (c === 78 || c === 110)));
      continue;
    }
    if ((c === 85 || c === 117) && next === 38 /* & */ && dialect === 'postgres' && (sql.charCodeAt(i + 2) === 39 || sql.charCodeAt(i + 2) === 34)) {
      const q = sql.charCodeAt(i + 2);
      i = push(q === 39 ? 'string' : 'quoted-identifier', start, scanQuoted(sql, i + 3, q, false));
      continue;
    }
    if (c === 34 /* " */) {
      // MySQL (without ANSI_QUOTES) reads "..." as a string with backslash escapes.
      if (dialect === 'mysql') i = push('string', start, scanQuoted(sql, i + 1, 34, true));
      else i = push('quoted-identifier', start, scanQuoted(sql, i + 1, 34, false));
      continue;
    }
    if (c === 96 /* ` */ && dialect !== 'postgres') {
      i = push('quoted-identifier', start, scanQuoted(sql, i + 1, 96, false));
      continue;
    }
    if (c === 91 /* [ */ && dialect === 'sqlite') {
      const close = sql.indexOf(']', i + 1);
      i = push('quoted-identifier', start, close === -1 ? n : close + 1);
      continue;
    }
    if (c === 36 /* $ */ && dialect === 'postgres') {
      if (isDigit(next)) {
        i++;
        while (i < n && isDigit(sql.charCodeAt(i))) i++;
        push('parameter', start, i);
        continue;
      }
      // Dollar quoting: $$...$$ or $tag$...$tag$.
      let j = i + 1;
      if (isIdentStart(sql.charCodeAt(j))) while (j < n && isIdentPart(sql.charCodeAt(j)) && sql.charCodeAt(j) !== 36) j++;
      if (sql.charCodeAt(j) === 36) {
        const tag = sql.slice(i, j + 1);
        const close = sql.indexOf(tag, j + 1);
        i = push('string', start, close === -1 ? n : close + tag.length);
        continue;
      }
    }
    if (isDigit(c) || (c === 46 && isDigit(next))) {
      i = push('number', start, scanNumber(sql, i));
      // 1e / 123abc: an identifier glued to a number is a separate token; the loop handles it.
      continue;
    }
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(sql.charCodeAt(i))) i++;
      push('identifier', start, i);
      continue;
    }
    // Placeholders: ? and ?NNN, :name, @name, $name (SQLite); @var and @@var (MySQL).
    if (c === 63 && dialect !== 'postgres') {
      i++;
      while (i < n && isDigit(sql.charCodeAt(i))) i++;
      push('parameter', start, i);
      continue;
    }
    if ((c === 58 || c === 64 || c === 36) && dialect === 'sqlite' && isIdentStart(next)) {
      i++;
      while (i < n && isIdentPart(sql.charCodeAt(i))) i++;
      push('parameter', start, i);
      continue;
    }
    if (c === 64 && dialect === 'mysql') {
      i++;
      if (sql.charCodeAt(i) === 64) i++;
      while (i < n && (isIdentPart(sql.charCodeAt(i)) || sql[i] === '.')) i++;
      push('parameter', start, i);
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
      push('operator', start, i);
      continue;
    }
    if (c === 58 && next === 58 && dialect === 'postgres') {
      i = push('operator', start, i + 2);
      continue;
    }
    i = push('punctuation', start, i + 1);
  }
  return tokens;
}
