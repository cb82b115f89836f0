import { enclosingFunction, isNullPrototypeObject, propertyName, staticValue, unwrap, walk } from '../ast.js';
import type { JsRule, Node, RuleSourceCode } from '../types.js';
import { enclosingBody, findDeclaration, originOf, rootDeclaration, type Declaration, type Origin } from '../value-origin.js';

/**
 * `obj[key]` where the key can be "__proto__", "constructor" or "prototype" because someone
 * else chooses it. Unlike eslint-plugin-security, which flags every `obj[key]`, this rule
 * only looks at keys that come from a request or from a function parameter, and only at the
 * accesses that do harm:
 *   - request key: a write `obj[key] = v`, a call `obj[key]()`, a write below it `obj[key].x = v`;
 *   - parameter key (library code such as set-path or deep-merge helpers): only the
 *     prototype-pollution shapes: `o[a][b] = v`, a path walk (`cur = cur[k]` then
 *     `cur[last] = v`), and a recursive merge (`merge(target[key], source[key])`).
 * Plain reads are not reported: reading an inherited property yields a function or undefined,
 * not an injection. Keys that iterate the same object, numbers, and keys the function checks
 * against "__proto__" / an allow-list / hasOwn are silent.
 */

const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const GUARD_METHODS = new Set(['hasOwn', 'hasOwnProperty', 'propertyIsEnumerable', 'includes', 'has', 'indexOf']);
const GUARD_NAME = /safe|valid|allowed|forbidden|unsafe|dangerous|proto|permitted|whitelist|allowlist|blocklist|blacklist/i;
const MERGE_NAME = /merge|extend|assign|defaults|mixin/i;
const ITERATING_FUNCTIONS = new Set(['Object.keys', 'Object.entries', 'Object.getOwnPropertyNames', 'Reflect.ownKeys']);

function isTainted(o: Origin): boolean {
  return o === 'input' || o === 'parameter';
}

function staticName(callee: Node | null | undefined): string | undefined {
  const c = unwrap(callee);
  if (!c) return undefined;
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression') {
    const obj = unwrap(c.object);
    const prop = propertyName(c.property, c.computed);
    if (obj?.type === 'Identifier' && prop) return `${obj.name}.${prop}`;
    return prop;
  }
  return undefined;
}

/** The object whose own keys `key` iterates: `for (k in o)`, `for (k of Object.keys(o))`, `Object.keys(o).forEach(k => ...)`. */
function iteratedObject(key: Node): Node | undefined {
  const k = unwrap(key);
  if (k?.type !== 'Identifier') return undefined;
  const d = findDeclaration(k.name, k);
  if (!d) return undefined;
  let source: Node | undefined;
  if (d.kind === 'for-in') return d.node.right;
  if (d.kind === 'for-of') source = d.node.right;
  if (d.kind === 'param' && d.index === 0) {
    const call = d.node.parent;
    const callee = call?.type === 'CallExpression' ? unwrap(call.callee) : undefined;
    if (callee?.type === 'MemberExpression') source = callee.object;
  }
  const call = unwrap(source);
  if (call?.type === 'CallExpression' && ITERATING_FUNCTIONS.has(staticName(call.callee) ?? '')) return call.arguments[0];
  return undefined;
}

function sameExpression(a: Node | null | undefined, b: Node | null | undefined, sourceCode: RuleSourceCode): boolean {
  return !!a && !!b && sourceCode.getText(unwrap(a)!) === sourceCode.getText(unwrap(b)!);
}

/** The bodies to search for guards: where the key is used and where it is declared. */
function guardScopes(key: Node): Node[] {
  const scopes = [enclosingBody(key)];
  const k = unwrap(key);
  const d: Declaration | undefined = k?.type === 'Identifier' ? findDeclaration(k.name, k) : rootDeclaration(k);
  if (d) {
    const declared = d.kind === 'param' ? d.node : enclosingBody(d.node);
    if (!scopes.includes(declared)) scopes.push(declared);
  }
  return scopes;
}

/**
 * True when the code compares the key with "__proto__" / "constructor", checks it against an
 * allow-list (`ALLOWED.includes(key)`, `map.has(key)`, `key in defaults`), asks hasOwn, or
 * passes it to a checker named like isSafeKey().
 */
function isGuarded(key: Node, sourceCode: RuleSourceCode): boolean {
  const keyText = sourceCode.getText(unwrap(key)!);
  const mentions = (n: Node | null | undefined): boolean => !!n && sourceCode.getText(unwrap(n)!) === keyText;
  for (const scope of guardScopes(key)) {
    let guarded = false;
    walk(scope, (n) => {
      if (guarded) return;
      if (n.type === 'Literal' && typeof n.value === 'string' && DANGEROUS_KEYS.has(n.value)) guarded = true;
      else if (n.type === 'BinaryExpression' && n.operator === 'in' && mentions(n.left)) guarded = true;
      else if (n.type === 'UnaryExpression' && n.operator === 'typeof' && mentions(n.argument)) guarded = true;
      else if (n.type === 'SwitchStatement' && mentions(n.discriminant)) guarded = true;
      else if (n.type === 'CallExpression' && n.arguments.some(mentions)) {
        let callee = unwrap(n.callee);
        // Object.prototype.hasOwnProperty.call(obj, key): the method is the one being called
        if (callee?.type === 'MemberExpression' && ['call', 'apply'].includes(propertyName(callee.property, callee.computed) ?? '')) callee = unwrap(callee.object);
        const method = callee?.type === 'MemberExpression' ? propertyName(callee.property, callee.computed) : callee?.type === 'Identifier' ? callee.name : undefined;
        if (method && (GUARD_METHODS.has(method) || GUARD_NAME.test(method))) guarded = true;
      }
    });
    if (guarded) return true;
  }
  return false;
}

/** `Object.create(null)` objects have no prototype to reach. */
function isPrototypeless(obj: Node): boolean {
  const d = rootDeclaration(obj);
  const init = d && (d.kind === 'const' || d.kind === 'let') && d.path.length === 0 ? unwrap(d.node.init) : undefined;
  return isNullPrototypeObject(init);
}

function isEmptyContainer(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'ObjectExpression' || n.type === 'ArrayExpression') return (n.properties ?? n.elements).length === 0;
  if (n.type === 'LogicalExpression' || n.type === 'AssignmentExpression') return isEmptyContainer(n.right);
  return false;
}

function isAssignmentTarget(node: Node): boolean {
  const p = node.parent;
  return !!p && p.type === 'AssignmentExpression' && unwrap(p.left) === node;
}

/** `const fn = handlers[key]; ... fn(req)`: the value read is called later. */
function isCalledLater(member: Node): boolean {
  const decl = member.parent;
  if (decl?.type !== 'VariableDeclarator' || decl.init !== member || decl.id.type !== 'Identifier') return false;
  const name = decl.id.name;
  let called = false;
  walk(enclosingBody(member), (n) => {
    if (called || n.type !== 'CallExpression') return;
    const callee = unwrap(n.callee);
    if (callee?.type === 'Identifier' && callee.name === name && findDeclaration(name, callee)?.node === decl) called = true;
  });
  return called;
}

/** `cur = cur[k]` / `cur = cur[k] || (cur[k] = {})` with a tainted k somewhere in the function: a path walk. */
function isPathWalk(base: Node, sourceCode: RuleSourceCode): boolean {
  const b = unwrap(base);
  if (b?.type !== 'Identifier') return false;
  const fn = enclosingFunction(b);
  if (!fn) return false;
  let walks = false;
  walk(fn, (n) => {
    if (walks || n.type !== 'AssignmentExpression') return;
    const left = unwrap(n.left);
    if (left?.type !== 'Identifier' || left.name !== b.name) return;
    let right = unwrap(n.right);
    while (right && (right.type === 'LogicalExpression' || right.type === 'AssignmentExpression')) right = unwrap(right.type === 'LogicalExpression' ? right.left : right.left);
    if (right?.type === 'MemberExpression' && right.computed && unwrap(right.object)?.type === 'Identifier' && unwrap(right.object)!.name === b.name && isTainted(originOf(right.property, sourceCode))) walks = true;
  });
  return walks;
}

/** True when the function around `target` assigns to a property of it: `target[k] = ...`, `target.x = ...`. */
function writesInto(target: Node): boolean {
  const root = rootDeclaration(target);
  if (!root) return false;
  let writes = false;
  walk(enclosingBody(target), (n) => {
    if (writes || n.type !== 'AssignmentExpression') return;
    const left = unwrap(n.left);
    if (left?.type === 'MemberExpression' && rootDeclaration(left) === root) writes = true;
  });
  return writes;
}

/** True when `call` calls a function it is inside of (by name): `function merge() { ... merge(...) }`. */
function isRecursive(call: Node, name: string): boolean {
  for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
    const own = fn.id?.name ?? (fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id.name : undefined);
    if (own === name) return true;
  }
  return false;
}

/**
 * A key built with a fixed part holding a character no special key has (`params.${key}`,
 * `'user:' + id`): it can never be "__proto__", "constructor" or "prototype", whatever the input.
 */
function cannotNameSpecialKey(key: Node): boolean {
  const fixed: string[] = [];
  const collect = (n: Node | null | undefined): void => {
    const u = unwrap(n);
    if (!u) return;
    if (u.type === 'TemplateLiteral') for (const q of u.quasis) fixed.push(q.value.cooked ?? q.value.raw ?? '');
    else if (u.type === 'BinaryExpression' && u.operator === '+') {
      collect(u.left);
      collect(u.right);
    } else if (typeof staticValue(u) === 'string') fixed.push(staticValue(u)!);
  };
  collect(key);
  return fixed.some((part) => /[^_a-z]/.test(part));
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'object-injection',
    title: 'Object property chosen by untrusted input is written or called',
    practice: 7,
    cwe: 'CWE-1321',
    severity: 'medium',
    confidence: 'high',
    description:
      'Writing or calling obj[key] where the key comes from a request (or, in merge and set-path helpers, from the caller) lets the key be "__proto__", "constructor" or "prototype". Writing below such a key changes Object.prototype for the whole process (prototype pollution: every object suddenly has isAdmin = true), and calling it runs a method the code never meant to expose.',
    fix: 'Check the key against an allow-list or reject "__proto__", "constructor" and "prototype" before using it; store user-keyed data in a Map or an Object.create(null) object; use Object.hasOwn(obj, key) before reading a handler.',
  },
  samples: {
    valid: [
      "app.post('/prefs', (req, res) => {\n  const ALLOWED = ['theme', 'lang'];\n  const { key, value } = req.body;\n  if (!ALLOWED.includes(key)) return res.sendStatus(400);\n  prefs[key] = value;\n});",
      "function clone(obj) {\n  const out = {};\n  for (const key in obj) out[key] = obj[key];\n  for (const key of Object.keys(obj)) obj[key] = normalize(obj[key]);\n  return out;\n}",
      "for (let i = 0; i < rows.length; i++) {\n  totals[i] = rows[i].price * rows[i].qty;\n}\nconst matrix = grid[row][col];",
      "// plain reads are not injection: the lookup table idiom\nconst column = SORTABLE[req.query.sort] || 'created_at';\nconst label = LABELS[req.params.code];",
      "class Headers {\n  set(name, value) { this.map[name.toLowerCase()] = value; }\n}",
      "const counts = Object.create(null);\napp.post('/vote', (req, res) => {\n  counts[req.body.option] = (counts[req.body.option] || 0) + 1;\n});",
      "app.put('/config', (req, res) => {\n  const update = {};\n  for (const key of Object.keys(req.body.params)) update[`params.${key}`] = req.body.params[key];\n  res.json(update);\n});",
      "function setPath(obj, path, value) {\n  const keys = path.split('.');\n  let cur = obj;\n  for (const k of keys.slice(0, -1)) {\n    if (k === '__proto__' || k === 'constructor') throw new Error('bad key');\n    cur = cur[k] ??= {};\n  }\n  cur[keys[keys.length - 1]] = value;\n}",
      "const handlers = { list, create };\napp.post('/rpc', (req, res) => {\n  const { method } = req.body;\n  if (!Object.hasOwn(handlers, method)) return res.sendStatus(404);\n  handlers[method](req, res);\n});",
      { filename: 'sample.ts', code: "export function at(items: string[], index: number, value: string) {\n  items[index] = value;\n  table[index][index] = value;\n}" },
    ],
    invalid: [
      "app.post('/settings', (req, res) => {\n  const { section, key, value } = req.body;\n  settings[section][key] = value;\n  res.sendStatus(204);\n});",
      "function merge(target, source) {\n  for (const key in source) {\n    if (typeof source[key] === 'object' && source[key] !== null) {\n      if (!target[key]) target[key] = {};\n      merge(target[key], source[key]);\n    } else {\n      target[key] = source[key];\n    }\n  }\n  return target;\n}",
      "function setPath(obj, path, value) {\n  const keys = path.split('.');\n  let cur = obj;\n  for (let i = 0; i < keys.length - 1; i++) {\n    const k = keys[i];\n    if (!cur[k]) cur[k] = {};\n    cur = cur[k];\n  }\n  cur[keys[keys.length - 1]] = value;\n}",
      "router.post('/rpc/:action', (req, res) => {\n  const result = service[req.params.action](req.body);\n  res.json(result);\n});",
      "export default function handler(req, res) {\n  const field = req.query.field;\n  user[field] = req.query.value;\n  res.end();\n}",
      { filename: 'sample.ts', code: "router.post('/flags', async (ctx) => {\n  const name = ctx.request.body.name as string;\n  config.features[name].enabled = true;\n});" },
      "app.get('/run', (req, res) => {\n  const action = actions[req.query.do];\n  action(req, res);\n});",
      "const deepAssign = (dst, src) => {\n  Object.keys(src).forEach((k) => {\n    if (isObject(src[k])) deepAssign(dst[k], src[k]);\n    else dst[k] = src[k];\n  });\n};",
      "function set(obj, a, b, value) {\n  obj[a][b] = value;\n}",
    ],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const keyOrigin = (member: Node): Origin => {
      if (!member.computed) return 'trusted';
      const key = unwrap(member.property);
      if (!key || staticValue(key) !== undefined || (key.type === 'Literal' && typeof key.value !== 'string') || cannotNameSpecialKey(key)) return 'trusted';
      return originOf(key, sourceCode);
    };
    const exempt = (member: Node): boolean => {
      const iterated = iteratedObject(member.property);
      if (iterated && sameExpression(iterated, member.object, sourceCode)) return true;
      return isPrototypeless(member.object) || isGuarded(member.property, sourceCode);
    };
    const keyText = (member: Node): string => sourceCode.getText(unwrap(member.property)!);

    return {
      MemberExpression(node) {
        // Only writes, `o[a][b] = v`, calls and `const f = o[k]` can be reported: skip every
        // other computed read before the (costly) origin analysis of its key.
        if (!node.computed) return;
        const p = node.parent;
        const mayMatter =
          (p?.type === 'MemberExpression' && p.object === node && isAssignmentTarget(p)) ||
          isAssignmentTarget(node) ||
          (p?.type === 'CallExpression' && unwrap(p.callee) === node) ||
          (p?.type === 'VariableDeclarator' && p.init === node);
        if (!mayMatter) return;
        const origin = keyOrigin(node);
        if (!isTainted(origin)) return;
        const where = origin === 'input' ? 'comes from the request' : 'comes from a function parameter';
        const parent = node.parent;

        // o[a][b] = v / o[a].x = v: pollution of the object behind o[a]
        if (parent?.type === 'MemberExpression' && parent.object === node && isAssignmentTarget(parent)) {
          const inner = keyOrigin(parent);
          // for library helpers, the shape is set(obj, a, b, value): keys and value from the caller
          if (origin === 'parameter' && (!isTainted(inner) || !isTainted(originOf(parent.parent?.right, sourceCode)))) return;
          if (exempt(node)) return;
          context.report({
            node,
            message: `The key \`${keyText(node)}\` ${where}; if it is "__proto__", \`${sourceCode.getText(parent)} = ...\` writes to Object.prototype and changes every object in the process (prototype pollution).`,
            severity: 'high',
            confidence: origin === 'input' ? 'high' : 'medium',
          });
          return;
        }

        if (isAssignmentTarget(node)) {
          const obj = unwrap(node.object);
          // reported on the inner access already
          if (obj?.type === 'MemberExpression' && isTainted(keyOrigin(obj))) return;
          if (isPathWalk(node.object, sourceCode)) {
            if (isEmptyContainer(parent?.right) || exempt(node)) return;
            if (origin === 'parameter' && !isTainted(originOf(parent?.right, sourceCode))) return;
            context.report({
              node,
              message: `This path walk follows keys that ${origin === 'input' ? 'come from the request' : 'come from a function parameter'}; a path such as "__proto__.isAdmin" reaches Object.prototype and this write pollutes every object.`,
              severity: 'high',
              confidence: origin === 'input' ? 'high' : 'medium',
            });
            return;
          }
          if (origin !== 'input' || exempt(node)) return;
          context.report({
            node,
            message: `The property name \`${keyText(node)}\` ${where}; writing it lets the caller set "__proto__" or overwrite any existing property of this object.`,
            confidence: 'high',
          });
          return;
        }

        if (origin !== 'input') return;
        const called = (parent?.type === 'CallExpression' && unwrap(parent.callee) === node) || isCalledLater(node);
        if (!called || exempt(node)) return;
        context.report({
          node,
          message: `The method name \`${keyText(node)}\` ${where}; the caller can invoke any property, including inherited ones such as constructor or __defineGetter__.`,
          confidence: 'high',
        });
      },

      // merge(target[key], source[key]) / Object.assign(target[key], source[key])
      CallExpression(node) {
        const [first, ...rest] = node.arguments.map((a: Node) => unwrap(a));
        if (first?.type !== 'MemberExpression' || !first.computed) return;
        const origin = keyOrigin(first);
        if (!isTainted(origin)) return;
        const pairsKey = rest.some((a: Node | null | undefined) => a?.type === 'MemberExpression' && a.computed && sameExpression(a.property, first.property, sourceCode) && !sameExpression(a.object, first.object, sourceCode));
        if (!pairsKey) return;
        const name = staticName(node.callee) ?? '';
        // a recursive walk that writes into the target (not a deep-equal that only reads)
        const merges = name === 'Object.assign' || MERGE_NAME.test(name) || (isRecursive(node, name) && writesInto(first.object));
        if (!merges) return;
        if (exempt(first)) return;
        context.report({
          node: first,
          message: `\`${name}(${sourceCode.getText(first)}, ...)\` merges into a property named by a key that ${origin === 'input' ? 'comes from the request' : 'comes from the merged object'}; a "__proto__" key makes it merge into Object.prototype (prototype pollution).`,
          severity: 'high',
          confidence: origin === 'input' ? 'high' : 'medium',
        });
      },
    };
  },
};

export default rule;
