/**
 * Where a value comes from, read from the syntax tree alone (no scope manager, so rules
 * behave the same in ESLint): fixed when the code was written, request input, a function
 * parameter, or something we cannot tell. Sink rules use it to stay silent on values an
 * attacker cannot choose and to rate their confidence on the rest.
 */
import { childKeys, enclosingFunction, isNode, nodeEnd, nodeStart, nodesOfType, propertyName, resolveCallee, staticValue, unwrap } from './ast.js';
import type { Node, RuleSourceCode } from './types.js';

/**
 * Ordered from harmless to worst; combining two values keeps the worst.
 * - trusted: written in the code, derived from the file's own location, the environment the
 *   operator controls (process.env, os.tmpdir()), or a number / random id.
 * - unknown: computed in a way we do not follow (another function's return value...).
 * - parameter: a function parameter: whoever calls the function chooses it.
 * - input: read from an HTTP request (req.query, ctx.request.body, event.body...).
 */
export type Origin = 'trusted' | 'unknown' | 'parameter' | 'input';

const RANK: Record<Origin, number> = { trusted: 0, unknown: 1, parameter: 2, input: 3 };

export function worst(a: Origin, b: Origin): Origin {
  return RANK[a] >= RANK[b] ? a : b;
}

export interface OriginOptions {
  /**
   * Rule-specific neutralisers: a node for which this returns true yields a trusted value
   * (e.g. path.basename for file paths, escapeRegExp for patterns, shell-quote for commands).
   */
  readonly sanitizer?: (node: Node, sourceCode: RuleSourceCode) => boolean;
}

// ---------------------------------------------------------------------------------------
// Request input: the objects web frameworks hand to handlers, and their attacker-set parts.

/** Root names → properties of that root that carry request data. */
const REQUEST_SOURCES: readonly { readonly root: readonly string[]; readonly props: ReadonlySet<string> }[] = [
  // Express, Fastify, Hapi (payload), Next.js API routes, node:http
  { root: ['req'], props: new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'url', 'originalUrl', 'path', 'payload', 'rawBody']) },
  { root: ['request'], props: new Set(['body', 'query', 'params', 'headers', 'cookies', 'url', 'payload', 'rawBody', 'nextUrl']) },
  // Koa: ctx.query, ctx.params (router), ctx.request.body
  { root: ['ctx'], props: new Set(['query', 'params', 'headers', 'querystring', 'path', 'url']) },
  { root: ['ctx', 'request'], props: new Set(['body', 'query', 'headers', 'querystring', 'path', 'url', 'files']) },
  { root: ['ctx', 'req'], props: new Set(['body', 'headers', 'url']) },
  { root: ['context', 'request'], props: new Set(['body', 'query', 'headers']) },
  // AWS Lambda behind API Gateway
  { root: ['event'], props: new Set(['body', 'queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'headers']) },
];

/** Request methods that return request data: req.get('x'), req.header('x'), req.param('x'). */
const REQUEST_GETTERS: readonly { readonly root: readonly string[]; readonly methods: ReadonlySet<string> }[] = [
  { root: ['req'], methods: new Set(['get', 'header', 'param']) },
  // Fetch API Request (Next.js route handlers, Remix, Deno, Workers), Fastify/Hapi request
  { root: ['request'], methods: new Set(['get', 'header', 'json', 'text', 'formData']) },
  // Hono
  { root: ['c', 'req'], methods: new Set(['query', 'queries', 'param', 'header', 'json', 'text', 'parseBody', 'formData']) },
  { root: ['ctx'], methods: new Set(['get']) },
  { root: ['ctx', 'cookies'], methods: new Set(['get']) },
];

/** `a.b[c].d` → ['a', 'b', '?', 'd'] (computed parts become '?'); undefined unless rooted at an identifier. */
function chain(node: Node): string[] | undefined {
  const parts: string[] = [];
  let cur = unwrap(node);
  while (cur && cur.type === 'MemberExpression') {
    parts.unshift(propertyName(cur.property, cur.computed) ?? '?');
    cur = unwrap(cur.object);
  }
  if (!cur || cur.type !== 'Identifier') return undefined;
  parts.unshift(cur.name);
  return parts;
}

function startsWith(parts: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((p, i) => parts[i] === p);
}

/** True for `req.query`, `req.body.user.name`, `ctx.request.body`, `req.get('x')`, `event.pathParameters.id`... */
export function isRequestInput(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'CallExpression') {
    const callee = unwrap(n.callee);
    if (callee?.type !== 'MemberExpression') return false;
    const parts = chain(callee);
    if (!parts) return false;
    const method = parts[parts.length - 1];
    const root = parts.slice(0, -1);
    return REQUEST_GETTERS.some((g) => g.root.length === root.length && startsWith(root, g.root) && g.methods.has(method));
  }
  if (n.type !== 'MemberExpression') return false;
  const parts = chain(n);
  if (!parts) return false;
  return REQUEST_SOURCES.some((s) => parts.length > s.root.length && startsWith(parts, s.root) && s.props.has(parts[s.root.length]));
}

// ---------------------------------------------------------------------------------------
// Declarations: which node declares a name visible at some place (a light scope lookup).

export type DeclarationKind = 'const' | 'let' | 'var' | 'param' | 'import' | 'function' | 'class' | 'catch' | 'for-of' | 'for-in';

export interface Declaration {
  readonly kind: DeclarationKind;
  readonly name: string;
  /** VariableDeclarator, the function (for params), ForOf/ForIn statement, ImportDeclaration, CatchClause... */
  readonly node: Node;
  /** Property path inside a destructuring pattern: `const { a: { b } } = x` → b has ['a', 'b']; array elements are '[]'. */
  readonly path: readonly string[];
  /** For params: the parameter's position. */
  readonly index?: number;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export function isFunction(node: Node | null | undefined): boolean {
  return !!node && FUNCTION_TYPES.has(node.type);
}

function bindNames(pattern: Node | null | undefined, path: string[], out: (name: string, path: string[]) => void): void {
  const p = unwrap(pattern);
  if (!p) return;
  switch (p.type) {
    case 'Identifier':
      out(p.name, path);
      break;
    case 'ObjectPattern':
      for (const prop of p.properties) {
        if (prop.type === 'RestElement') bindNames(prop.argument, path, out);
        else bindNames(prop.value, [...path, propertyName(prop.key, prop.computed) ?? '?'], out);
      }
      break;
    case 'ArrayPattern':
      for (const el of p.elements) if (el) bindNames(el, [...path, '[]'], out);
      break;
    case 'AssignmentPattern':
      bindNames(p.left, path, out);
      break;
    case 'RestElement':
      bindNames(p.argument, path, out);
      break;
    case 'TSParameterProperty':
      bindNames(p.parameter, path, out);
      break;
  }
}

const scopeCache = new WeakMap<Node, Map<string, Declaration>>();

/** Keys that never hold child nodes (ESLint's Program also carries tokens and comments). */
const NOT_CHILDREN = new Set(['parent', 'loc', 'range', 'tokens', 'comments', 'typeAnnotation']);

function pushChildren(n: Node, stack: Node[]): void {
  for (const key of childKeys(n)) {
    if (NOT_CHILDREN.has(key)) continue;
    const v = n[key];
    if (Array.isArray(v)) for (const c of v) isNode(c) && stack.push(c);
    else if (isNode(v)) stack.push(v);
  }
}

function addVariableDeclaration(decl: Node, map: Map<string, Declaration>, onlyVar: boolean): void {
  if (decl.type !== 'VariableDeclaration') return;
  if (onlyVar !== (decl.kind === 'var')) return;
  const kind: DeclarationKind = decl.kind === 'const' ? 'const' : decl.kind === 'var' ? 'var' : 'let';
  for (const d of decl.declarations) bindNames(d.id, [], (name, path) => map.set(name, { kind, name, node: d, path }));
}

/** `var` declarations anywhere in a function body, not crossing into nested functions. */
function collectVars(root: Node, map: Map<string, Declaration>): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n !== root && isFunction(n)) continue;
    if (n.type === 'VariableDeclaration' && n.kind === 'var') addVariableDeclaration(n, map, true);
    pushChildren(n, stack);
  }
}

function statementDeclarations(statements: readonly Node[], map: Map<string, Declaration>): void {
  for (const raw of statements) {
    const s = raw.type === 'ExportNamedDeclaration' || raw.type === 'ExportDefaultDeclaration' ? raw.declaration : raw;
    if (!s) continue;
    if (s.type === 'VariableDeclaration') addVariableDeclaration(s, map, false);
    else if ((s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration' || s.type === 'TSEnumDeclaration') && s.id) {
      map.set(s.id.name, { kind: s.type === 'FunctionDeclaration' ? 'function' : 'class', name: s.id.name, node: s, path: [] });
    } else if (s.type === 'ImportDeclaration') {
      for (const spec of s.specifiers) map.set(spec.local.name, { kind: 'import', name: spec.local.name, node: s, path: [] });
    } else if (s.type === 'TSImportEqualsDeclaration') {
      map.set(s.id.name, { kind: 'import', name: s.id.name, node: s, path: [] });
    }
  }
}

/** Names declared directly by a scope-creating node. */
const SCOPE_TYPES = new Set([
  'Program', 'BlockStatement', 'StaticBlock', 'SwitchStatement', 'ForStatement', 'ForOfStatement', 'ForInStatement',
  'CatchClause', 'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassExpression',
]);
const NO_DECLARATIONS: ReadonlyMap<string, Declaration> = new Map();

function scopeDeclarations(scope: Node): ReadonlyMap<string, Declaration> {
  // Most ancestors (calls, members, expressions) declare nothing: no map, no cache entry.
  if (!SCOPE_TYPES.has(scope.type)) return NO_DECLARATIONS;
  let map = scopeCache.get(scope);
  if (map) return map;
  map = new Map();
  switch (scope.type) {
    case 'Program':
      collectVars(scope, map);
      statementDeclarations(scope.body, map);
      break;
    case 'BlockStatement':
    case 'StaticBlock':
      statementDeclarations(scope.body, map);
      break;
    case 'SwitchStatement':
      for (const c of scope.cases) statementDeclarations(c.consequent, map);
      break;
    case 'ForStatement':
      if (scope.init) addVariableDeclaration(scope.init, map, false);
      break;
    case 'ForOfStatement':
    case 'ForInStatement':
      if (scope.left.type === 'VariableDeclaration') {
        const kind: DeclarationKind = scope.type === 'ForOfStatement' ? 'for-of' : 'for-in';
        bindNames(scope.left.declarations[0].id, [], (name, path) => map!.set(name, { kind, name, node: scope, path }));
      }
      break;
    case 'CatchClause':
      bindNames(scope.param, [], (name, path) => map!.set(name, { kind: 'catch', name, node: scope, path }));
      break;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (scope.body?.type === 'BlockStatement') collectVars(scope.body, map);
      scope.params.forEach((p: Node, index: number) => bindNames(p, [], (name, path) => map!.set(name, { kind: 'param', name, node: scope, path, index })));
      if (scope.type === 'FunctionExpression' && scope.id && !map.has(scope.id.name)) {
        map.set(scope.id.name, { kind: 'function', name: scope.id.name, node: scope, path: [] });
      }
      break;
    case 'ClassExpression':
      if (scope.id) map.set(scope.id.name, { kind: 'class', name: scope.id.name, node: scope, path: [] });
      break;
  }
  scopeCache.set(scope, map);
  return map;
}

/** The declaration a name refers to at `from`, searching outward through enclosing scopes. */
export function findDeclaration(name: string, from: Node): Declaration | undefined {
  let cur: Node | null | undefined = from;
  while (cur) {
    const found = scopeDeclarations(cur).get(name);
    if (found) return found;
    cur = cur.parent;
  }
  return undefined;
}

/** Every `name = x` / `name += x` in a file, by name, in source order: built once per file from its node index. */
const assignmentIndex = new WeakMap<Node, Map<string, Node[]>>();

function assignmentsByName(program: Node): Map<string, Node[]> {
  let index = assignmentIndex.get(program);
  if (index) return index;
  index = new Map();
  for (const n of nodesOfType({ ast: program }, 'AssignmentExpression')) {
    const left = unwrap(n.left);
    if (left?.type !== 'Identifier') continue;
    const list = index.get(left.name);
    if (list) list.push(n);
    else index.set(left.name, [n]);
  }
  assignmentIndex.set(program, index);
  return index;
}

/**
 * Right-hand sides of `name = x` / `name += x` that assign this very binding (a shadowing
 * declaration of the same name elsewhere is told apart: lookups return the cached object).
 * Only assignments inside the declaring function or program can: found by position among the
 * file's assignments to that name, not by walking the function again for each binding (which
 * cost a walk of every enclosing function per nesting level in bundled code).
 */
export function assignmentsTo(d: Declaration): Node[] {
  const scope = d.kind === 'param' ? d.node : enclosingBody(d.node);
  let program = scope;
  while (program.parent) program = program.parent;
  const candidates = assignmentsByName(program).get(d.name);
  if (!candidates) return [];
  const from = nodeStart(scope);
  const to = nodeEnd(scope);
  // The first candidate at or after the scope's start (candidates are in source order).
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (nodeStart(candidates[mid]) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Node[] = [];
  for (let i = lo; i < candidates.length && nodeStart(candidates[i]) < to; i++) {
    if (findDeclaration(d.name, candidates[i]) === d) out.push(candidates[i].right);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Origins.

/** Globals whose value never comes from outside. */
const TRUSTED_GLOBALS = new Set(['__dirname', '__filename', 'undefined', 'NaN', 'Infinity']);

/** Calls that return numbers or booleans: never a path, a command or a property name of consequence. */
const NUMERIC_FUNCTIONS = new Set(['Number', 'parseInt', 'parseFloat', 'Boolean', 'isNaN', 'isFinite']);
const NUMERIC_METHODS = new Set(['toFixed', 'toPrecision', 'getTime', 'indexOf', 'lastIndexOf', 'findIndex', 'charCodeAt', 'codePointAt', 'localeCompare', 'includes', 'startsWith', 'endsWith', 'test', 'has', 'toISOString']);

/** Modules whose every export yields values no request chooses: ids, random bytes, machine facts. */
const GENERATED_MODULES = new Set(['crypto', 'uuid', 'nanoid', 'os', 'cuid', '@paralleldrive/cuid2', 'ulid']);

/** Methods whose result carries their receiver's data (strings, arrays, URLs, maps of params). */
const PASS_THROUGH_METHODS = new Set([
  'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'slice', 'substring',
  'substr', 'split', 'join', 'concat', 'replace', 'replaceAll', 'padStart', 'padEnd', 'normalize', 'toString', 'at', 'charAt',
  'flat', 'filter', 'sort', 'reverse', 'repeat', 'get', 'getAll', 'map', 'flatMap', 'find', 'findLast', 'pop', 'shift', 'values', 'keys', 'entries',
]);

/** Global functions and static methods whose result carries their arguments' data. */
const PASS_THROUGH_FUNCTIONS = new Set([
  'String', 'decodeURIComponent', 'decodeURI', 'encodeURIComponent', 'encodeURI', 'unescape', 'escape',
  'Object.keys', 'Object.values', 'Object.entries', 'Object.getOwnPropertyNames', 'Array.from', 'Array.of',
  'JSON.stringify', 'JSON.parse', 'Buffer.from', 'String.raw', 'path.join', 'structuredClone',
]);

/** Array methods that call back with each element of the receiver as the first argument. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);

/** fs functions that list directory entries: their results are names, not attacker text. */
const DIRECTORY_LISTINGS = new Set(['readdir', 'readdirSync', 'opendir', 'opendirSync', 'glob', 'globSync']);
const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs', 'mz/fs']);

/** True for `fs.readdirSync(x)`, `await fsp.readdir(x)`, `readdir(x)` imported from fs. */
export function isDirectoryListing(node: Node | null | undefined, sourceCode: RuleSourceCode): boolean {
  let n = unwrap(node);
  if (n?.type === 'AwaitExpression') n = unwrap(n.argument);
  if (n?.type !== 'CallExpression') return false;
  const b = resolveCallee(n.callee, sourceCode);
  if (!b || !FS_MODULES.has(b.module)) return false;
  return DIRECTORY_LISTINGS.has(b.path[b.path.length - 1]);
}

const MAX_DEPTH = 30;

interface State {
  readonly sourceCode: RuleSourceCode;
  readonly options: OriginOptions;
  readonly active: Set<Node>;
  /** Declarations already resolved during this query (shared references are followed once). */
  readonly memo: Map<Declaration, Origin>;
  depth: number;
}

/**
 * Answers already given, per sanitizer (none: undefined), by node: several rules ask about the
 * same expressions, and a query's answer depends only on the (unchanging) tree.
 */
const originCache = new Map<OriginOptions['sanitizer'], WeakMap<Node, Origin>>();

/** Where the value of `node` comes from. */
export function originOf(node: Node | null | undefined, sourceCode: RuleSourceCode, options: OriginOptions = {}): Origin {
  if (!node) return origin(node, { sourceCode, options, active: new Set(), memo: new Map(), depth: 0 });
  let answers = originCache.get(options.sanitizer);
  if (!answers) originCache.set(options.sanitizer, (answers = new WeakMap()));
  let answer = answers.get(node);
  if (answer === undefined) {
    answer = origin(node, { sourceCode, options, active: new Set(), memo: new Map(), depth: 0 });
    answers.set(node, answer);
  }
  return answer;
}

/** True when the value is fixed or environment-derived: nothing a caller or a request chooses. */
export function isTrusted(node: Node | null | undefined, sourceCode: RuleSourceCode, options: OriginOptions = {}): boolean {
  return originOf(node, sourceCode, options) === 'trusted';
}

function all(nodes: readonly (Node | null | undefined)[], s: State): Origin {
  let o: Origin = 'trusted';
  for (const n of nodes) {
    if (!n) continue;
    o = worst(o, origin(n.type === 'SpreadElement' ? n.argument : n, s));
    if (o === 'input') break;
  }
  return o;
}

function origin(node: Node | null | undefined, s: State): Origin {
  const n = unwrap(node);
  if (!n) return 'trusted';
  if (s.depth > MAX_DEPTH) return 'unknown';
  if (s.options.sanitizer?.(n, s.sourceCode)) return 'trusted';
  if (staticValue(n) !== undefined) return 'trusted';
  // `req.query.q.length` is a number, whatever the string was
  if (n.type === 'MemberExpression' && ['length', 'size', 'byteLength'].includes(propertyName(n.property, n.computed) ?? '')) return 'trusted';
  if (isRequestInput(n)) return 'input';
  s.depth++;
  try {
    return originInner(n, s);
  } finally {
    s.depth--;
  }
}

function originInner(n: Node, s: State): Origin {
  switch (n.type) {
    case 'Literal':
    case 'RegExpLiteral':
    case 'MetaProperty': // import.meta.*
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
    case 'ClassExpression':
    case 'UnaryExpression': // typeof, !, -: never a string an attacker writes
    case 'UpdateExpression':
      return 'trusted';
    case 'Identifier':
      return identifierOrigin(n, s);
    case 'TemplateLiteral':
      return all(n.expressions, s);
    case 'TaggedTemplateExpression':
      return 'unknown';
    case 'BinaryExpression':
      // Only `+` can build a string; arithmetic and comparisons give numbers and booleans.
      return n.operator === '+' ? all([n.left, n.right], s) : 'trusted';
    case 'LogicalExpression':
      return all([n.left, n.right], s);
    case 'ConditionalExpression':
      return all([n.consequent, n.alternate], s);
    case 'AssignmentExpression':
      return origin(n.right, s);
    case 'SequenceExpression':
      return origin(n.expressions[n.expressions.length - 1], s);
    case 'AwaitExpression':
      return origin(n.argument, s);
    case 'ArrayExpression':
      return all(n.elements, s);
    case 'ObjectExpression':
      // Reading from an object literal gives one of its values.
      return all(n.properties.map((p: Node) => (p.type === 'SpreadElement' ? p.argument : p.value)), s);
    case 'MemberExpression':
      return memberOrigin(n, s);
    case 'CallExpression':
      return callOrigin(n, s);
    case 'NewExpression': {
      const callee = unwrap(n.callee);
      if (callee?.type === 'Identifier' && (callee.name === 'URL' || callee.name === 'String')) return all(n.arguments, s);
      if (callee?.type === 'Identifier' && (callee.name === 'Date' || callee.name === 'Number')) return 'trusted';
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}

function memberOrigin(n: Node, s: State): Origin {
  const parts = chain(n);
  if (parts) {
    // Operator-controlled configuration and the process's own facts.
    if (parts[0] === 'process' && ['env', 'execPath', 'argv', 'platform', 'pid', 'arch', 'version', 'versions'].includes(parts[1])) return 'trusted';
    if (parts[0] === 'os' && parts.length === 2 && parts[1] === 'EOL') return 'trusted';
  }
  // An element read from an object written in the code is that object's value (or undefined),
  // whatever the key: `TEMPLATES[name]` is one of the templates.
  return origin(n.object, s);
}

function calleeName(callee: Node): string | undefined {
  const c = unwrap(callee);
  if (!c) return undefined;
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression') {
    const obj = unwrap(c.object);
    const prop = propertyName(c.property, c.computed);
    if (obj?.type === 'Identifier' && prop) return `${obj.name}.${prop}`;
  }
  return undefined;
}

function callOrigin(n: Node, s: State): Origin {
  if (isDirectoryListing(n, s.sourceCode)) return 'trusted';
  const callee = unwrap(n.callee);
  if (!callee) return 'unknown';
  const name = calleeName(callee);
  if (name && NUMERIC_FUNCTIONS.has(name)) return 'trusted';
  if (name && (name.startsWith('Math.') || name.startsWith('Number.') || name === 'Date.now' || name === 'process.cwd' || name === 'process.uptime')) return 'trusted';
  if (name === 'require.resolve') return all(n.arguments, s);
  // require('./config'): a module of the application (or a package), like an import
  if (name === 'require' && n.arguments.length === 1 && staticValue(n.arguments[0]) !== undefined) return 'trusted';
  const binding = resolveCallee(n.callee, s.sourceCode);
  if (binding) {
    if (GENERATED_MODULES.has(binding.module)) return 'trusted';
    const fn = binding.path[binding.path.length - 1];
    // path.join(__dirname, 'x'), fileURLToPath(new URL('./x', import.meta.url)): data of the arguments.
    if (binding.module === 'path' || binding.module === 'url' || binding.module === 'util') return all(n.arguments, s);
    if (binding.module === 'fs' && fn === 'realpathSync') return all(n.arguments, s);
  }
  if (name && PASS_THROUGH_FUNCTIONS.has(name)) return all(n.arguments, s);
  if (callee.type === 'MemberExpression') {
    const method = propertyName(callee.property, callee.computed);
    if (method && NUMERIC_METHODS.has(method)) return 'trusted';
    if (method === 'toString' && n.arguments.length === 1 && ['hex', 'base64', 'base64url'].includes(staticValue(n.arguments[0]) ?? '')) return 'trusted';
    if (method && PASS_THROUGH_METHODS.has(method)) {
      const receiver = origin(callee.object, s);
      return method === 'concat' ? worst(receiver, all(n.arguments, s)) : receiver;
    }
  }
  return 'unknown';
}

function identifierOrigin(n: Node, s: State): Origin {
  if (TRUSTED_GLOBALS.has(n.name)) return 'trusted';
  const d = findDeclaration(n.name, n);
  if (!d) return 'unknown';
  const known = s.memo.get(d);
  if (known !== undefined) return known;
  const o = declarationOrigin(d, s);
  s.memo.set(d, o);
  return o;
}

/** The origin of whatever a declaration binds. */
function declarationOrigin(d: Declaration, s: State): Origin {
  switch (d.kind) {
    case 'import':
    case 'function':
    case 'class':
      return 'trusted';
    case 'catch':
      return 'unknown';
    case 'param':
      return parameterOrigin(d, s);
    case 'for-of':
    case 'for-in': {
      if (s.active.has(d.node)) return 'trusted';
      s.active.add(d.node);
      try {
        // Keys of an object (for-in) and elements of an iterable (for-of) carry its origin;
        // `for (const [i, x] of arr.entries())` binds a number first.
        if (d.kind === 'for-of' && d.path[0] === '[]' && isEntriesCall(d.node.right) && isFirstArrayElement(d)) return 'trusted';
        return origin(d.node.right, s);
      } finally {
        s.active.delete(d.node);
      }
    }
    default: {
      // const / let / var
      if (s.active.has(d.node)) return 'trusted';
      s.active.add(d.node);
      try {
        let o = d.node.init ? destructuredOrigin(d.node.init, d.path, s) : 'trusted';
        if (d.kind !== 'const') for (const rhs of assignmentsTo(d)) o = worst(o, origin(rhs, s));
        return o;
      } finally {
        s.active.delete(d.node);
      }
    }
  }
}

function isEntriesCall(node: Node): boolean {
  const n = unwrap(node);
  return n?.type === 'CallExpression' && unwrap(n.callee)?.type === 'MemberExpression' && propertyName(unwrap(n.callee)!.property, unwrap(n.callee)!.computed) === 'entries' && n.arguments.length === 0;
}

function isFirstArrayElement(d: Declaration): boolean {
  const pattern = unwrap(d.node.left.declarations[0].id);
  return pattern?.type === 'ArrayPattern' && pattern.elements[0]?.type === 'Identifier' && pattern.elements[0].name === d.name;
}

/** `const { file } = req.query` → the origin of `req.query.file`; `const { query } = req` → input. */
function destructuredOrigin(init: Node, path: readonly string[], s: State): Origin {
  if (path.length > 0) {
    const parts = chain(init);
    if (parts) {
      const full = [...parts, ...path.filter((p) => p !== '[]')];
      const hit = REQUEST_SOURCES.some((src) => full.length > src.root.length && startsWith(full, src.root) && src.props.has(full[src.root.length]));
      if (hit) return 'input';
    }
  }
  return origin(init, s);
}

function parameterOrigin(d: Declaration, s: State): Origin {
  const fn = d.node;
  const parent = fn.parent;
  // Callbacks: arr.forEach(x => ...) binds an element of arr; arr.map((x, i) => ...) an index.
  if (parent && parent.type === 'CallExpression' && parent.arguments.includes(fn)) {
    const callee = unwrap(parent.callee);
    const method = callee?.type === 'MemberExpression' ? propertyName(callee.property, callee.computed) : undefined;
    if (method && callee && (ELEMENT_CALLBACKS.has(method) || method === 'reduce')) {
      const elementIndex = method === 'reduce' ? 1 : 0;
      if (d.index === elementIndex) {
        if (s.active.has(fn)) return 'trusted';
        s.active.add(fn);
        try {
          return origin(callee.object, s);
        } finally {
          s.active.delete(fn);
        }
      }
      if (d.index === elementIndex + 1) return 'trusted'; // the index
      if (method === 'reduce' && d.index === 0) return 'unknown'; // the accumulator
    }
    // fs.readdir(dir, (err, names) => ...): directory entry names.
    if (isDirectoryListing(parent, s.sourceCode)) return 'trusted';
  }
  // (index: number) in TypeScript: a number cannot carry a path, a command or "__proto__".
  if (d.path.length === 0 && d.index !== undefined) {
    let p = fn.params[d.index];
    if (p?.type === 'AssignmentPattern') p = p.left;
    const t = p?.typeAnnotation?.typeAnnotation;
    if (t && (t.type === 'TSNumberKeyword' || t.type === 'TSBooleanKeyword' || t.type === 'TSBigIntKeyword')) return 'trusted';
  }
  return 'parameter';
}

/** The declaration of the identifier at the root of `node` (`a` in `a.b[c]`), if any. */
export function rootDeclaration(node: Node | null | undefined): Declaration | undefined {
  let n = unwrap(node);
  while (n && n.type === 'MemberExpression') n = unwrap(n.object);
  if (!n || n.type !== 'Identifier') return undefined;
  return findDeclaration(n.name, n);
}

/** The function (or the Program) that encloses `node`: the unit rules search for guards in. */
export function enclosingBody(node: Node): Node {
  const fn = enclosingFunction(node);
  if (fn) return fn;
  let cur: Node = node;
  while (cur.parent) cur = cur.parent;
  return cur;
}
