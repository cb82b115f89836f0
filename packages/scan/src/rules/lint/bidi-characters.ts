import type { JsRule, Node } from '../types.js';

/**
 * Trojan Source (CVE-2021-42574): Unicode bidirectional control characters reorder how
 * source text is displayed, so a reviewer sees different code from what the compiler runs
 * (an `if` that looks commented out, a string that looks closed). The scan runs over the
 * raw text, comments and strings included, and reports each character where it is.
 */

interface BidiCharacter {
  readonly name: string;
  /** Embeddings, overrides and isolates reorder whole spans; marks only nudge neighbours. */
  readonly reorders: boolean;
}

const BIDI: ReadonlyMap<number, BidiCharacter> = new Map([
  [0x202a, { name: 'LEFT-TO-RIGHT EMBEDDING', reorders: true }],
  [0x202b, { name: 'RIGHT-TO-LEFT EMBEDDING', reorders: true }],
  [0x202c, { name: 'POP DIRECTIONAL FORMATTING', reorders: true }],
  [0x202d, { name: 'LEFT-TO-RIGHT OVERRIDE', reorders: true }],
  [0x202e, { name: 'RIGHT-TO-LEFT OVERRIDE', reorders: true }],
  [0x2066, { name: 'LEFT-TO-RIGHT ISOLATE', reorders: true }],
  [0x2067, { name: 'RIGHT-TO-LEFT ISOLATE', reorders: true }],
  [0x2068, { name: 'FIRST STRONG ISOLATE', reorders: true }],
  [0x2069, { name: 'POP DIRECTIONAL ISOLATE', reorders: true }],
  [0x200e, { name: 'LEFT-TO-RIGHT MARK', reorders: false }],
  [0x200f, { name: 'RIGHT-TO-LEFT MARK', reorders: false }],
  [0x061c, { name: 'ARABIC LETTER MARK', reorders: false }],
]);

const PATTERN = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** ESLint's location for an offset: 1-based line, 0-based column; the same line breaks ESLint counts. */
function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const breaks = /\r\n|[\r\n\u2028\u2029]/g;
  for (let m = breaks.exec(text); m && m.index < offset; m = breaks.exec(text)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return { line, column: offset - lineStart };
}

/** A node-shaped location for one character, read by the scanner (start/end) and by ESLint (range/loc). */
function characterNode(text: string, offset: number): Node {
  return {
    type: 'Program',
    start: offset,
    end: offset + 1,
    range: [offset, offset + 1],
    loc: { start: locate(text, offset), end: locate(text, offset + 1) },
  };
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'bidi-characters',
    title: 'Unicode bidirectional control character in source (Trojan Source)',
    practice: 7,
    cwe: 'CWE-1007',
    severity: 'high',
    confidence: 'high',
    description:
      'Bidirectional control characters (U+202A-U+202E, U+2066-U+2069, and the marks U+200E, U+200F, U+061C) change the order in which editors and code review tools display text. Placed in comments or strings they make code look different from what runs: a return that appears to be inside a comment, or a check that appears to compare another string (Trojan Source, CVE-2021-42574).',
    fix: 'Delete the character, or, if right-to-left text is really needed in a string, write it as an escape sequence (\\u202E) so that it is visible in the source.',
  },
  samples: {
    valid: [
      "// right-to-left text written as escapes is visible and harmless\nconst rlo = '\\u202E';\nconst isolate = '\\u2067';",
      "const greeting = 'مرحبا بالعالم';\nconst hebrew = 'שלום';",
      "const arrows = '→ ← ↔';\nconst zwj = '👩\u200D💻'; // zero-width joiner is not a bidi control",
      "const nbsp = 'a\u00A0b';\nconst softHyphen = 'co\u00ADoperate';",
    ],
    invalid: [
      { code: "const accessLevel = 'user';\nif (accessLevel != 'user\u202E \u2066// Check if admin\u2069 \u2066') {\n  console.log('You are an admin.');\n}", count: 4 },
      { code: "/*\u202E } \u2066if (isAdmin)\u2069 \u2066 begin admins only */\n  grantAll();\n/* end admins only \u202E { \u2066*/", count: 6 },
      "const label = 'Total:\u200F 42';",
      { filename: 'sample.ts', code: "export function check(role: string): boolean {\n  return role === 'admin\u2067'; // looks closed\n}" },
    ],
  },
  create(context) {
    return {
      Program() {
        const text = context.sourceCode.text;
        PATTERN.lastIndex = 0;
        for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
          const code = m[0].charCodeAt(0);
          const ch = BIDI.get(code)!;
          const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
          context.report({
            node: characterNode(text, m.index),
            message: ch.reorders
              ? `Invisible ${hex} ${ch.name} reorders how the following text is displayed, so this line can read differently from what runs (Trojan Source).`
              : `Invisible ${hex} ${ch.name} changes how neighbouring characters are displayed; write it as \\u${code.toString(16).toUpperCase().padStart(4, '0')} if it is meant to be there.`,
            severity: ch.reorders ? undefined : 'low',
            confidence: ch.reorders ? undefined : 'medium',
          });
        }
      },
    };
  },
};

export default rule;
