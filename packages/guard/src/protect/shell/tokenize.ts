/**
 * A POSIX shell (sh/bash) tokenizer for injection decisions. It splits a command line into
 * pieces whose boundaries an attacker could move: unquoted word text, single-quoted and
 * double-quoted text, substitutions ($(..), `..`, ${..}, $name), operators (; & | && || < > >>,
 * newline), comments and blanks. Linear time, never throws; unterminated quotes run to the end.
 */

export type ShellTokenKind =
  | 'blank'
  | 'word-text'
  | 'single-quoted'
  | 'double-quoted'
  | 'substitution'
  | 'operator'
  | 'comment';

export interface ShellToken {
  readonly kind: ShellTokenKind;
  readonly start: number;
  readonly end: number;
}

const OPERATOR_CHARS = new Set([';', '&', '|', '<', '>', '(', ')', '\n']);
const isBlank = (ch: string) => ch === ' ' || ch === '\t';
const isNameChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_]/.test(ch);

/** Skips a $(...) or `...` or ${...} body, tracking nesting and quotes; returns the index after it. */
function skipSubstitution(cmd: string, i: number): number {
  const n = cmd.length;
  if (cmd[i] === '`') {
    i++;
    while (i < n && cmd[i] !== '`') i += cmd[i] === '\\' ? 2 : 1;
    return Math.min(i + 1, n);
  }
  // cmd[i] === '$'
  const open = cmd[i + 1];
  if (open === '(' || open === '{') {
    const close = open === '(' ? ')' : '}';
    let depth = 1;
    i += 2;
    while (i < n && depth > 0) {
      const ch = cmd[i]!;
      if (ch === '\\') i += 2;
      else if (ch === "'" && open === '(') {
        const q = cmd.indexOf("'", i + 1);
        i = q === -1 ? n : q + 1;
      } else {
        if (ch === open) depth++;
        else if (ch === close) depth--;
        i++;
      }
    }
    return Math.min(i, n);
  }
  i++;
  if (cmd[i] !== undefined && /[@*#?$!0-9-]/.test(cmd[i]!)) return i + 1;
  while (isNameChar(cmd[i])) i++;
  return i;
}

const startsSubstitution = (cmd: string, i: number) =>
  cmd[i] === '`' || (cmd[i] === '$' && (cmd[i + 1] === '(' || cmd[i + 1] === '{' || (cmd[i + 1] !== undefined && /[A-Za-z_@*#?$!0-9-]/.test(cmd[i + 1]!))));

export function tokenizeShell(cmd: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  const n = cmd.length;
  let i = 0;
  let atWordStart = true;
  while (i < n) {
    const ch = cmd[i]!;
    const start = i;
    if (isBlank(ch)) {
      while (i < n && isBlank(cmd[i]!)) i++;
      tokens.push({ kind: 'blank', start, end: i });
      atWordStart = true;
      continue;
    }
    if (ch === '#' && atWordStart) {
      const nl = cmd.indexOf('\n', i);
      i = nl === -1 ? n : nl;
      tokens.push({ kind: 'comment', start, end: i });
      continue;
    }
    if (OPERATOR_CHARS.has(ch)) {
      i++;
      while (i < n && OPERATOR_CHARS.has(cmd[i]!) && cmd[i] !== '\n' && ch !== '\n' && i - start < 3) i++;
      tokens.push({ kind: 'operator', start, end: i });
      atWordStart = true;
      continue;
    }
    atWordStart = false;
    if (ch === "'") {
      const q = cmd.indexOf("'", i + 1);
      i = q === -1 ? n : q + 1;
      tokens.push({ kind: 'single-quoted', start, end: i });
      continue;
    }
    if (ch === '"') {
      // Double quotes keep text literal except substitutions, which become their own tokens.
      i++;
      let textStart = start;
      while (i < n && cmd[i] !== '"') {
        if (cmd[i] === '\\') {
          i += 2;
          continue;
        }
        if (startsSubstitution(cmd, i)) {
          if (i > textStart) tokens.push({ kind: 'double-quoted', start: textStart, end: i });
          const end = skipSubstitution(cmd, i);
          tokens.push({ kind: 'substitution', start: i, end });
          i = end;
          textStart = i;
          continue;
        }
        i++;
      }
      i = Math.min(i + 1, n);
      tokens.push({ kind: 'double-quoted', start: textStart, end: i });
      continue;
    }
    if (startsSubstitution(cmd, i)) {
      const end = skipSubstitution(cmd, i);
      tokens.push({ kind: 'substitution', start, end });
      i = end;
      continue;
    }
    // Unquoted word text up to a blank, operator, quote or substitution; backslash escapes one char.
    while (i < n) {
      const c = cmd[i]!;
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (isBlank(c) || OPERATOR_CHARS.has(c) || c === "'" || c === '"' || startsSubstitution(cmd, i)) break;
      i++;
    }
    i = Math.min(Math.max(i, start + 1), n);
    tokens.push({ kind: 'word-text', start, end: i });
  }
  return tokens;
}
