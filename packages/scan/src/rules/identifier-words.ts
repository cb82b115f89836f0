/**
 * Names as evidence: rules that judge a value by what the code calls it (a `resetToken`,
 * an `expectedSignature`) split identifiers into words and look the words up in tables.
 */
import { propertyName, unwrap } from './ast.js';
import type { Node } from './types.js';

/**
 * Names already split (the same names come up in file after file: req, res, user, password).
 * Bundled files hold tens of thousands of distinct names: a smaller cap was cleared over and
 * over inside one of them and split the same names again.
 */
const wordsByName = new Map<string, readonly string[]>();
const MAX_CACHED_NAMES = 100_000;

/**
 * Lower-case words of an identifier, property or header name:
 * `csrfToken` → [csrf, token], `API_KEY` → [api, key], `x-hub-signature-256` → [x, hub, signature, 256].
 * The list is shared between callers: read it, never change it.
 */
export function nameWords(name: string): readonly string[] {
  let words = wordsByName.get(name);
  if (!words) {
    words = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/([a-zA-Z])(\d)/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (wordsByName.size >= MAX_CACHED_NAMES) wordsByName.clear();
    wordsByName.set(name, words);
  }
  return words;
}

/**
 * The name an expression goes by: `token` → "token", `req.headers['x-api-key']` → "x-api-key",
 * `user.getPassword()` → "getPassword". Undefined for anything else.
 */
export function nameOf(node: Node | null | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'Identifier' || n.type === 'JSXIdentifier') return n.name;
  if (n.type === 'MemberExpression') return propertyName(n.property, n.computed);
  if (n.type === 'CallExpression' || n.type === 'NewExpression') return nameOf(n.callee);
  return undefined;
}

/** The name of a property key, a class member or a variable/parameter pattern. */
export function keyName(node: Node | null | undefined, computed = false): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier' || node.type === 'PrivateIdentifier' || node.type === 'JSXIdentifier') return node.name;
  return propertyName(node, computed);
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export function isFunction(node: Node | null | undefined): boolean {
  return !!node && FUNCTION_TYPES.has(node.type);
}

/**
 * What a function is called: its own id, or the variable, property, method or
 * assignment target it is stored in (`const makeToken = () => ...`). Undefined when anonymous.
 */
export function functionName(fn: Node): string | undefined {
  if (fn.id?.type === 'Identifier') return fn.id.name;
  const p = fn.parent;
  if (!p) return undefined;
  if (p.type === 'VariableDeclarator' && p.init === fn) return keyName(p.id);
  if (p.type === 'AssignmentExpression' && p.right === fn) return nameOf(p.left);
  if ((p.type === 'Property' || p.type === 'MethodDefinition' || p.type === 'PropertyDefinition') && p.value === fn) {
    return keyName(p.key, p.computed);
  }
  return undefined;
}
