import { memberPath, propertyName, resolveCallee, unwrap } from '../ast.js';
import type { JsRule, Node, RuleSourceCode } from '../types.js';

/**
 * Template engines that escape HTML by default, with that escaping turned off globally:
 * `escapeMarkup = false` (and Select2's `escapeMarkup: m => m`), Handlebars' `noEscape: true`
 * compile option, and Mustache's escape function replaced by the identity. Single unescaped
 * expressions ({{{ x }}}) live in template files and are not this rule's concern.
 */

const TEMPLATE_MODULES = new Set(['handlebars', 'handlebars/runtime', 'express-handlebars', 'hbs', 'express-hbs', 'mustache', 'hogan.js']);
const COMPILE_METHODS = new Set(['compile', 'precompile', 'template', 'engine']);

/** `x => x`, `function (s) { return s; }`, `String`, `s => String(s)`, `s => `${s}``: no escaping at all. */
function isIdentityFunction(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'Identifier') return n.name === 'String';
  if (n.type !== 'ArrowFunctionExpression' && n.type !== 'FunctionExpression') return false;
  const param = n.params[0];
  if (param?.type !== 'Identifier') return false;
  let body = n.body;
  if (body.type === 'BlockStatement') {
    if (body.body.length !== 1 || body.body[0].type !== 'ReturnStatement') return false;
    body = body.body[0].argument;
  }
  const b = unwrap(body);
  if (!b) return false;
  const isParam = (x: Node | null | undefined): boolean => unwrap(x)?.type === 'Identifier' && unwrap(x)!.name === param.name;
  if (isParam(b)) return true;
  if (b.type === 'CallExpression' && unwrap(b.callee)?.type === 'Identifier' && unwrap(b.callee)!.name === 'String' && isParam(b.arguments[0])) return true;
  if (b.type === 'TemplateLiteral' && b.expressions.length === 1 && isParam(b.expressions[0]) && b.quasis.every((q: Node) => q.value.raw === '')) return true;
  if (b.type === 'CallExpression' && unwrap(b.callee)?.type === 'MemberExpression' && propertyName(unwrap(b.callee)!.property) === 'toString' && isParam(unwrap(b.callee)!.object)) return true;
  return false;
}

/** Is this (root of a) callee Mustache or Handlebars: imported from the package, or the conventional global name. */
function isTemplateEngine(node: Node | null | undefined, sourceCode: RuleSourceCode): boolean {
  const n = unwrap(node);
  if (!n) return false;
  const b = resolveCallee(n, sourceCode);
  if (b) return TEMPLATE_MODULES.has(b.module);
  let root = n;
  while (root.type === 'MemberExpression') root = unwrap(root.object)!;
  return root.type === 'Identifier' && /^(mustache|handlebars|hbs|hogan)$/i.test(root.name);
}

function isTrue(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  return n?.type === 'Literal' && n.value === true;
}

function isFalse(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  return n?.type === 'Literal' && n.value === false;
}

/** The call an options object is passed to, directly or as `compilerOptions: { ... }`. */
function receivingCall(obj: Node): Node | undefined {
  let cur: Node = obj;
  const parent = cur.parent;
  if (parent?.type === 'Property' && parent.value === cur && propertyName(parent.key, parent.computed) === 'compilerOptions') cur = parent.parent!;
  const call = cur.parent;
  return call && (call.type === 'CallExpression' || call.type === 'NewExpression') && call.arguments.includes(cur) ? call : undefined;
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'mustache-escape-disabled',
    title: 'HTML escaping of a template engine turned off',
    practice: 7,
    cwe: 'CWE-79',
    severity: 'high',
    confidence: 'high',
    description:
      'Mustache, Handlebars and Select2 escape HTML in every {{ value }} by default. Turning that off for a whole template (noEscape: true, escapeMarkup = false, an escape function that returns its input) makes every value that reaches the template able to inject markup and scripts (cross-site scripting).',
    fix: 'Keep escaping on and mark the few values that are trusted HTML one by one ({{{ html }}} in Handlebars, new Handlebars.SafeString(html)) after sanitising them with a library such as DOMPurify.',
  },
  samples: {
    valid: [
      "const Handlebars = require('handlebars');\nconst tpl = Handlebars.compile(source);\nconst strict = Handlebars.compile(source, { strict: true, noEscape: false });",
      "import Mustache from 'mustache';\nimport escapeHtml from 'escape-html';\nMustache.escape = (text) => escapeHtml(text).replace(/`/g, '&#96;');",
      "marked.setOptions({ sanitize: false });\nconst csv = stringify(rows, { noEscape: true });",
      "$('#user').select2({ escapeMarkup: (markup) => DOMPurify.sanitize(markup) });\noptions.escapeMarkup = true;",
      "const escaped = text.escape = (s) => s; // an unrelated object with an escape property",
    ],
    invalid: [
      "const Handlebars = require('handlebars');\nconst template = Handlebars.compile(source, { noEscape: true });",
      "import Mustache from 'mustache';\nMustache.escape = (text) => text;",
      "$.fn.select2.defaults.escapeMarkup = false;",
      "const { engine } = require('express-handlebars');\napp.engine('hbs', engine({ extname: '.hbs', compilerOptions: { noEscape: true } }));",
      "$('#tags').select2({ tags: true, escapeMarkup: function (m) { return m; } });",
      { filename: 'sample.ts', code: "import * as Handlebars from 'handlebars';\nHandlebars.Utils.escapeExpression = String;\nconst html = Mustache.render(tpl, view, {}, { escape: (s: string) => `${s}` });", count: 2 },
    ],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      AssignmentExpression(node) {
        if (node.operator !== '=') return;
        const left = unwrap(node.left);
        if (left?.type !== 'MemberExpression') return;
        const prop = propertyName(left.property, left.computed);
        if (prop === 'escapeMarkup' && (isFalse(node.right) || isIdentityFunction(node.right))) {
          context.report({ node, message: 'escapeMarkup is disabled, so result and option text is inserted into the page as raw HTML (cross-site scripting).' });
        } else if ((prop === 'escape' || prop === 'escapeExpression') && isTemplateEngine(left.object, sourceCode) && isIdentityFunction(node.right)) {
          context.report({ node, message: `${memberPath(left) ?? prop} is replaced by a function that returns its input, so every {{ value }} is rendered as raw HTML (cross-site scripting).` });
        }
      },
      Property(node) {
        const key = propertyName(node.key, node.computed);
        const obj = node.parent;
        if (key === 'escapeMarkup' && (isFalse(node.value) || isIdentityFunction(node.value))) {
          context.report({ node, message: 'escapeMarkup is disabled, so result and option text is inserted into the page as raw HTML (cross-site scripting).' });
          return;
        }
        if (!obj || obj.type !== 'ObjectExpression') return;
        const call = receivingCall(obj);
        if (!call) return;
        const callee = unwrap(call.callee);
        const method = callee?.type === 'MemberExpression' ? propertyName(callee.property, callee.computed) : callee?.type === 'Identifier' ? callee.name : undefined;
        const fromEngine = isTemplateEngine(callee, sourceCode);
        if (key === 'noEscape' && isTrue(node.value) && (fromEngine || (method !== undefined && COMPILE_METHODS.has(method)))) {
          context.report({ node, message: 'noEscape: true turns off HTML escaping for every {{ value }} in these templates (cross-site scripting).' });
        } else if (key === 'escape' && fromEngine && isIdentityFunction(node.value)) {
          context.report({ node, message: 'The escape option returns its input unchanged, so every {{ value }} is rendered as raw HTML (cross-site scripting).' });
        }
      },
    };
  },
};

export default rule;
