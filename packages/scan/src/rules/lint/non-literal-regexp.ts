import { propertyName, resolveCallee, staticValue, unwrap } from '../ast.js';
import type { JsRule, Node, RuleSourceCode } from '../types.js';
import { findDeclaration, originOf, type Origin } from '../value-origin.js';

/**
 * RegExp() compiling a pattern built at run time. Silent when every run-time part goes
 * through a regex-escaping function (escapeRegExp, escape-string-regexp, lodash, RegExp.escape,
 * the `.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')` idiom), comes from another regex's `.source`,
 * or is a number.
 */

/** Packages whose export escapes regex metacharacters. */
const ESCAPE_MODULES = new Set(['escape-string-regexp', 'lodash.escaperegexp', 'escape-regexp', 'escape-regex-string', 'regexp.escape', 'escape-regexp-component']);
/** Function names that say they escape for a regex: escapeRegExp, escapeRegex, regexEscape, quotemeta... */
const ESCAPE_NAME = /^(escape_?(string_?)?reg_?ex(p)?|reg_?ex(p)?_?escape|quote_?meta|escape_?for_?reg_?ex(p)?)$/i;

function functionName(callee: Node | null | undefined): string | undefined {
  const c = unwrap(callee);
  if (!c) return undefined;
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression') return propertyName(c.property, c.computed);
  return undefined;
}

/** A reference to an escaping function: `escapeRegExp`, `_.escapeRegExp`, `RegExp.escape`, an import of escape-string-regexp. */
function isEscapeFunction(fn: Node | null | undefined, sourceCode: RuleSourceCode): boolean {
  const f = unwrap(fn);
  if (!f) return false;
  const name = functionName(f);
  if (name && ESCAPE_NAME.test(name)) return true;
  if (f.type === 'MemberExpression' && name === 'escape' && unwrap(f.object)?.type === 'Identifier' && unwrap(f.object)!.name === 'RegExp') return true;
  const b = resolveCallee(f, sourceCode);
  if (b && ESCAPE_MODULES.has(b.module)) return true;
  // (s) => escapeRegExp(s)
  if ((f.type === 'ArrowFunctionExpression' || f.type === 'FunctionExpression') && f.params.length >= 1) {
    const body = f.body.type === 'BlockStatement' ? (f.body.body.length === 1 && f.body.body[0].type === 'ReturnStatement' ? f.body.body[0].argument : undefined) : f.body;
    return isEscaping(body, sourceCode);
  }
  return false;
}

/** `s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`: every metacharacter gets a backslash. */
function isEscapeReplace(call: Node): boolean {
  const callee = unwrap(call.callee);
  if (callee?.type !== 'MemberExpression') return false;
  const method = propertyName(callee.property, callee.computed);
  if (method !== 'replace' && method !== 'replaceAll') return false;
  const [pattern, replacement] = call.arguments;
  const re = unwrap(pattern);
  const source: string | undefined = re?.type === 'Literal' && re.regex ? re.regex.pattern : undefined;
  if (source === undefined || !['*', '+', '?', '(', ')', '[', '|'].every((ch) => source.includes(ch))) return false;
  const rep = staticValue(replacement);
  return rep === '\\$&' || rep === '\\$1';
}

function isEscaping(node: Node | null | undefined, sourceCode: RuleSourceCode): boolean {
  const n = unwrap(node);
  if (!n || n.type !== 'CallExpression') return false;
  if (isEscapeFunction(n.callee, sourceCode) || isEscapeReplace(n)) return true;
  // words.map(escapeRegExp) → an array of escaped strings (then .join('|'))
  const callee = unwrap(n.callee);
  return callee?.type === 'MemberExpression' && propertyName(callee.property, callee.computed) === 'map' && isEscapeFunction(n.arguments[0], sourceCode);
}

/** A parameter typed `RegExp` in TypeScript. */
function isRegExpTyped(node: Node): boolean {
  if (node.type !== 'Identifier') return false;
  const d = findDeclaration(node.name, node);
  if (d?.kind !== 'param' || d.index === undefined) return false;
  let p = d.node.params[d.index];
  if (p?.type === 'AssignmentPattern') p = p.left;
  const t = p?.typeAnnotation?.typeAnnotation;
  return t?.type === 'TSTypeReference' && t.typeName?.type === 'Identifier' && t.typeName.name === 'RegExp';
}

function isRegexSafe(node: Node, sourceCode: RuleSourceCode): boolean {
  if (isEscaping(node, sourceCode)) return true;
  // another regex's source or flags: that regex was written (and checked) elsewhere
  if (node.type === 'MemberExpression' && ['source', 'flags'].includes(propertyName(node.property, node.computed) ?? '')) return true;
  return isRegExpTyped(node);
}

const CONFIDENCE: Record<Exclude<Origin, 'trusted'>, 'high' | 'medium' | 'low'> = { input: 'high', parameter: 'medium', unknown: 'low' };
const WHERE: Record<Exclude<Origin, 'trusted'>, string> = {
  input: 'comes from the request',
  parameter: 'comes from a function parameter',
  unknown: 'is built at run time',
};

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'non-literal-regexp',
    title: 'Regular expression compiled from a string chosen at run time',
    practice: 7,
    cwe: 'CWE-1333',
    severity: 'medium',
    confidence: 'medium',
    description:
      'new RegExp(x) with a pattern built at run time. If the text comes from a user, its metacharacters change what the expression matches (a search for "." matches everything, ".*" bypasses a filter) and a crafted pattern such as (a+)+$ makes matching take exponential time, freezing the event loop (ReDoS).',
    fix: 'Escape the user part before building the pattern (escapeRegExp from lodash or escape-string-regexp, or RegExp.escape on Node 24), or match with string methods such as includes() and startsWith().',
  },
  samples: {
    valid: [
      "const re = new RegExp('^[a-z0-9_-]{3,16}$', 'i');",
      "const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');\napp.get('/search', (req, res) => {\n  const re = new RegExp(escapeRegExp(req.query.q), 'i');\n  res.json(items.filter((i) => re.test(i.name)));\n});",
      "import _ from 'lodash';\nexport const startsWithWord = (word) => new RegExp(`^${_.escapeRegExp(word)}\\\\b`);",
      "import escapeStringRegexp from 'escape-string-regexp';\nconst pattern = new RegExp(keywords.map(escapeStringRegexp).join('|'), 'gi');",
      "const WORD = /\\w+/;\nconst global = new RegExp(WORD.source, 'g');\nconst sized = new RegExp(`^\\\\d{${Number(min)},${parseInt(max, 10)}}$`);",
      "const PREFIX = 'api';\nconst re = new RegExp(`^/${PREFIX}/v\\\\d+/`);",
      "const re = RegExp(req.query.q.replace(/[-[\\]{}()*+?.,\\\\^$|#\\s]/g, '\\\\$&'));",
      { filename: 'sample.ts', code: "export function withFlags(pattern: RegExp, flags: string): RegExp {\n  return new RegExp(pattern, flags);\n}" },
      "const re = new RegExp(`^.{${Number(req.query.len)}}$`);",
    ],
    invalid: [
      "app.get('/search', (req, res) => {\n  const re = new RegExp(req.query.q, 'i');\n  res.json(items.filter((i) => re.test(i.name)));\n});",
      "export function matches(name, pattern) {\n  return new RegExp('^' + pattern + '$').test(name);\n}",
      "const { filter } = req.body;\nconst rx = RegExp(`(${filter})`, 'g');",
      { filename: 'sample.ts', code: "router.get('/users', async (ctx) => {\n  const term = ctx.query.term as string;\n  const users = await User.find({ name: new RegExp(term.trim()) });\n  ctx.body = users;\n});" },
      "// escaping only the dots is not escaping\nconst re = new RegExp(req.query.host.replace(/\\./g, '\\\\.'));",
      "const parts = req.body.words.split(',');\nconst re = new RegExp(parts.join('|'));",
    ],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const check = (node: Node): void => {
      const callee = unwrap(node.callee);
      if (callee?.type !== 'Identifier' || callee.name !== 'RegExp') return;
      const pattern = node.arguments[0];
      if (!pattern || pattern.type === 'SpreadElement') return;
      const origin = originOf(pattern, sourceCode, { sanitizer: isRegexSafe });
      if (origin === 'trusted') return;
      context.report({
        node,
        message: `The pattern passed to RegExp() ${WHERE[origin]} and is not escaped; its metacharacters change what it matches and a crafted pattern can backtrack for minutes (ReDoS).`,
        confidence: CONFIDENCE[origin],
        severity: origin === 'input' ? 'high' : undefined,
      });
    };
    return { NewExpression: check, CallExpression: check };
  },
};

export default rule;
