import { NO_ATTACK, type Inspection } from '../attack.js';
import type { UserInput } from '../context.js';
import { tokenizeJs, type JsToken } from './tokenize.js';

// Input made only of identifier characters stays one token (a name or a number) wherever it lands.
const PLAIN_WORD = /^[\w$]+$/;
const MAX_OCCURRENCES = 64;
const LITERAL_WORDS = new Set(['true', 'false', 'null']);
// Tokens that run on past their opening: input that opens one swallows the app's code after it.
const OPEN_ENDED = new Set(['comment', 'string', 'template', 'regex']);

function tokensCovering(tokens: readonly JsToken[], start: number, end: number): JsToken[] {
  // Binary search for the first token that ends after `start`.
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: JsToken[] = [];
  for (let k = lo; k < tokens.length && tokens[k]!.start < end; k++) out.push(tokens[k]!);
  while (out.length > 1 && out[0]!.kind === 'whitespace') out.shift();
  while (out.length > 1 && out[out.length - 1]!.kind === 'whitespace') out.pop();
  return out;
}

/**
 * Multi-token input that is still one value: a signed number (`-5`) or a whole JSON array or
 * object (`{"a":[1,2]}`) the input opens and closes itself. It names nothing, calls nothing and
 * cannot leave a literal the app opened, so it is data even where the app evaluates it.
 */
function isDataLiteral(code: string, covered: readonly JsToken[], start: number, end: number): boolean {
  const first = covered[0]!;
  const last = covered[covered.length - 1]!;
  if (first.start < start || last.end > end) return false; // the input began or ended inside an app token
  const text = (t: JsToken) => code.slice(t.start, t.end);
  const significant = covered.filter((t) => t.kind !== 'whitespace');
  if (significant.length === 2 && (text(significant[0]!) === '-' || text(significant[0]!) === '+') && significant[1]!.kind === 'number') return true;
  const open = text(first);
  if (open !== '{' && open !== '[') return false;
  let depth = 0;
  for (let k = 0; k < significant.length; k++) {
    const t = significant[k]!;
    if (t.kind === 'string' || t.kind === 'number') continue;
    if (t.kind === 'identifier' && LITERAL_WORDS.has(text(t))) continue;
    if (t.kind !== 'punctuator') return false;
    const p = text(t);
    if (p === '{' || p === '[') depth++;
    else if (p === '}' || p === ']') {
      depth--;
      // The literal closes only at the input's last token: `{}, evil({})` is not one value.
      if (depth === 0 && k !== significant.length - 1) return false;
      if (depth < 0) return false;
    } else if (p !== ',' && p !== ':' && p !== '-') return false;
  }
  return depth === 0;
}

/**
 * Code injection (eval, Function, vm): an input string of 2+ characters that occurs in the code
 * and covers more than one JavaScript token, unless those tokens are one data value (a signed
 * number, a JSON literal). Input inside one string, template text, comment or regex is data.
 */
export function detectCodeInjection(code: string, inputs: readonly UserInput[]): Inspection & { source?: string } {
  let tokens: JsToken[] | undefined;
  for (const input of inputs) {
    const value = input.value;
    if (value.length < 2 || value.length > code.length || PLAIN_WORD.test(value)) continue;
    let from = 0;
    for (let k = 0; k < MAX_OCCURRENCES; k++) {
      const at = code.indexOf(value, from);
      if (at === -1) break;
      tokens ??= tokenizeJs(code);
      const covered = tokensCovering(tokens, at, at + value.length);
      const first = covered[0]!;
      const opened = covered.length === 1 && first.start >= at && first.end > at + value.length && OPEN_ENDED.has(first.kind);
      if (opened || (covered.length > 1 && !isDataLiteral(code, covered, at, at + value.length))) {
        return { attack: true, kind: 'code-injection', payload: value, reason: 'input changes the JavaScript code\'s tokens', source: input.source };
      }
      from = at + 1;
    }
  }
  return NO_ATTACK;
}
