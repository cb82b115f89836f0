import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFile, type ActiveRules, type JsRule, type Node } from '@rampart/scan';

// How the engine calls a rule's visitors: enter in source order, parents before children,
// and "<Type>:exit" after all of a node's children (the path no shipped rule uses yet).
function run(visit: (log: string[]) => JsRule['create'], code: string): string[] {
  const log: string[] = [];
  const rule: JsRule = {
    kind: 'js',
    meta: { id: 'test-order', title: 'test', practice: 7, cwe: 'CWE-1', severity: 'low', confidence: 'low', description: 'test', fix: 'test' },
    samples: { valid: [], invalid: [] },
    create: visit(log),
  };
  const ids = new Set([rule.meta.id]);
  const rules: ActiveRules = { js: [rule], file: [], severity: new Map(), known: ids, active: ids };
  const result = analyzeFile('order.js', code, rules);
  assert.deepEqual(result.warnings, []);
  return log;
}

const CODE = 'function outer() { function inner() { a(); } b(); }\nc();\n';
const name = (n: Node): string => (n.type === 'CallExpression' ? n.callee.name : n.id.name);

describe('rule visitors', () => {
  it('enter visitors run in source order, parents first, then Program:exit once', () => {
    const log = run((log) => () => ({
      FunctionDeclaration: (n) => void log.push(`fn ${name(n)}`),
      CallExpression: (n) => void log.push(`call ${name(n)}`),
      'Program:exit': () => void log.push('end'),
    }), CODE);
    assert.deepEqual(log, ['fn outer', 'fn inner', 'call a', 'call b', 'call c', 'end']);
  });
  it('exit visitors of other node types run after the node\'s children', () => {
    const log = run((log) => () => ({
      FunctionDeclaration: (n) => void log.push(`enter ${name(n)}`),
      'FunctionDeclaration:exit': (n) => void log.push(`exit ${name(n)}`),
      CallExpression: (n) => void log.push(`call ${name(n)}`),
    }), CODE);
    assert.deepEqual(log, ['enter outer', 'enter inner', 'call a', 'exit inner', 'call b', 'exit outer', 'call c']);
  });
});
