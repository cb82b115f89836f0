import { NO_ATTACK, type Inspection } from '../attack.js';
import type { UserInput } from '../context.js';
import { scanSql, SQL_WHITESPACE, type SqlDialect, type SqlTokenSpans, type SqlTokenizeOptions } from './tokenize.js';

// Input made only of word characters cannot change SQL syntax on its own (it stays one token).
const PLAIN_WORD = /^[\w]+$/;
const MAX_OCCURRENCES = 64;

function firstTokenAt(tokens: SqlTokenSpans, pos: number): number {
  let lo = 0;
  let hi = tokens.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when the text range [start, end) covers more than one token, ignoring whitespace at its
 * edges: the input then changed the query's structure (closed a string, added an operator,
 * opened a comment) instead of sitting inside one literal or identifier.
 */
export function spansTokens(tokens: SqlTokenSpans, start: number, end: number): boolean {
  let first = firstTokenAt(tokens, start);
  let last = first;
  while (last + 1 < tokens.count && tokens.starts[last + 1]! < end) last++;
  while (first < last && tokens.kinds[first] === SQL_WHITESPACE) first++;
  while (last > first && tokens.kinds[last] === SQL_WHITESPACE) last--;
  return last > first;
}

/**
 * SQL injection: an input string of 2+ characters that occurs in the query text and spans more
 * than one token of the dialect's tokenization. Parameter values never reach the text, so a
 * parameterized query is never flagged.
 */
export function detectSqlInjection(
  sql: string,
  inputs: readonly UserInput[],
  dialect: SqlDialect,
  options: SqlTokenizeOptions = {},
): Inspection & { source?: string } {
  // Scanned once, at the first occurrence of an input (the buffers stay valid: nothing scans in between).
  let tokens: SqlTokenSpans | undefined;
  for (const input of inputs) {
    const value = input.value;
    if (value.length < 2 || value.length > sql.length || PLAIN_WORD.test(value)) continue;
    let from = 0;
    for (let k = 0; k < MAX_OCCURRENCES; k++) {
      const at = sql.indexOf(value, from);
      if (at === -1) break;
      tokens ??= scanSql(sql, dialect, options);
      if (spansTokens(tokens, at, at + value.length)) {
        return { attack: true, kind: 'sql-injection', payload: value, reason: `input changes the ${dialect} query's syntax`, source: input.source };
      }
      from = at + 1;
    }
  }
  return NO_ATTACK;
}
