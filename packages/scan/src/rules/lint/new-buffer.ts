import { resolveCallee, staticValue, unwrap } from '../ast.js';
import type { JsRule, Node } from '../types.js';
import { findDeclaration } from '../value-origin.js';

/**
 * The deprecated Buffer constructor (DEP0005). `new Buffer(x)` and `Buffer(x)` do different
 * things depending on the type of x: a string is encoded, a number allocates that many bytes
 * (uninitialised memory before Node.js 8). A value from JSON that arrives as a number instead
 * of a string turns an encode into an allocation.
 */

/** True when `Buffer` here is Node's Buffer: the global, or imported from node:buffer. */
function isNodeBuffer(callee: Node, sourceCode: Parameters<typeof resolveCallee>[1]): boolean {
  const c = unwrap(callee);
  if (!c) return false;
  if (c.type === 'Identifier' && c.name === 'Buffer') {
    const d = findDeclaration('Buffer', c);
    if (!d) return true;
    const b = resolveCallee(c, sourceCode);
    return !!b && b.module === 'buffer' && b.path.join('.') === 'Buffer';
  }
  const b = resolveCallee(c, sourceCode);
  return !!b && b.module === 'buffer' && b.path.join('.') === 'Buffer';
}

/** A string or array literal: the constructor then only copies fixed content. */
function isFixedContent(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'ArrayExpression') return n.elements.every((e: Node | null) => unwrap(e)?.type === 'Literal' && typeof unwrap(e)!.value === 'number');
  const v = staticValue(n);
  return v !== undefined && !(n.type === 'Literal' && typeof n.value === 'number');
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'new-buffer',
    title: 'Deprecated Buffer constructor',
    practice: 7,
    cwe: 'CWE-665',
    severity: 'medium',
    confidence: 'high',
    description:
      'new Buffer(x) and Buffer(x) are deprecated (DEP0005) because their behaviour depends on the type of x: a string is encoded, but a number allocates that many bytes, which before Node.js 8 were not zeroed and exposed old process memory. When x comes from parsed JSON, an attacker who sends a number instead of a string triggers a large allocation or, on old runtimes, reads memory.',
    fix: 'Use Buffer.from(value) to encode or copy data and Buffer.alloc(size) to allocate zero-filled memory; check the type of values taken from requests.',
  },
  samples: {
    valid: [
      "const a = Buffer.from(req.body.data, 'base64');\nconst b = Buffer.alloc(16);",
      'const view = new Uint8Array(new ArrayBuffer(8));\nconst shared = new SharedArrayBuffer(1024);',
      "class Buffer { constructor(size) { this.items = new Array(size); } }\nconst ring = new Buffer(64);",
      "import { StringBuffer } from './text';\nconst sb = new StringBuffer(initial);\nif (Buffer.isBuffer(x)) Buffer.concat([x]);",
      "import { Buffer } from './ring-buffer.js';\nconst q = new Buffer(128);",
    ],
    invalid: [
      "const data = new Buffer(req.body.payload);",
      "const { Buffer } = require('buffer');\nconst token = Buffer(req.headers['x-token'], 'hex');",
      "const zeros = new Buffer(1024);",
      { code: "import { Buffer as NodeBuffer } from 'node:buffer';\nconst b = new NodeBuffer(size);\nconst c = new Buffer('hello');", count: 2 },
      { filename: 'sample.ts', code: 'export function toBytes(value: string | number): Buffer {\n  return new Buffer(value as any);\n}' },
    ],
  },
  create(context) {
    const check = (node: Node): void => {
      if (!isNodeBuffer(node.callee, context.sourceCode)) return;
      const arg = node.arguments[0];
      const fixed = isFixedContent(arg);
      context.report({
        node,
        message: fixed
          ? 'The Buffer constructor is deprecated (DEP0005); use Buffer.from() for this fixed content.'
          : unwrap(arg)?.type === 'Literal' && typeof unwrap(arg)!.value === 'number'
            ? 'new Buffer(size) is deprecated (DEP0005) and returned uninitialised memory before Node.js 8; use Buffer.alloc(size).'
            : 'The Buffer constructor (DEP0005) encodes a string but allocates memory when the value is a number; a request value that arrives as a number changes what this does. Use Buffer.from() or Buffer.alloc().',
        severity: fixed ? 'low' : undefined,
      });
    };
    return { NewExpression: check, CallExpression: check };
  },
};

export default rule;
