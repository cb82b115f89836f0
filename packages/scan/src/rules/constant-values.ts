/**
 * Values fixed at write time, followed through `const` names: `const ALG = 'des-ede3-cbc'`
 * then `createCipheriv(ALG, ...)`. Without a scope manager, a name bound more than once in
 * the file (shadowing) is treated as unknown rather than guessed, and so is a const array
 * changed in place.
 */
import { nodesOfType, propertyName, staticValue, unwrap } from './ast.js';
import type { Node, RuleSourceCode } from './types.js';

interface Constants {
  /** `const name = init`; null when the name is bound more than once in the file. */
  readonly inits: Map<string, Node | null>;
  /** Names whose value is changed in place somewhere: `args.push(x)`, `args[0] = x`. */
  readonly mutated: Set<string>;
}

const ARRAY_MUTATORS = new Set(['push', 'unshift', 'splice', 'fill', 'copyWithin', 'sort', 'reverse', 'pop', 'shift']);

const constCache = new WeakMap<object, Constants>();

function bindName(out: Map<string, Node | null>, name: string, init: Node | null): void {
  out.set(name, out.has(name) ? null : init);
}

function constants(sourceCode: RuleSourceCode): Constants {
  const cached = constCache.get(sourceCode.ast);
  if (cached) return cached;
  const inits = new Map<string, Node | null>();
  const mutated = new Set<string>();
  nodesOfType(sourceCode, 'VariableDeclarator', 'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'MemberExpression').forEach((node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') {
      const isConst = node.parent?.type === 'VariableDeclaration' && node.parent.kind === 'const';
      bindName(inits, node.id.name, isConst && node.init ? node.init : null);
    } else if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      // A parameter of the same name shadows the constant somewhere: treat the name as unknown.
      for (const p of node.params) {
        const id = p.type === 'AssignmentPattern' ? p.left : p;
        if (id.type === 'Identifier') bindName(inits, id.name, null);
      }
    } else if (node.type === 'MemberExpression' && node.object.type === 'Identifier') {
      const p = node.parent;
      const changes =
        (p?.type === 'CallExpression' && p.callee === node && ARRAY_MUTATORS.has(propertyName(node.property, node.computed) ?? '')) ||
        (p?.type === 'AssignmentExpression' && p.left === node) ||
        p?.type === 'UpdateExpression';
      if (changes) mutated.add(node.object.name);
    }
  });
  const result = { inits, mutated };
  constCache.set(sourceCode.ast, result);
  return result;
}

/** The string value of an expression, following one level of `const NAME = 'literal'`. */
export function constantString(node: Node | null | undefined, sourceCode: RuleSourceCode): string | undefined {
  const direct = staticValue(node);
  if (direct !== undefined) return direct;
  const n = unwrap(node);
  if (n?.type !== 'Identifier') return undefined;
  const init = constants(sourceCode).inits.get(n.name);
  return init ? staticValue(init) : undefined;
}

/**
 * True when every part of an expression is fixed at write time: literals, static templates,
 * `const` names bound to those, and arrays of them (`['run', 'build']`).
 */
export function isConstant(node: Node | null | undefined, sourceCode: RuleSourceCode): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (constantString(n, sourceCode) !== undefined) return true;
  if (n.type === 'ArrayExpression') return n.elements.every((e: Node | null) => e !== null && e.type !== 'SpreadElement' && isConstant(e, sourceCode));
  if (n.type === 'Identifier') {
    const { inits, mutated } = constants(sourceCode);
    const init = inits.get(n.name);
    return !!init && !mutated.has(n.name) && unwrap(init)?.type === 'ArrayExpression' && isConstant(init, sourceCode);
  }
  return false;
}

/** The literal an expression stands for: itself, or the initialiser of a `const` name bound once. */
export function constantNode(node: Node | null | undefined, sourceCode: RuleSourceCode): Node | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type !== 'Identifier') return n;
  const init = constants(sourceCode).inits.get(n.name);
  return init ? (unwrap(init) ?? undefined) : undefined;
}
