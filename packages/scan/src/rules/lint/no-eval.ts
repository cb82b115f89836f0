import { resolveCallee, unwrap } from '../ast.js';
import type { JsRule, Node } from '../types.js';
import { originOf, worst, type Origin } from '../value-origin.js';

/**
 * eval, new Function, vm.run* and string timers compile a string into code. A literal
 * string is not an injection risk (only a code smell), so it stays silent, and so do
 * constants and strings built only from them: only strings built at run time are flagged,
 * with more confidence when they come from a request.
 */
const VM_FUNCTIONS = new Set(['runInContext', 'runInNewContext', 'runInThisContext', 'compileFunction', 'Script']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'no-eval',
    title: 'Code built from a dynamic string is executed',
    practice: 7,
    cwe: 'CWE-95',
    severity: 'high',
    confidence: 'medium',
    description:
      'eval(), new Function(), the vm module and setTimeout/setInterval with a string argument compile text into code. If any part of that text comes from a user, the user can run arbitrary code in the server process.',
    fix: 'Do not build code from strings. Parse data with JSON.parse, look values up in a map, or pass a function to timers.',
  },
  samples: {
    valid: [
      'eval("1 + 1")',
      'setTimeout(() => tick(), 10)',
      'setTimeout(tick, 10)',
      'const fn = new Function("a", "b", "return a + b")',
      'obj.eval(input)',
      'const vm = require("vm"); vm.runInNewContext("1 + 1")',
      'const GLOBAL_THIS = "return this";\nconst root = new Function(GLOBAL_THIS)();\nsetTimeout(`tick(${1000 * 60})`, 10);',
    ],
    invalid: [
      'eval(req.query.expr)',
      'const f = new Function("x", body)',
      'Function(code)()',
      'setTimeout("run(" + id + ")", 10)',
      'setInterval(`poll(${name})`, 1000)',
      'const vm = require("node:vm"); vm.runInNewContext(src, {})',
      'import { Script } from "vm"; new Script(source)',
      'window.eval(input)',
      'globalThis.eval(input)',
    ],
  },
  create(context) {
    const CONFIDENCE: Record<Exclude<Origin, 'trusted'>, 'high' | 'medium' | 'low'> = { input: 'high', parameter: 'medium', unknown: 'medium' };
    const dynamic = (node: Node | undefined): Origin => (node ? originOf(node, context.sourceCode) : 'trusted');
    const report = (node: Node, what: string, origin: Origin): void => {
      if (origin === 'trusted') return;
      context.report({
        node,
        message:
          origin === 'input'
            ? `${what} executes a string built from request input: code injection.`
            : `${what} executes a string built at run time; if any part comes from input, it is code injection.`,
        confidence: CONFIDENCE[origin],
      });
    };
    const check = (node: Node): void => {
      const callee = unwrap(node.callee);
      if (!callee) return;
      const args: Node[] = node.arguments;
      if (callee.type === 'Identifier' || (callee.type === 'MemberExpression' && ['window', 'globalThis', 'global', 'self'].includes(unwrap(callee.object)?.name))) {
        const name = callee.type === 'Identifier' ? callee.name : callee.property.name;
        if (name === 'eval' && args.length > 0) return report(node, 'eval()', dynamic(args[0]));
        if (name === 'Function' && args.length > 0) return report(node, 'Function()', args.map(dynamic).reduce(worst));
        if (TIMERS.has(name) && args.length > 0) {
          const first = unwrap(args[0]);
          const stringish = first && (first.type === 'TemplateLiteral' || (first.type === 'BinaryExpression' && first.operator === '+'));
          if (stringish) return report(node, `${name}() with a string`, dynamic(first));
        }
      }
      const target = resolveCallee(node.callee, context.sourceCode);
      if (target && target.module === 'vm' && VM_FUNCTIONS.has(target.path[target.path.length - 1]) && args.length > 0) {
        report(node, `vm.${target.path.join('.')}()`, dynamic(args[0]));
      }
    };
    return { CallExpression: check, NewExpression: check };
  },
};

export default rule;
