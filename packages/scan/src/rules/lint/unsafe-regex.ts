import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { createRequire } from 'node:module';
import type * as Refa from 'refa';
import type { NFA } from 'refa';
import type * as Scslre from 'scslre';
import { staticValue, unwrap } from '../ast.js';
import type { JsRule, Node } from '../types.js';
import { findDeclaration } from '../value-origin.js';

// The automata libraries load on the first regex that needs them: a scan of a few files without
// a regex literal, and every other command, skips about 100 ms of module loading.
const load = createRequire(import.meta.url);
let refaLibrary: typeof Refa | undefined;
let scslreLibrary: typeof Scslre | undefined;
const refa = (): typeof Refa => (refaLibrary ??= load('refa') as typeof Refa);
const scslre = (): typeof Scslre => (scslreLibrary ??= load('scslre') as typeof Scslre);

/**
 * Regular expressions whose matching time can grow super-linearly with the input (ReDoS).
 * Not a star-height heuristic: scslre finds quantifiers that can trade the same characters
 * (polynomial, or exponential when nested), and two language checks on every unbounded
 * quantifier catch the ambiguity scslre does not model:
 *   - two alternatives that match a common word: `(a|a)*`, `(.|\s)*`, `(\d|\w)+`;
 *   - one repetition matching the same text as two: `([a-z]{2,4})+`, `(\r\n|\r|\n)+`.
 * Either makes a run of that word splittable in 2^n ways. scslre's "move" reports (an
 * unanchored `\s+$` re-tried at every offset) are quadratic scanning, not backtracking,
 * and are left out: they are everywhere and rarely exploitable.
 */

export interface Backtracking {
  readonly exponential: boolean;
  /** What to say about the cause, naming the quantifiers involved. */
  readonly cause: string;
  /** A word whose repetition triggers it. */
  readonly repeat: string;
}

function show(text: string): string {
  return JSON.stringify(text);
}

/** True when nothing in the pattern follows `q`: the match then succeeds without backtracking into it. */
function isInTailPosition(q: AST.Quantifier): boolean {
  let el: AST.Node = q;
  for (;;) {
    const parent = el.parent as AST.Node | null;
    if (!parent || parent.type === 'Pattern') return true;
    if (parent.type === 'Alternative') {
      if (parent.elements.indexOf(el as AST.Element) < parent.elements.length - 1) return false;
    } else if (parent.type === 'Assertion') {
      return true; // inside a lookaround: it succeeds as soon as its body does
    } else if (parent.type === 'Quantifier' && parent.max > 1) {
      return false; // the enclosing repetition follows
    }
    el = parent;
  }
}

function quantifiers(pattern: AST.Pattern): AST.Quantifier[] {
  const out: AST.Quantifier[] = [];
  const visit = (n: AST.Node): void => {
    if (n.type === 'Quantifier') out.push(n);
    if ('alternatives' in n) n.alternatives.forEach(visit);
    if ('elements' in n) n.elements.forEach(visit);
    if (n.type === 'Quantifier') visit(n.element);
  };
  visit(pattern);
  return out;
}

function firstWord(nfa: NFA): string | undefined {
  for (const word of nfa.words()) return String.fromCodePoint(...word);
  return undefined;
}

/** Ambiguity of `(E)*` that scslre's single-character search misses. */
function ambiguousRepetitions(literal: { pattern: AST.Pattern; flags: AST.Flags }): Backtracking | undefined {
  const parser = refa().JS.Parser.fromAst(literal);
  const nonEmptyLanguage = (el: AST.Element | AST.Alternative): NFA => {
    const { expression, maxCharacter } = parser.parseElement(el, { backreferences: 'disable', assertions: 'disable', maxNodes: 5000 });
    const nfa = refa().NFA.fromRegex(expression, { maxCharacter }, { assertions: 'disable', unknowns: 'disable' });
    nfa.withoutEmptyWord();
    return nfa;
  };
  for (const q of quantifiers(literal.pattern)) {
    if (q.max !== Infinity || isInTailPosition(q)) continue;
    const el = q.element;
    if ((el.type === 'Group' || el.type === 'CapturingGroup') && el.alternatives.length > 1) {
      const alts = el.alternatives.map(nonEmptyLanguage);
      for (let i = 0; i < alts.length; i++) {
        for (let j = i + 1; j < alts.length; j++) {
          if (alts[i].isEmpty || alts[j].isEmpty || refa().isDisjointWith(alts[i], alts[j])) continue;
          const word = firstWord(refa().NFA.fromIntersection(alts[i], alts[j])) ?? '';
          return { exponential: true, cause: `the alternatives \`${el.alternatives[i].raw}\` and \`${el.alternatives[j].raw}\` of \`${q.raw}\` both match ${show(word)}`, repeat: word };
        }
      }
    }
    const once = nonEmptyLanguage(el);
    if (once.isEmpty) continue;
    const twice = once.copy();
    twice.append(once);
    if (!refa().isDisjointWith(once, twice)) {
      const word = firstWord(refa().NFA.fromIntersection(once, twice)) ?? '';
      return { exponential: true, cause: `one repetition of \`${q.raw}\` matches the same text as two (${show(word)})`, repeat: word };
    }
  }
  return undefined;
}

const cache = new Map<string, Backtracking | null>();

// Both analyses need a quantifier without an upper bound (`*`, `+`, `{n,}`): a pattern with none
// is settled by its text, without parsing it or building automata (most literals in real code).
const UNBOUNDED = /[*+]|\{\d+,\}/;

/** The worst super-linear backtracking in `/pattern/flags`, or undefined (also for invalid patterns). */
export function findBacktracking(pattern: string, flags: string): Backtracking | undefined {
  if (!UNBOUNDED.test(pattern)) return undefined;
  const key = `${flags}/${pattern}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let result: Backtracking | undefined;
  try {
    const parser = new RegExpParser();
    const parsedFlags = parser.parseFlags(flags);
    const parsedPattern = parser.parsePattern(pattern, 0, pattern.length, { unicode: parsedFlags.unicode, unicodeSets: parsedFlags.unicodeSets });
    const literal = { pattern: parsedPattern, flags: parsedFlags };
    const reports = scslre().analyse(literal).reports.filter((r) => r.type !== 'Move');
    const worstReport = reports.find((r) => r.exponential) ?? reports[0];
    if (worstReport?.exponential) {
      result = describe(worstReport);
    } else {
      let extra: Backtracking | undefined;
      try {
        extra = ambiguousRepetitions(literal);
      } catch {
        extra = undefined; // too large to build automata for: keep scslre's verdict
      }
      result = extra ?? (worstReport ? describe(worstReport) : undefined);
    }
  } catch {
    result = undefined; // not a valid pattern for these flags: the runtime will say so
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, result ?? null);
  return result;
}

function describe(r: ReturnType<typeof Scslre.analyse>['reports'][number]): Backtracking {
  const ch = r.character.pick;
  if (r.type === 'Self') {
    return { exponential: r.exponential, cause: `\`${r.quant.raw}\` repeats inside \`${r.parentQuant.raw}\`, so a run of ${show(ch)} can be split between the repetitions in ${r.exponential ? 'exponentially' : 'polynomially'} many ways`, repeat: ch };
  }
  if (r.type === 'Trade') {
    const same = r.startQuant === r.endQuant;
    return {
      exponential: r.exponential,
      cause: same
        ? `\`${r.startQuant.raw}\` can trade ${show(ch)} characters with itself`
        : `\`${r.startQuant.raw}\` and \`${r.endQuant.raw}\` can both match a run of ${show(ch)}, and the engine tries every way to share it between them`,
      repeat: ch,
    };
  }
  return { exponential: false, cause: `\`${r.quant.raw}\` is retried at every position`, repeat: ch };
}

/** The value of a string argument, following a `const` declared with a literal. */
function constantString(node: Node | null | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  const v = staticValue(n);
  if (v !== undefined) return v;
  if (n.type === 'Identifier') {
    const d = findDeclaration(n.name, n);
    if (d?.kind === 'const' && d.path.length === 0) return staticValue(d.node.init);
  }
  return undefined;
}

function message(source: string, b: Backtracking): string {
  const shape = `${show(b.repeat)}.repeat(n)`;
  return b.exponential
    ? `${source} backtracks exponentially: ${b.cause}. An input like ${shape} followed by a character that makes the match fail blocks the event loop for minutes (ReDoS).`
    : `${source} backtracks in polynomial time: ${b.cause}. A long input like ${shape} that fails to match takes quadratic time or worse, enough to stall the server on large bodies (ReDoS).`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'unsafe-regex',
    title: 'Regular expression with super-linear backtracking (ReDoS)',
    practice: 7,
    cwe: 'CWE-1333',
    severity: 'high',
    confidence: 'high',
    description:
      'A regular expression whose quantifiers can match the same characters in many different ways. When the input almost matches, the JavaScript engine tries every way before failing: exponentially many for nested or overlapping repetition, polynomially many for adjacent ones. One crafted string of a few dozen characters can then block the single-threaded event loop for seconds or hours (regular-expression denial of service).',
    fix: 'Make the repetitions unambiguous: remove the nested quantifier ((a+)+ → a+), make alternatives disjoint ((.|\\s)* → [\\s\\S]*), or bound the input length before matching. For complex grammars, use a parser or a linear-time engine such as re2.',
  },
  samples: {
    valid: [
      "const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;\nconst phone = /\\d{3}-\\d{4}/;\nconst word = /^[a-z0-9]+$/i;",
      "const email = /^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$/;\nconst ipv4 = /^(\\d{1,3}\\.){3}\\d{1,3}$/;",
      "// a nested quantifier that cannot split the same text two ways\nconst list = /^(?:[a-z]+,)*[a-z]+$/;\nconst comment = /\\/\\*[\\s\\S]*?\\*\\//g;",
      "const trim = /^\\s+|\\s+$/g;\nconst header = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;",
      "const re = new RegExp('^[A-Z]{2}\\\\d{2}[A-Z0-9]{11,30}$');",
      "// at the very end nothing can fail after it, so it never backtracks\nconst lead = /^(a|a)*/;",
      "const uuid = new RegExp(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, 'i');\nconst semver = /^(\\d+)\\.(\\d+)\\.(\\d+)(?:-([\\w.-]+))?$/;",
    ],
    invalid: [
      'const re = /^(a+)+$/;',
      "const words = /^(\\w+\\s?)*$/;\nif (!words.test(req.body.title)) throw new Error('invalid');",
      "// the classic email check from a copy-paste site\nconst EMAIL = /^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$/;",
      'const re = /(x+x+)+y/;',
      "const HTML_COMMENT = /<!--(.|\\s)*?-->/g;",
      "const PATTERN = '^(\\\\d+|\\\\d+\\\\.\\\\d+)*$';\nconst number = new RegExp(PATTERN);",
      { filename: 'sample.ts', code: "export const isValid = (s: string): boolean => RegExp('^([a-zA-Z0-9]{2,4})+$').test(s);" },
      "// polynomial: two unbounded quantifiers share the spaces\nconst auth = /^Bearer\\s+(.+)$/i;",
      "const lines = /^(?:\\r\\n|\\r|\\n)+$/;",
    ],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const report = (node: Node, pattern: string, flags: string, display: string): void => {
      const found = findBacktracking(pattern, flags);
      if (!found) return;
      context.report({
        node,
        message: message(display, found),
        severity: found.exponential ? 'high' : 'medium',
        confidence: found.exponential ? 'high' : 'medium',
      });
    };
    const checkConstructor = (node: Node): void => {
      const callee = unwrap(node.callee);
      if (callee?.type !== 'Identifier' || callee.name !== 'RegExp') return;
      const first = unwrap(node.arguments[0]);
      if (!first || (first.type === 'Literal' && first.regex)) return; // the literal is checked on its own
      const pattern = constantString(first);
      const flags = node.arguments.length > 1 ? constantString(node.arguments[1]) : '';
      if (pattern === undefined || flags === undefined) return;
      report(node, pattern, flags, `RegExp(${shorten(JSON.stringify(pattern))})`);
    };
    return {
      Literal(node) {
        if (!node.regex) return;
        report(node, node.regex.pattern, node.regex.flags, `\`${shorten(`/${node.regex.pattern}/${node.regex.flags}`)}\``);
      },
      NewExpression: checkConstructor,
      CallExpression: checkConstructor,
    };
  },
};

export default rule;
