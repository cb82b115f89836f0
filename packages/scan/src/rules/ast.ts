/**
 * Small, pure helpers that rules share to read ESTree nodes. They only look at the
 * tree (no scope manager), so rules behave the same in the scanner and in ESLint.
 */
import { visitorKeys } from 'oxc-parser';
import type { Node, RuleSourceCode } from './types.js';

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** Strips TS-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) and parentheses. */
export function unwrap(node: Node | null | undefined): Node | null | undefined {
  let n = node;
  while (
    n &&
    (n.type === 'TSAsExpression' ||
      n.type === 'TSNonNullExpression' ||
      n.type === 'TSTypeAssertion' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'ParenthesizedExpression' ||
      n.type === 'ChainExpression')
  ) {
    n = n.expression;
  }
  return n;
}

/**
 * The value of an expression whose text is fixed at write time: string/number literals,
 * templates without substitutions, and `+` concatenations of those. Otherwise undefined.
 */
export function staticValue(node: Node | null | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'Literal' || n.type === 'StringLiteral') {
    if (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean') return String(n.value);
    return undefined;
  }
  if (n.type === 'TemplateLiteral') {
    if (n.expressions.length === 0) return n.quasis.map((q: Node) => q.value.cooked ?? q.value.raw).join('');
    // Templates whose substitutions are themselves static
    let out = '';
    for (let i = 0; i < n.quasis.length; i++) {
      out += n.quasis[i].value.cooked ?? n.quasis[i].value.raw;
      if (i < n.expressions.length) {
        const v = staticValue(n.expressions[i]);
        if (v === undefined) return undefined;
        out += v;
      }
    }
    return out;
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    const l = staticValue(n.left);
    const r = l === undefined ? undefined : staticValue(n.right);
    return l === undefined || r === undefined ? undefined : l + r;
  }
  return undefined;
}

export function isStatic(node: Node | null | undefined): boolean {
  return staticValue(node) !== undefined;
}

/** The name of a property key or a non-computed member property. */
export function propertyName(node: Node | null | undefined, computed = false): string | undefined {
  if (!node) return undefined;
  if (!computed && node.type === 'Identifier') return node.name;
  if (node.type === 'PrivateIdentifier') return `#${node.name}`;
  const v = staticValue(node);
  return v;
}

/** "a.b.c" for identifiers and member chains with static property names; otherwise undefined. */
export function memberPath(node: Node | null | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'ThisExpression') return 'this';
  if (n.type === 'MemberExpression') {
    const obj = memberPath(n.object);
    const prop = propertyName(n.property, n.computed);
    return obj !== undefined && prop !== undefined ? `${obj}.${prop}` : undefined;
  }
  return undefined;
}

/** `Object.create(null)`: an object with no prototype to reach through `__proto__`. */
export function isNullPrototypeObject(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  const arg = n?.type === 'CallExpression' ? unwrap(n.arguments[0]) : undefined;
  return memberPath(n?.callee) === 'Object.create' && arg?.type === 'Literal' && arg.value === null;
}

/** Where a local name comes from: `import { exec } from 'child_process'` → { module: 'child_process', path: ['exec'] }. */
export interface Binding {
  readonly module: string;
  /** Property path inside the module; [] for the module (namespace/default) itself. */
  readonly path: readonly string[];
}

function normalizeModule(name: string): string {
  return name.startsWith('node:') ? name.slice(5) : name;
}

/** `require('x')`, `require('x').a.b`, `await import('x')` → Binding. */
export function requireBinding(node: Node | null | undefined): Binding | undefined {
  let n = unwrap(node);
  const path: string[] = [];
  while (n && n.type === 'MemberExpression') {
    const p = propertyName(n.property, n.computed);
    if (p === undefined) return undefined;
    path.unshift(p);
    n = unwrap(n.object);
  }
  if (n && n.type === 'AwaitExpression') n = unwrap(n.argument);
  if (n && n.type === 'ImportExpression') {
    const m = staticValue(n.source);
    return m === undefined ? undefined : { module: normalizeModule(m), path };
  }
  if (
    n &&
    n.type === 'CallExpression' &&
    n.callee.type === 'Identifier' &&
    n.callee.name === 'require' &&
    n.arguments.length === 1
  ) {
    const m = staticValue(n.arguments[0]);
    return m === undefined ? undefined : { module: normalizeModule(m), path };
  }
  return undefined;
}

const bindingCache = new WeakMap<object, Map<string, Binding>>();

function bindPattern(pattern: Node, base: Binding, out: Map<string, Binding>): void {
  const p = unwrap(pattern);
  if (!p) return;
  if (p.type === 'Identifier') {
    out.set(p.name, base);
  } else if (p.type === 'ObjectPattern') {
    for (const prop of p.properties) {
      if (prop.type === 'RestElement') continue;
      const key = propertyName(prop.key, prop.computed);
      if (key === undefined) continue;
      const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
      bindPattern(value, { module: base.module, path: [...base.path, key] }, out);
    }
  } else if (p.type === 'AssignmentPattern') {
    bindPattern(p.left, base, out);
  }
}

/**
 * Every top-level-ish name bound to a module in this file (imports, and `require`s
 * anywhere, since CommonJS code requires inside functions too). Name shadowing is
 * ignored on purpose: it is rare for module names and costs a scope analysis.
 */
export function moduleBindings(sourceCode: RuleSourceCode): Map<string, Binding> {
  const ast = sourceCode.ast;
  const cached = bindingCache.get(ast);
  if (cached) return cached;
  const out = new Map<string, Binding>();
  const visit = (node: Node): void => {
    if (node.type === 'ImportDeclaration' && node.importKind !== 'type') {
      const module = normalizeModule(String(node.source.value));
      for (const s of node.specifiers) {
        if (s.type === 'ImportNamespaceSpecifier') out.set(s.local.name, { module, path: [] });
        else if (s.type === 'ImportDefaultSpecifier') out.set(s.local.name, { module, path: [] });
        else if (s.type === 'ImportSpecifier') {
          const imported = propertyName(s.imported) ?? s.local.name;
          out.set(s.local.name, { module, path: imported === 'default' ? [] : [imported] });
        }
      }
    } else if (node.type === 'VariableDeclarator' && node.init) {
      const b = requireBinding(node.init);
      if (b) bindPattern(node.id, b, out);
    } else if (node.type === 'TSImportEqualsDeclaration' && node.moduleReference?.type === 'TSExternalModuleReference') {
      out.set(node.id.name, { module: normalizeModule(String(node.moduleReference.expression.value)), path: [] });
    }
  };
  for (const node of nodesOfType(sourceCode, 'ImportDeclaration', 'VariableDeclarator', 'TSImportEqualsDeclaration')) visit(node);
  bindingCache.set(ast, out);
  return out;
}

const referencedCache = new WeakMap<object, ReadonlySet<string>>();

/**
 * Every module the file binds or loads: what resolveCallee can ever answer with. A rule that
 * reports only calls into certain modules skips a file that references none of them.
 */
export function referencedModules(sourceCode: RuleSourceCode): ReadonlySet<string> {
  const cached = referencedCache.get(sourceCode.ast);
  if (cached) return cached;
  const out = new Set<string>();
  for (const b of moduleBindings(sourceCode).values()) out.add(b.module);
  // Inline loads (`require('crypto').createHash(...)`, `(await import('vm')).runInThisContext(...)`).
  for (const node of nodesOfType(sourceCode, 'ImportExpression')) {
    const b = requireBinding(node);
    if (b) out.add(b.module);
  }
  for (const node of nodesOfType(sourceCode, 'CallExpression')) {
    if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') continue;
    const b = requireBinding(node);
    if (b) out.add(b.module);
  }
  referencedCache.set(sourceCode.ast, out);
  return out;
}

/** True when the file binds or loads one of these modules (see referencedModules). */
export function referencesAnyModule(sourceCode: RuleSourceCode, modules: Iterable<string>): boolean {
  const referenced = referencedModules(sourceCode);
  if (referenced.size === 0) return false;
  for (const m of modules) if (referenced.has(m)) return true;
  return false;
}

/**
 * What a call's callee refers to, in module terms: `cp.exec`, `exec` (imported) and
 * `require('child_process').exec` all give { module: 'child_process', path: ['exec'] }.
 */
export function resolveCallee(callee: Node, sourceCode: RuleSourceCode): Binding | undefined {
  // Hot path (every rule asks about every call): most calls go to local functions and
  // methods whose root name is bound to no module; answer those without allocating.
  let root = unwrap(callee);
  while (root && root.type === 'MemberExpression') root = unwrap(root.object);
  if (!root) return undefined;
  if (root.type === 'Identifier') {
    if (!moduleBindings(sourceCode).has(root.name)) return undefined;
  } else if (root.type !== 'CallExpression' && root.type !== 'ImportExpression' && root.type !== 'AwaitExpression') {
    return undefined;
  }
  return resolveCalleeUncached(callee, sourceCode);
}

function resolveCalleeUncached(callee: Node, sourceCode: RuleSourceCode): Binding | undefined {
  const direct = requireBinding(callee);
  if (direct) return direct;
  const n = unwrap(callee);
  if (!n) return undefined;
  const path: string[] = [];
  let cur: Node | null | undefined = n;
  while (cur && cur.type === 'MemberExpression') {
    const p = propertyName(cur.property, cur.computed);
    if (p === undefined) return undefined;
    path.unshift(p);
    cur = unwrap(cur.object);
  }
  if (!cur || cur.type !== 'Identifier') return undefined;
  const binding = moduleBindings(sourceCode).get(cur.name);
  if (!binding) return undefined;
  return { module: binding.module, path: [...binding.path, ...path] };
}

/** True when the call's callee is `module.path` (e.g. isModuleCall(node, sc, 'child_process', 'exec')). */
export function isModuleCall(call: Node, sourceCode: RuleSourceCode, module: string, ...names: string[]): boolean {
  if (call.type !== 'CallExpression' && call.type !== 'NewExpression') return false;
  const b = resolveCallee(call.callee, sourceCode);
  if (!b || b.module !== module) return false;
  const name = b.path.join('.');
  return names.length === 0 || names.includes(name);
}

const SKIP_KEYS = new Set(['parent', 'type', 'start', 'end', 'range', 'loc', 'tokens', 'comments']);
const keysByType = new Map<string, readonly string[]>();

/**
 * The keys of a node that may hold child nodes: the parser's visitor keys for the ESTree and
 * TS-ESTree types, or (for a type it does not list) every key but positions and `parent`.
 * Cached per type: this is the hot path of every walk.
 */
export function childKeys(node: Node): readonly string[] {
  let keys = keysByType.get(node.type);
  if (!keys) {
    keys = (visitorKeys as Record<string, string[] | undefined>)[node.type] ?? Object.keys(node).filter((k) => !SKIP_KEYS.has(k));
    keysByType.set(node.type, keys);
  }
  return keys;
}

const indexCache = new WeakMap<object, Map<string, Node[]>>();
const ALL_NODES = '*';
/**
 * Combined keys ("CallExpression|NewExpression") by member type: once nodesOfType has been
 * asked for a combination, later files' indexes fill its list as they are built (a push per
 * node of those types) instead of filtering the whole walk order again (a test per node).
 */
const combinationsByType = new Map<string, string[]>();

/**
 * Builds a file's by-type index from nodes met in walk order (parents first, then children in
 * source order). The lists each type goes to (its own, the combinations holding it, all nodes)
 * are looked up once per type, not per node.
 */
export class NodeIndexBuilder {
  readonly index = new Map<string, Node[]>([[ALL_NODES, []]]);
  private readonly targets = new Map<string, Node[][]>();

  constructor() {
    for (const keys of combinationsByType.values()) for (const key of keys) if (!this.index.has(key)) this.index.set(key, []);
  }

  add(node: Node): void {
    let lists = this.targets.get(node.type);
    if (!lists) {
      lists = [this.list(node.type), ...(combinationsByType.get(node.type) ?? []).map((key) => this.list(key)), this.list(ALL_NODES)];
      this.targets.set(node.type, lists);
    }
    for (let i = 0; i < lists.length; i++) lists[i].push(node);
  }

  private list(key: string): Node[] {
    let list = this.index.get(key);
    if (!list) this.index.set(key, (list = []));
    return list;
  }
}

/** Lets the scanner hand over the by-type index it builds while linking parents (saves a walk). */
export function setNodeIndex(ast: Node, index: Map<string, Node[]>): void {
  indexCache.set(ast, index);
}

/**
 * Every node of the given types in the file, in source order. The file is walked once and
 * the lists are shared by all rules: helpers that look for calls or imports across the
 * whole file use this instead of walking the tree again.
 */
export function nodesOfType(sourceCode: Pick<RuleSourceCode, 'ast'>, ...types: string[]): Node[] {
  const ast = sourceCode.ast;
  let index = indexCache.get(ast);
  if (!index) {
    const builder = new NodeIndexBuilder();
    walk(ast, (node) => builder.add(node));
    indexCache.set(ast, builder.index);
    index = builder.index;
  }
  if (types.length === 1) return index.get(types[0]) ?? [];
  // Several types: filtered from the walk order the first time, then kept under a combined key.
  const key = types.join('|');
  let merged = index.get(key);
  if (!merged) {
    const wanted = new Set(types);
    merged = index.get(ALL_NODES)!.filter((n) => wanted.has(n.type));
    index.set(key, merged);
    if (!types.includes(ALL_NODES) && !combinationsByType.get(types[0])?.includes(key)) {
      for (const type of wanted) {
        const keys = combinationsByType.get(type);
        if (keys) keys.push(key);
        else combinationsByType.set(type, [key]);
      }
    }
  }
  return merged;
}

/** Every node of the file, parents before children, in source order (the walk order). */
export function nodesInWalkOrder(sourceCode: RuleSourceCode): Node[] {
  return nodesOfType(sourceCode, ALL_NODES);
}

/**
 * Pushes a node's children onto a depth-first stack, last child first, so that popping
 * visits them in source order. The one child loop that walk, traverse and linkParents share.
 */
export function pushChildren(node: Node, stack: Node[]): void {
  const keys = childKeys(node);
  for (let k = keys.length - 1; k >= 0; k--) {
    const value = node[keys[k]];
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push(value[i]);
    } else if (isNode(value)) {
      stack.push(value);
    }
  }
}

/** Depth-first walk over every node, parents before children, in source order. */
export function walk(root: Node, enter: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    enter(node);
    pushChildren(node, stack);
  }
}

/** The nearest enclosing function node, or undefined at top level. */
export function enclosingFunction(node: Node): Node | undefined {
  let cur = node.parent;
  while (cur) {
    if (cur.type === 'FunctionDeclaration' || cur.type === 'FunctionExpression' || cur.type === 'ArrowFunctionExpression') {
      return cur;
    }
    cur = cur.parent;
  }
  return undefined;
}

/** The value of a property `name` in an object literal, if written literally. */
export function objectProperty(obj: Node | null | undefined, name: string): Node | undefined {
  const o = unwrap(obj);
  if (!o || o.type !== 'ObjectExpression') return undefined;
  for (let i = o.properties.length - 1; i >= 0; i--) {
    const p = o.properties[i];
    if (p.type === 'Property' && propertyName(p.key, p.computed) === name) return p.value;
  }
  return undefined;
}

/** True if the object literal has a spread (its keys are not all known). */
export function hasSpread(obj: Node | null | undefined): boolean {
  const o = unwrap(obj);
  return !!o && o.type === 'ObjectExpression' && o.properties.some((p: Node) => p.type === 'SpreadElement');
}

/** Start offset of a node: ESLint gives `range` (and forbids reading `start` in its RuleTester), oxc `start`. */
export function nodeStart(node: Node): number {
  return node.range?.[0] ?? node.start ?? 0;
}

/** End offset of a node (see nodeStart). */
export function nodeEnd(node: Node): number {
  return node.range?.[1] ?? node.end ?? 0;
}

/** True when `inner` lies within `outer` in the source text. */
export function containsNode(outer: Node, inner: Node): boolean {
  return nodeStart(outer) <= nodeStart(inner) && nodeEnd(inner) <= nodeEnd(outer);
}
