import { propertyName, staticValue, unwrap } from '../ast.js';
import type { JsRule } from '../types.js';

/**
 * Buffer read/write calls with noAssert = true, which skipped the bounds check on offsets.
 * The flag sits after the fixed arguments, so its position depends on the method:
 * readUInt8(offset, noAssert), readUIntLE(offset, byteLength, noAssert),
 * writeUInt8(value, offset, noAssert), writeUIntLE(value, offset, byteLength, noAssert).
 */

const FIXED_WIDTH = ['UInt8', 'Int8', 'UInt16LE', 'UInt16BE', 'Int16LE', 'Int16BE', 'UInt32LE', 'UInt32BE', 'Int32LE', 'Int32BE', 'FloatLE', 'FloatBE', 'DoubleLE', 'DoubleBE'];
const VARIABLE_WIDTH = ['UIntLE', 'UIntBE', 'IntLE', 'IntBE'];

/** Method name → position of its noAssert argument. */
const NO_ASSERT_POSITION: ReadonlyMap<string, number> = new Map([
  ...FIXED_WIDTH.map((t) => [`read${t}`, 1] as const),
  ...FIXED_WIDTH.map((t) => [`write${t}`, 2] as const),
  ...VARIABLE_WIDTH.map((t) => [`read${t}`, 2] as const),
  ...VARIABLE_WIDTH.map((t) => [`write${t}`, 3] as const),
]);

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'buffer-noassert',
    title: 'Buffer read or write with the bounds check turned off (noAssert)',
    practice: 7,
    cwe: 'CWE-119',
    severity: 'low',
    confidence: 'high',
    description:
      'Before Node.js 10, passing noAssert = true to Buffer read*/write* methods skipped the check that the offset lies inside the buffer, so an offset taken from input read or wrote memory outside it. Node.js 10 and later ignore the flag, but its presence marks code written for old runtimes that still relies on unchecked offsets.',
    fix: 'Drop the noAssert argument and validate the offset (0 <= offset <= buf.length - size) before reading or writing.',
  },
  samples: {
    valid: [
      'const len = buf.readUInt32LE(0);\nbuf.writeUInt16BE(port, 2);',
      "// the second argument of readUIntLE is the byte length, not noAssert\nconst id = buf.readUIntLE(offset, 6);\nbuf.writeIntBE(value, 0, 4);",
      '// DataView\'s third argument is littleEndian\nview.setUint32(0, value, true);\nconst n = view.getUint16(4, true);',
      'buf.readInt8(pos, false);\nbuf.writeDoubleLE(1.5, 8, false);',
      "buf.write('abc', 0, 'utf8');\nconst big = buf.readBigUInt64LE(0);",
    ],
    invalid: [
      'const length = packet.readUInt32LE(offset, true);',
      'buf.writeInt16BE(value, pos, true);',
      'const size = header.readUIntBE(2, 3, true);',
      { code: 'const a = b.readDoubleLE(0, true);\nb.writeUIntLE(v, 0, 6, 1);', count: 2 },
      { filename: 'sample.ts', code: 'export function tag(buf: Buffer, at: number): number {\n  return buf.readUInt16LE(at, true as boolean);\n}' },
    ],
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee?.type !== 'MemberExpression') return;
        const method = propertyName(callee.property, callee.computed);
        const position = method === undefined ? undefined : NO_ASSERT_POSITION.get(method);
        if (position === undefined) return;
        const flag = unwrap(node.arguments[position]);
        if (!flag || flag.type !== 'Literal' || !flag.value || staticValue(flag) === undefined) return;
        context.report({
          node,
          message: `${method}() is called with noAssert = true: on Node.js before 10 the offset is not checked and an out-of-range offset reads or writes outside the buffer.`,
        });
      },
    };
  },
};

export default rule;
