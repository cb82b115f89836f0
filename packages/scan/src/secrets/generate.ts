/**
 * Fills `{{spec}}` spans of a sample with random characters in a provider's format, so that
 * tests and the benchmark build credentials at run time and the repository holds none.
 * A spec is literal characters and `[classes]` with ranges, each optionally followed by
 * `{n}` or `{n,m}`; `\` escapes the next character. Example: `{{ghp_[A-Za-z0-9]{36}}}`.
 * `{{base64:spec}}` base64-encodes the generated value.
 */

/** Deterministic pseudo-random numbers (mulberry32), so a seed always builds the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseClass(spec: string, from: number): { chars: string; next: number } {
  let chars = '';
  let i = from + 1;
  while (i < spec.length && spec[i] !== ']') {
    let c = spec[i];
    if (c === '\\') c = spec[++i];
    if (spec[i + 1] === '-' && spec[i + 2] !== undefined && spec[i + 2] !== ']') {
      const end = spec[i + 2] === '\\' ? spec[i + 3] : spec[i + 2];
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) chars += String.fromCharCode(code);
      i += spec[i + 2] === '\\' ? 4 : 3;
    } else {
      chars += c;
      i++;
    }
  }
  if (spec[i] !== ']') throw new Error(`generator spec ${spec}: unclosed [ at ${from}`);
  return { chars, next: i + 1 };
}

/** One random string for a spec (the text between `{{` and `}}`). */
export function generateFromSpec(spec: string, random: () => number): string {
  let out = '';
  let i = 0;
  while (i < spec.length) {
    let chars: string;
    if (spec[i] === '[') {
      const c = parseClass(spec, i);
      chars = c.chars;
      i = c.next;
    } else if (spec[i] === '\\') {
      chars = spec[i + 1];
      i += 2;
    } else {
      chars = spec[i];
      i++;
    }
    let min = 1;
    let max = 1;
    const q = /^\{(\d+)(?:,(\d+))?\}/.exec(spec.slice(i, i + 12));
    if (q) {
      min = Number(q[1]);
      max = q[2] === undefined ? min : Number(q[2]);
      i += q[0].length;
    }
    const n = min + Math.floor(random() * (max - min + 1));
    for (let k = 0; k < n; k++) out += chars[Math.floor(random() * chars.length)];
  }
  return out;
}

/** Replaces every `{{spec}}` in a text with a fresh random value. Quantifier braces nest inside. */
export function fillSample(text: string, random: () => number): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = text.indexOf('{{', i);
    if (start < 0) return out + text.slice(i);
    out += text.slice(i, start);
    let depth = 0;
    let j = start + 2;
    for (; j < text.length; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '{') depth++;
      else if (text[j] === '}') {
        if (depth > 0) depth--;
        else break;
      }
    }
    if (text[j + 1] !== '}') throw new Error(`sample ${JSON.stringify(text.slice(start, start + 40))}: unclosed {{`);
    const spec = text.slice(start + 2, j);
    // {{base64:spec}}: the generated value, base64-encoded (Docker's "user:password" auth).
    out += spec.startsWith('base64:') ? Buffer.from(generateFromSpec(spec.slice(7), random)).toString('base64') : generateFromSpec(spec, random);
    i = j + 2;
  }
}

/** A secret the corpus expects at a line: its rule id (the finding's `type`). */
export interface ExpectedSecret {
  readonly type: string;
  readonly line: number;
}

/**
 * Builds one labelled corpus case: `⟦type|text⟧` marks an expected secret of that type, its
 * text holding `{{spec}}` spans as usual. Returns the text without the marks and where each
 * expected secret sits (1-based lines).
 */
export function materializeCase(template: string, random: () => number): { text: string; expected: ExpectedSecret[] } {
  const expected: ExpectedSecret[] = [];
  let text = '';
  let i = 0;
  for (;;) {
    const open = template.indexOf('⟦', i);
    if (open < 0) {
      text += fillSample(template.slice(i), random);
      return { text, expected };
    }
    text += fillSample(template.slice(i, open), random);
    const close = template.indexOf('⟧', open);
    const bar = template.indexOf('|', open);
    if (close < 0 || bar < 0 || bar > close) throw new Error(`corpus case: malformed mark at ${JSON.stringify(template.slice(open, open + 40))}`);
    let line = 1;
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) line++;
    expected.push({ type: template.slice(open + 1, bar), line });
    text += fillSample(template.slice(bar + 1, close), random);
    i = close + 1;
  }
}
