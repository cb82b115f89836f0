import { NO_ATTACK, type Inspection } from '../attack.js';
import type { UserInput } from '../context.js';
import { tokenizeShell, type ShellToken } from './tokenize.js';

// Characters that can never change how a POSIX shell splits or expands a word.
const INERT = /^[\w.,:+=@%/-]+$/;
const MAX_OCCURRENCES = 64;

function tokensCovering(tokens: readonly ShellToken[], start: number, end: number): ShellToken[] {
  const out: ShellToken[] = [];
  for (const t of tokens) if (t.end > start && t.start < end) out.push(t);
  while (out.length > 1 && out[0]!.kind === 'blank') out.shift();
  while (out.length > 1 && out[out.length - 1]!.kind === 'blank') out.pop();
  return out;
}

/**
 * Shell injection: an input string that occurs in the command line and covers more than one
 * shell token (a new word, an operator, a quote boundary) or any substitution. Input that stays
 * inside one quoted string or one plain word is data.
 */
export function detectShellInjection(command: string, inputs: readonly UserInput[]): Inspection & { source?: string } {
  let tokens: ShellToken[] | undefined;
  for (const input of inputs) {
    const value = input.value;
    if (value.length < 2 || value.length > command.length || INERT.test(value)) continue;
    let from = 0;
    for (let k = 0; k < MAX_OCCURRENCES; k++) {
      const at = command.indexOf(value, from);
      if (at === -1) break;
      tokens ??= tokenizeShell(command);
      const covered = tokensCovering(tokens, at, at + value.length);
      if (covered.length > 1 || covered.some((t) => t.kind === 'substitution' || t.kind === 'operator' || t.kind === 'comment')) {
        return { attack: true, kind: 'shell-injection', payload: value, reason: 'input changes the shell command\'s words or operators', source: input.source };
      }
      from = at + 1;
    }
  }
  return NO_ATTACK;
}
