/**
 * Just enough POSIX shell reading to find which programs a RUN line starts: splits a
 * script into simple commands on `;`, `&&`, `||`, `|`, `&`, newlines, parentheses,
 * `$(` and backticks, honouring quotes, backslashes and `#` comments. Words keep the
 * offset where they start so findings point at them. Not a shell parser: no expansion.
 */

export interface ShellWord {
  /** The word with quotes and backslash escapes removed. */
  readonly value: string;
  readonly offset: number;
  /** True when any part of the word was quoted (then it is data, not syntax). */
  readonly quoted: boolean;
}

export type SimpleCommand = readonly ShellWord[];

const OPERATOR_CHARS = new Set([';', '&', '|', '(', ')', '`', '\n']);

export function simpleCommands(script: string): SimpleCommand[] {
  const commands: ShellWord[][] = [];
  let words: ShellWord[] = [];
  let value = '';
  let start = -1;
  let quoted = false;
  const endWord = (): void => {
    if (start >= 0) words.push({ value, offset: start, quoted });
    value = '';
    start = -1;
    quoted = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const begin = (i: number): void => {
    if (start < 0) start = i;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === "'") {
      begin(i);
      quoted = true;
      const close = script.indexOf("'", i + 1);
      const end = close < 0 ? script.length : close;
      value += script.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      begin(i);
      quoted = true;
      let j = i + 1;
      for (; j < script.length && script[j] !== '"'; j++) {
        if (script[j] === '\\' && j + 1 < script.length) j++;
        value += script[j];
      }
      i = j;
    } else if (c === '\\') {
      if (script[i + 1] === '\n') i++; // line continuation inside a heredoc script
      else if (i + 1 < script.length) {
        begin(i);
        value += script[++i];
      }
    } else if (c === '#' && start < 0) {
      const nl = script.indexOf('\n', i);
      i = (nl < 0 ? script.length : nl) - 1; // the newline itself ends the command
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
    } else if (c === '$' && script[i + 1] === '(') {
      endCommand();
      i++;
    } else if (c === '&' && start >= 0 && /[<>]$/.test(value)) {
      value += c; // a redirection such as 2>&1, not a separator
    } else if (OPERATOR_CHARS.has(c)) {
      endCommand();
    } else {
      begin(i);
      value += c;
    }
  }
  endCommand();
  return commands;
}

/** Words that run the command after them: `exec sudo x`, `env FOO=1 sudo x`, `if sudo x`. */
const PREFIX_WORDS = new Set(['exec', 'env', 'time', 'nohup', 'command', 'builtin', 'nice', 'xargs', 'stdbuf', '!', '{', 'if', 'then', 'do', 'else', 'elif', 'while', 'until']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The word naming the program a simple command runs, skipping assignments and wrappers like `env`. */
export function commandWord(command: SimpleCommand): { word: ShellWord; index: number } | undefined {
  let afterPrefix = false;
  for (let i = 0; i < command.length; i++) {
    const w = command[i];
    if (!w.quoted && ASSIGNMENT.test(w.value)) continue;
    if (!w.quoted && PREFIX_WORDS.has(w.value)) {
      afterPrefix = true;
      continue;
    }
    if (afterPrefix && w.value.startsWith('-')) continue; // e.g. `env -i`, `nice -n`
    return { word: w, index: i };
  }
  return undefined;
}

/** `/usr/bin/sudo` is `sudo`. */
export function programName(word: ShellWord): string {
  return word.value.slice(word.value.lastIndexOf('/') + 1);
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** The script of `sh -c "<script>"`, with the offset of its first character, if this command is one. */
export function nestedShellScript(command: SimpleCommand, text: string): { script: string; offset: number } | undefined {
  const found = commandWord(command);
  if (!found || !SHELLS.has(programName(found.word))) return undefined;
  for (let i = found.index + 1; i < command.length - 1; i++) {
    if (/^-[a-z]*c[a-z]*$/.test(command[i].value)) {
      const w = command[i + 1];
      const opensWithQuote = text[w.offset] === '"' || text[w.offset] === "'";
      return { script: w.value, offset: w.offset + (opensWithQuote ? 1 : 0) };
    }
  }
  return undefined;
}
