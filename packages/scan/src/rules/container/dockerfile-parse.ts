/**
 * A small Dockerfile reader for the container rules. It follows BuildKit's parser where it
 * matters for them: parser directives (`# escape=`), line continuations (with comment and
 * blank lines inside them dropped), heredocs on RUN/COPY/ADD, exec (JSON) and shell forms,
 * leading `--flags`, and stages (`FROM image AS name`). It never throws: text it cannot
 * make sense of becomes fewer instructions, not an error.
 */

/** Where a piece of instruction text came from, so offsets map back to lines. */
interface Fragment {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Text plus a way back to its 1-based line and column in the Dockerfile. */
export interface LocatedText {
  readonly text: string;
  position(offset: number): { line: number; column: number };
}

export interface Heredoc extends LocatedText {
  /** The delimiter word, e.g. "EOF". */
  readonly delimiter: string;
}

export interface Instruction {
  /** Upper-case keyword: "RUN", "USER", "FROM"... */
  readonly keyword: string;
  /** 1-based line of the keyword. */
  readonly line: number;
  readonly column: number;
  /** Last line of the instruction, heredoc bodies included. */
  readonly endLine: number;
  /** Leading `--name[=value]` options, e.g. `--mount` on RUN or `--platform` on FROM. */
  readonly flags: ReadonlyMap<string, string>;
  /** Everything after the keyword and the flags, continuations joined as BuildKit joins them. */
  readonly body: LocatedText;
  /** The exec form's words when the body is a JSON array of strings (`RUN ["npm", "ci"]`). */
  readonly exec?: readonly string[];
  readonly heredocs: readonly Heredoc[];
}

export interface Stage {
  /** 0-based position among the FROM instructions. */
  readonly index: number;
  readonly from: Instruction;
  /** The image reference as written, e.g. "node:20-alpine" or "${BASE}". */
  readonly image: string;
  /** Lower-cased `AS` name; stage names are case-insensitive. */
  readonly name?: string;
  /** The earlier stage this one builds on (`FROM builder`), if any. */
  readonly parent?: Stage;
  /** Instructions after the FROM, up to the next FROM. */
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  readonly escape: '\\' | '`';
  /** ARGs before the first FROM: they parameterise FROM lines. */
  readonly globals: readonly Instruction[];
  readonly stages: readonly Stage[];
}

/** A word of a space-separated argument list, quotes removed, with its offset in the text. */
export interface Word {
  readonly value: string;
  readonly offset: number;
}

/** `NAME=value` in ENV or ARG; `value` is undefined for `ARG NAME`. */
export interface Assignment {
  readonly name: string;
  readonly value?: string;
  readonly offset: number;
}

const DIRECTIVE = /^\s*#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['escape', 'syntax', 'check']);
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);
// `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`; not the here-string `<<<`.
const HEREDOC_MARKER = /(?<!<)<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2(?![A-Za-z0-9_])/g;

/** Docker reads `Dockerfile`, `dockerfile`, `Containerfile`, `*.dockerfile` and `Dockerfile.*` as Dockerfiles. */
const NOT_A_DOCKERFILE_EXTENSION = /\.(dockerignore|md|markdown|rst|txt|json|ya?ml|sh|ps1|orig|rej)$/i;

export function isDockerfilePath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'dockerfile' || base === 'containerfile') return true;
  if (base.endsWith('.dockerfile') || base.endsWith('.containerfile')) return true;
  return (base.startsWith('dockerfile.') || base.startsWith('containerfile.')) && !NOT_A_DOCKERFILE_EXTENSION.test(base);
}

function locate(fragments: readonly Fragment[]): (offset: number) => { line: number; column: number } {
  return (offset) => {
    let f = fragments[0];
    for (const g of fragments) {
      if (g.offset > offset) break;
      f = g;
    }
    return { line: f.line, column: f.column + (offset - f.offset) };
  };
}

function sliceLocated(text: LocatedText, from: number): LocatedText {
  return { text: text.text.slice(from), position: (offset) => text.position(offset + from) };
}

/** Leading `--name=value` options of an instruction body. */
function splitFlags(body: LocatedText): { flags: Map<string, string>; rest: LocatedText } {
  const flags = new Map<string, string>();
  let at = body.text.length - body.text.trimStart().length;
  const flag = /--([A-Za-z][\w-]*)(?:=("[^"]*"|'[^']*'|\S*))?\s*/y;
  for (;;) {
    flag.lastIndex = at;
    const m = flag.exec(body.text);
    if (!m) break;
    flags.set(m[1].toLowerCase(), (m[2] ?? '').replace(/^(["'])(.*)\1$/, '$2'));
    at = flag.lastIndex;
  }
  return { flags, rest: sliceLocated(body, at) };
}

function parseExecForm(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(t);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined; // BuildKit falls back to the shell form, and so do we.
  }
}

/**
 * Splits on unquoted whitespace, removing quotes and backslash escapes the way ENV, ARG,
 * USER and FROM arguments are read. `escape` is the file's escape character.
 */
export function splitWords(text: string, escape: string = '\\'): Word[] {
  const words: Word[] = [];
  let value = '';
  let start = -1;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === escape && quote === '"' && i + 1 < text.length) value += text[++i];
      else value += c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (start >= 0) words.push({ value, offset: start });
      value = '';
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (c === '"' || c === "'") quote = c;
    else if (c === escape && i + 1 < text.length) value += text[++i];
    else value += c;
  }
  if (start >= 0) words.push({ value, offset: start });
  return words;
}

/**
 * The names and values an ENV or ARG instruction sets. ENV also has a legacy form,
 * `ENV NAME the rest is the value`, used when the first word has no `=`.
 */
export function assignments(instruction: Instruction, escape: string = '\\'): Assignment[] {
  const text = instruction.body.text;
  const words = splitWords(text, escape);
  if (words.length === 0) return [];
  const out: Assignment[] = [];
  if (instruction.keyword === 'ENV' && !words[0].value.includes('=')) {
    const rest = text.slice(words[0].offset + text.slice(words[0].offset).search(/\s|$/)).trim();
    out.push({ name: words[0].value, value: rest.replace(/^(["'])(.*)\1$/, '$2'), offset: words[0].offset });
    return out;
  }
  for (const w of words) {
    const eq = w.value.indexOf('=');
    if (eq < 0) out.push({ name: w.value, offset: w.offset });
    else out.push({ name: w.value.slice(0, eq), value: w.value.slice(eq + 1), offset: w.offset });
  }
  return out.filter((a) => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(a.name));
}

interface RawLine {
  readonly text: string;
  readonly line: number;
}

function readHeredocs(body: string, lines: readonly RawLine[], at: number): { heredocs: Heredoc[]; next: number } {
  const heredocs: Heredoc[] = [];
  let i = at;
  for (const m of body.matchAll(HEREDOC_MARKER)) {
    const stripTabs = m[1] === '-';
    const delimiter = m[3];
    const bodyLines: RawLine[] = [];
    while (i < lines.length) {
      const l = lines[i++];
      const candidate = stripTabs ? l.text.replace(/^\t+/, '') : l.text;
      if (candidate === delimiter) break;
      bodyLines.push({ text: candidate, line: l.line });
    }
    const fragments: Fragment[] = [];
    let offset = 0;
    for (const l of bodyLines) {
      fragments.push({ offset, line: l.line, column: 1 });
      offset += l.text.length + 1;
    }
    const text = bodyLines.map((l) => l.text).join('\n');
    const fallback = lines[Math.min(at, lines.length - 1)]?.line ?? 1;
    heredocs.push({ delimiter, text, position: fragments.length > 0 ? locate(fragments) : () => ({ line: fallback, column: 1 }) });
  }
  return { heredocs, next: i };
}

function parseInstructions(text: string): { escape: '\\' | '`'; instructions: Instruction[] } {
  const lines: RawLine[] = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((t, i) => ({ text: t.endsWith('\r') ? t.slice(0, -1) : t, line: i + 1 }));
  let i = 0;
  let escape: '\\' | '`' = '\\';
  // Parser directives: only at the very top, each at most once, ended by anything else.
  const seen = new Set<string>();
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i].text);
    const name = m?.[1].toLowerCase();
    if (!m || !name || !KNOWN_DIRECTIVES.has(name) || seen.has(name)) break;
    seen.add(name);
    if (name === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const continuation = new RegExp(`${escape === '`' ? '`' : '\\\\'}[ \\t]*$`);
  const skippable = (t: string): boolean => t.trim() === '' || t.trimStart().startsWith('#');

  const instructions: Instruction[] = [];
  while (i < lines.length) {
    if (skippable(lines[i].text)) {
      i++;
      continue;
    }
    const first = lines[i];
    const head = /^(\s*)(\S+)(\s*)/.exec(first.text);
    if (!head) {
      i++;
      continue;
    }
    const keyword = head[2].toUpperCase();
    const fragments: Fragment[] = [];
    let joined = '';
    let piece = first.text.slice(head[0].length);
    let pieceLine = first.line;
    let pieceColumn = head[0].length + 1;
    let lastLine = first.line;
    i++;
    for (;;) {
      const m = continuation.exec(piece);
      fragments.push({ offset: joined.length, line: pieceLine, column: pieceColumn });
      joined += m ? piece.slice(0, m.index) : piece;
      if (!m) break;
      // Inside a continued instruction, BuildKit drops comment and blank lines.
      while (i < lines.length && skippable(lines[i].text)) i++;
      if (i >= lines.length) break;
      piece = lines[i].text;
      pieceLine = lines[i].line;
      pieceColumn = 1;
      lastLine = pieceLine;
      i++;
    }
    const whole: LocatedText = { text: joined, position: locate(fragments) };
    const { flags, rest } = splitFlags(whole);
    const exec = parseExecForm(rest.text);
    let heredocs: Heredoc[] = [];
    if (!exec && HEREDOC_INSTRUCTIONS.has(keyword)) {
      const read = readHeredocs(rest.text, lines, i);
      heredocs = read.heredocs;
      if (read.next > i) lastLine = lines[read.next - 1].line;
      i = read.next;
    }
    instructions.push({ keyword, line: first.line, column: head[1].length + 1, endLine: lastLine, flags, body: rest, exec, heredocs });
  }
  return { escape, instructions };
}

/** Parses a Dockerfile into its global ARGs and its stages. */
export function parseDockerfile(text: string): Dockerfile {
  const { escape, instructions } = parseInstructions(text);
  const globals: Instruction[] = [];
  const stages: Stage[] = [];
  let current: { stage: Stage; instructions: Instruction[] } | undefined;
  for (const ins of instructions) {
    if (ins.keyword !== 'FROM') {
      if (current) current.instructions.push(ins);
      else globals.push(ins);
      continue;
    }
    const words = splitWords(ins.body.text, escape);
    const image = words[0]?.value ?? '';
    const name = words.length >= 3 && words[1].value.toLowerCase() === 'as' ? words[2].value.toLowerCase() : undefined;
    const parent = stages.find((s) => s.name !== undefined && s.name === image.toLowerCase());
    const list: Instruction[] = [];
    const stage: Stage = { index: stages.length, from: ins, image, name, parent, instructions: list };
    stages.push(stage);
    current = { stage, instructions: list };
  }
  return { escape, globals, stages };
}

/**
 * The stages whose files and settings end up in the built image: the final stage and the
 * stages it is built `FROM`. Stages used only through `COPY --from` do not ship.
 */
export function shippedStages(dockerfile: Dockerfile): Stage[] {
  const out: Stage[] = [];
  for (let s = dockerfile.stages.at(-1); s && !out.includes(s); s = s.parent) out.push(s);
  return out;
}

let cached: { text: string; parsed: Dockerfile } | undefined;

/** parseDockerfile for several rules reading the same file in a row. */
export function readDockerfile(text: string): Dockerfile {
  if (cached?.text !== text) cached = { text, parsed: parseDockerfile(text) };
  return cached.parsed;
}
