/**
 * The per-file taint pass: an abstract interpreter over the syntax tree the scanner already
 * parsed. It follows values through scopes and bindings, assignments, destructuring, spread,
 * templates and concatenation, string and array methods, object fields, closures and
 * callbacks, and summarises each function (which parameters reach its return value and which
 * reach sinks) so that calls apply the summary instead of re-reading the body. Sources,
 * sinks and sanitizers come from the tables (sources.ts, sinks.ts, sanitizers.ts) plus the
 * user's config. Cross-file calls are recorded in a serialisable FileSummary for link.ts.
 *
 * It is bounded: each function body is interpreted once for its summary (plus once per
 * inline callback), flows per value and steps per trace are capped, and a step budget stops
 * pathological files (the file is then reported as skipped by the taint analysis).
 */
import { posix } from 'node:path';
import type { Confidence } from '@rampart/core';
import { isNullPrototypeObject, moduleBindings, nodeEnd, nodeStart, nodesOfType, propertyName, resolveCallee, staticValue, unwrap, type Binding } from '../rules/ast.js';
import { findBacktracking } from '../rules/lint/unsafe-regex.js';
import { findDeclaration } from '../rules/value-origin.js';
import { manifestChain } from '../rules/project.js';
import type { Node, RuleSourceCode } from '../rules/types.js';
import { LineIndex, snippetOf } from '../engine/lines.js';
import { jsLang, parseJs } from '../engine/parse.js';
import type { ProjectFileReader } from '../engine/read.js';
import { exportAt, specifierCandidates } from './modules.js';
import { blockedAt, classBit, classMask, INPUT_CLEARED, OWNER_ONLY, SENSITIVE_CLEARED, ALL_CLASSES_MASK, URL_SCHEME_CHECKED, SHORT_TEXT, SHORT_TEXT_LIMIT, type TaintClass } from './classes.js';
import {
  ENV_CLASSES, GLOBAL_INPUTS, INPUT_DECORATORS, INPUT_EVENTS, NESTED_REQUESTS, PROJECTION_KEYS, PROJECTION_METHODS,
  OWNER_CREDENTIAL_FIELD, RECORD_CONTAINERS, RECORD_READ_METHODS, REQUEST_INPUTS, REQUEST_NAMES, RESPONSE_NAMES, SENSITIVE_FIELD, UPLOAD_SERVER_FIELDS,
} from './sources.js';
import { SINKS, XML_DOCUMENT_PARSERS, type SinkSpec } from './sinks.js';
import {
  AGENT_FIELDS, ANGLE_CLASSES, CONTAINMENT_CLASSES, DOTDOT_CLASSES, NEWLINE_CLASSES, PROTO_KEY_CLASSES, REGEX_ESCAPE_CLASSES, SANITIZERS,
  SSRF_FILTERING_AGENTS, STRING_TYPE_CLASSES, type SanitizerSpec,
} from './sanitizers.js';
import type { CallRecord, ConstantNeed, DeferredSink, ExportedConstant, ExportSummary, FileSummary, Flow, Origin, ParamSink, SinkSite, SourceRef, Step } from './summary.js';
import { isDocumentQueryPackage, mergeTables, type TaintTables } from './tables.js';
import { engineOf, unescapedNames } from './templates.js';

export interface LocalFinding {
  readonly cls: TaintClass;
  readonly node: Node;
  readonly source: SourceRef;
  readonly steps: readonly Step[];
  readonly sink: SinkSite;
}

export interface FileTaint {
  readonly findings: LocalFinding[];
  readonly summary: FileSummary;
  /** Set when the step budget ran out: the file's taint results are incomplete and dropped. */
  readonly skipped?: string;
}

const MAX_FLOWS = 8;
const MAX_STEPS = 16;
/** Expression evaluations per file before the pass gives up on it (deterministic, unlike a clock). */
const STEP_BUDGET = 400_000;
const MAX_DEPTH = 400;

type ObjKind = 'request' | 'response' | 'context' | 'ws' | 'http-server';

interface FnVal {
  readonly node: Node;
  readonly scope: Scope;
  readonly thisVal?: Value;
}

interface Value {
  readonly flows: readonly Flow[];
  readonly fields?: Map<string, Value>;
  readonly fn?: FnVal;
  readonly obj?: ObjKind;
  /** The module value this is (for `const run = promisify(exec)`, `const cp = require('child_process')`). */
  readonly module?: Binding;
  /** An instance of a class declared in this file. */
  readonly cls?: Node;
  /** The class itself (for static methods). */
  readonly classDecl?: Node;
  /** A `new URL(x)` result: the access path of x, so a check of its host also clears x. */
  readonly urlOf?: string;
  /** A `new URL(...)` instance: its string parts come out percent-encoded. */
  readonly parsedUrl?: boolean;
  /** Uploaded files (`req.file`, `req.files`): the server chose some of their fields (the temp path). */
  readonly upload?: boolean;
  /** A parsed input object (`req.query`, `req.body`): every key of it is the client's, `size` and `length` too. */
  readonly inputObject?: boolean;
  /** An instance of a class imported from a relative module: its methods are that file's exports. */
  readonly importedInstance?: Binding;
  /** A whole-record read that no projection narrowed yet (data-leak). */
  readonly record?: boolean;
  /** Built as a string around the value (concatenation/template): its static text. */
  readonly text?: string;
  /** A value known to be an object or array literal (never a string). */
  readonly object?: boolean;
  /** Reached through a key chosen by input (`node = node[key]`): writing into it can pollute a prototype. */
  readonly walked?: readonly Flow[];
  /** A compiled template: the names it outputs without escaping. */
  readonly unescaped?: readonly string[];
  /** A regular expression literal. */
  readonly regex?: { readonly pattern: string; readonly flags: string };
  /** The `resolve` of a promise executor: what it is called with. */
  readonly resolver?: Flow[];
  /** A string part of a parsed URL (`url.pathname`): the parser turned its backslashes into slashes. */
  readonly urlPart?: boolean;
  /** Text whose leading slashes (and backslashes) were stripped: after a '/', it cannot start a `//host`. */
  readonly noLeadingSlash?: boolean;
  /** An HTTP agent that refuses private and loopback addresses (request-filtering-agent). */
  readonly filteringAgent?: boolean;
  /** Koa's `ctx.state`: its fields are whatever a middleware stored there (resolved by the link phase). */
  readonly middlewareState?: boolean;
  /** A parsed XML document (libxmljs): its `find`/`get` take XPath whatever the variable is called. */
  readonly xmlDocument?: boolean;
  /** Request inputs a route's schema validated (Hapi validate, Fastify schema with patterns). */
  readonly validated?: Validated;
  /** A reply whose route declares a response schema (Fastify): only the fields it lists are sent. */
  readonly responseSchema?: boolean;
  /** A collection of such objects (`wss.clients`: the connected sockets). */
  readonly elements?: ObjKind;
  /** One of every connected client (an element of `wss.clients`): what is sent to it goes to all. */
  readonly broadcast?: boolean;
}

const CLEAN: Value = Object.freeze({ flows: [] });

class Scope {
  /** Made on the first declaration: most block scopes declare nothing, and a Map each is garbage for the GC. */
  private own: Map<string, Value> | undefined;
  constructor(
    readonly parent: Scope | undefined,
    readonly fn: FnCtx,
  ) {}
  get vars(): Map<string, Value> {
    return (this.own ??= new Map());
  }
  lookup(name: string): Value | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const v = s.own?.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  has(name: string): boolean {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.own?.has(name)) return true;
    return false;
  }
  /** Assigns to the nearest scope that declares the name, else declares it here. */
  assign(name: string, v: Value): void {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.own?.has(name)) {
        s.own.set(name, v);
        return;
      }
    }
    this.vars.set(name, v);
  }
}

interface FnCtx {
  readonly id: number;
  readonly node: Node | undefined;
  ret: Flow[];
  retValue?: Value;
  readonly sinks: ParamSink[];
  /** Layers of sanitized access paths ("req.query.id" → cleared mask), innermost last. */
  readonly sanitized: Map<string, number>[];
  /** The response content type was set to something that is not HTML in this function. */
  nonHtml: boolean;
  /** It declared an XML content type for its response (application/xml, RSS, KML, SOAP). */
  xmlBody?: boolean;
  /** The function is a controller method whose return value is the response (NestJS). */
  readonly returnsResponse: boolean;
  /** A Hapi or Fastify route handler: what it returns is sent as the response body (JSON for objects). */
  returnsData?: boolean;
  /** A Fastify route with a response schema: its serializer sends only the fields the schema lists. */
  responseSchema?: boolean;
  /** Every value returned so far was an object literal: each field's flows over all of them (null once one was not). */
  retShape?: Map<string, Value> | null;
}

class BudgetExceeded extends Error {}

/** Frameworks that make a Koa-style `(ctx, next)` first parameter a context. */
const KOA_MODULES = new Set(['koa', '@koa/router', 'koa-router']);
/** Route registration: the handler functions passed get (request, response) or (ctx, next). */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'use', 'route', 'any']);
/** String/array methods whose result no longer holds the input: counts, booleans, positions. */
const CLEAN_METHODS = new Set([
  'length', 'indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'test', 'has', 'size', 'localeCompare', 'search',
  'every', 'some', 'findIndex', 'getTime', 'valueOf', 'isArray', 'hasOwnProperty', 'charCodeAt', 'codePointAt',
]);
/** Properties whose value is a count or a type tag. */
const CLEAN_PROPERTIES = new Set(['length', 'size', 'byteLength', 'constructor']);
/** Words that name a denylist (`UNSAFE_KEYS`, `blockedHosts`): membership means the value is bad. */
const DENYLIST_WORDS = new Set(['unsafe', 'forbidden', 'blocked', 'denied', 'deny', 'denylist', 'blacklist', 'blocklist', 'black', 'reserved', 'dangerous', 'bad', 'banned', 'disallowed', 'illegal', 'invalid', 'proto', 'poisoned', 'evil', 'blacklisted', 'prohibited']);

/** Request fields that frameworks or auth middleware set, never from raw input. */
const SAFE_REQUEST_FIELDS = new Set([
  'user', 'session', 'sessionID', 'id', 'method', 'app', 'ip', 'ips', 'protocol', 'secure', 'route', 'baseUrl', 'locals', 'log', 'logger', 'res', 'response',
  'next', 'xhr', 'fresh', 'stale', 'socket', 'connection', 'httpVersion', 'aborted', 'complete', 'auth', 'isAuthenticated', 'login', 'logout', 't', 'i18n',
  'startTime', 'requestId', 'raw', 'server', 'origin', 'host', 'hostname', 'port', 'headersSent', 'nextUrl', 'signal', 'cache', 'mode', 'credentials', 'destination', 'integrity', 'keepalive', 'redirect', 'referrerPolicy', 'routeOptions', 'routerPath', 'context', 'state', 'status', 'statusCode', 'info', 'pre', 'plugins', 'credentials',
]);
/** Type annotations of a request or framework context (`Request`, `FastifyRequest`, `IncomingMessage`, `Context`, `any`). */
const REQUEST_TYPE = /Request|Req\b|IncomingMessage|Context|Ctx|Http|\bany\b|\bunknown\b|\bobject\b|^:\s*[A-Z]\b/;
/** Type annotations of a response, reply or toolkit. */
const RESPONSE_TYPE = /Response|Reply|Res\b|ServerResponse|Toolkit|Http|\bany\b|\bunknown\b|\bobject\b|^:\s*[A-Z]\b/;
/** Functions that return (a mix of) their arguments as text or structure. */
const PROPAGATORS: ReadonlySet<string> = new Set([
  'path.join', 'path.resolve', 'path.normalize', 'path.dirname', 'path.extname', 'path.format', 'path.relative', 'path.posix.join', 'path.win32.join',
  'util.format', 'util.inspect', 'url.parse', 'url.resolve', 'url.format', 'querystring.parse', 'querystring.stringify', 'qs.parse', 'qs.stringify',
  'Object.assign', 'Object.values', 'Object.entries', 'Object.keys', 'Object.fromEntries', 'Array.from', 'Array.of', 'JSON.parse', 'Buffer.from', 'Buffer.concat',
  'decodeURIComponent', 'decodeURI', 'encodeURI', 'atob', 'btoa', 'structuredClone', 'String.raw', 'Promise.resolve', 'Promise.all', 'Promise.allSettled',
  'lodash.get', '_.get', 'lodash.pick', '_.pick', 'lodash.merge', '_.merge', 'lodash.clone', '_.clone', 'lodash.cloneDeep', '_.cloneDeep', 'lodash.template', 'sprintf', 'vsprintf',
  'fileURLToPath', 'url.fileURLToPath', 'String.prototype.concat', 'Array.prototype.concat', 'Reflect.get', 'format', 'JSON.stringify',
  // Markdown renderers that pass raw HTML through by default (marked, showdown, snarkdown, markdown-js):
  // their HTML output carries the input. markdown-it and remarkable escape HTML unless `html: true`.
  'marked', 'marked.parse', 'marked.parseInline', 'marked.marked', 'marked.marked.parse', 'marked.marked.parseInline', 'marked.default', 'marked.default.parse',
  'snarkdown', 'snarkdown.default', 'markdown.toHTML', 'markdown.markdown.toHTML',
]);
/** Methods of renderer objects whose result is HTML made from the argument: showdown's `converter.makeHtml(md)`. */
const HTML_RENDER_METHODS: ReadonlySet<string> = new Set(['makeHtml']);
/**
 * Tables whose whole rows must not be answered: people and accounts (password hashes, contact
 * details), and credentials (OAuth integrations, API keys, tokens, sessions, webhooks with their secrets).
 */
const SENSITIVE_TABLE = /^\w*(user|account|customer|member|employee|patient|profile|person|people|admin|staff|client|subscriber|login|credential|player|student|contact|integration|oauth|api_?key|token|secret|session|webhook)\w*$/i;
/** The same tables after FROM or JOIN in SQL text (optionally schema-qualified). */
const SENSITIVE_TABLE_IN_SQL = new RegExp(`\\b(from|join)\\s+["'\`]?(\\w+\\.)?${SENSITIVE_TABLE.source.slice(1, -1)}`, 'i');
/** Options of i18next's t() that are not interpolated values. */
const I18N_OPTION_KEYS = new Set(['lng', 'lngs', 'ns', 'count', 'context', 'interpolation', 'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'defaultValue', 'fallbackLng', 'keySeparator', 'nsSeparator', 'ordinal']);

/** Query-builder methods whose first argument is column SQL (TypeORM, Knex, Kysely): `orderBy(input)` injects there. */
const COLUMN_CLAUSES = new Set(['orderBy', 'addOrderBy', 'groupBy', 'addGroupBy', 'select', 'addSelect']);

/** Types of an injected table handle (`this.accounts: Repository<Account>`): its `find()` reads whole records. */
const ORM_HANDLE_TYPES = /^(Repository|MongoRepository|TreeRepository|EntityRepository|Model|ModelStatic|Collection|ModelCtor)$/;
/** Callable query builders named like a knex instance: knex('users'), db('accounts'). */
const KNEX_BUILDER_NAMES = /^(knex|db|database|qb|trx|pg|mysql|sqlite)$/;
/** Pseudo request fields carrying what the app emits on its own event emitters, by event name. */
const EVENT_FIELD = '#event:';
/** Events of Node's streams, sockets, servers and processes: never the app's own messages. */
const PLATFORM_EVENTS = new Set([
  'error', 'close', 'end', 'finish', 'data', 'readable', 'drain', 'open', 'connection', 'connect', 'request', 'response', 'message', 'exit',
  'listening', 'upgrade', 'timeout', 'pipe', 'unpipe', 'newListener', 'removeListener', 'line', 'ready', 'disconnect', 'online', 'spawn',
  'uncaughtException', 'unhandledRejection', 'warning', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'headers', 'ping', 'pong', 'secureConnect',
]);
/**
 * The IPC channel a call on `process`/`parentPort` (inside a worker or child process) or on a
 * Worker/fork() handle (in its parent) sends on or receives from: down to children, up to parents.
 */
function ipcChannel(call: Node, direction: 'send' | 'receive'): string {
  const callee = unwrap(call.callee);
  const recv = callee?.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
  const inChild = (recv?.type === 'Identifier' && /^(process|parentPort)$/.test(recv.name)) || lastName(variableInit(recv) ?? recv ?? callee) === 'parentPort';
  const down = inChild === (direction === 'receive');
  return down ? '#ipc:down' : '#ipc:up';
}

function isAppEvent(event: string): boolean {
  return event.length > 0 && !PLATFORM_EVENTS.has(event);
}
/** The pseudo request field that carries errors thrown with input to the app's error handlers. */
const THROWN_FIELD = '#thrown';
/** Archive readers built from a buffer or path: entries read from an uploaded archive carry its taint (zip slip). */
const ARCHIVE_READERS: ReadonlySet<string> = new Set(['adm-zip']);
const URL_TEXT_SAFE = classMask(['xss', 'log-injection', 'header-injection']);
/** String parts of a parsed URL and the classes they cannot cause. */
const URL_ENCODED_PARTS: ReadonlyMap<string, number> = new Map([
  ['search', URL_TEXT_SAFE | classMask(['open-redirect', 'ssrf'])],
  ['hash', URL_TEXT_SAFE | classMask(['open-redirect', 'ssrf'])],
  ['pathname', URL_TEXT_SAFE],
]);
/** Constructors that keep their first argument's taint: new URL(input), new URLSearchParams(input). */
const PROPAGATING_CONSTRUCTORS = new Set(['URL', 'URLSearchParams', 'Buffer', 'String', 'Array', 'Set', 'Map', 'Headers', 'Request']);
/** Array callbacks: the element (parameter 0) carries the receiver's taint. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap', 'sort', 'findIndex']);
/** The response's content type is not HTML after these. */
const NON_HTML_TYPE = /json|text\/plain|plain|octet|csv|xml|javascript|image|pdf|txt/i;

/** A second check that rejects `//host` or `/\\host` next to a `startsWith('/')`. */
const PROTOCOL_RELATIVE_CHECK = /startsWith\(\s*['"`]\/[/\\]|\[1\]\s*[!=]==?\s*['"`]\/|charAt\(1\)|\/\^\\\/\(\?!|['"`]\/\/['"`]/;

/**
 * The classes a `value.startsWith(prefix)` check makes safe, from the prefix.
 * - unknown prefix (a variable: a root directory, an allowed origin): containment for paths, URLs and redirects;
 * - a scheme alone ('http', 'https://'): nothing, any host passes;
 * - '/': a same-site path only if `//evil.example` is rejected too (checked lazily), never a directory;
 * - 'https://host/...' or '/dir...': the host or directory is pinned.
 */
export function containmentMask(prefix: string | undefined, rejectsProtocolRelative: () => boolean): number {
  if (prefix === undefined) return classMask(CONTAINMENT_CLASSES);
  if (/^[a-z][a-z0-9+.-]*(:(\/\/?)?)?$/i.test(prefix) || prefix === '' || prefix === '//') return SAFE_SCHEME.test(prefix) ? URL_SCHEME_CHECKED : 0;
  // A path starting with '/' names no scheme (`javascript:`), even when `//host` gets through.
  if (prefix === '/' || prefix === '\\') return (rejectsProtocolRelative() ? classMask(['open-redirect']) : 0) | (prefix === '/' ? URL_SCHEME_CHECKED : 0);
  // 'https://api.example.com' with no slash after the host: api.example.com.evil.net passes too.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*$/i.test(prefix)) return (classMask(CONTAINMENT_CLASSES) & ~classMask(['ssrf', 'open-redirect'])) | (SAFE_SCHEME.test(prefix) ? URL_SCHEME_CHECKED : 0);
  return classMask(CONTAINMENT_CLASSES);
}

/**
 * A regex source pinning a URL's host: `^https:\/\/api\.example\.com\/` (or ending there with `$`,
 * or `(\/|$)`). Without what follows the host, `^https:\/\/api\.example\.com` lets
 * api.example.com.evil.net through.
 */
/** A URL prefix naming a scheme that runs no script. */
const SAFE_SCHEME = /^(?:https?|mailto|ftp):/i;

/** A regex source requiring a scheme that runs no script: `^https?:\/\/`, `^(https?|mailto):`. */
export function checksUrlScheme(src: string): boolean {
  return /^\^\(?(?:\?:)?(?:https\??|http|mailto|ftp)(?:\|(?:https\??|http|mailto|ftp))*\)?:/i.test(src);
}

export function pinsUrlHost(src: string): boolean {
  return /^\^\(?(?:https\??|http)\)?:\\\/\\\/(?:[a-z0-9-]+\\\.)+[a-z0-9-]+(?::\d+)?(?:\\\/|\$|\((?:\?:)?\\\/\|\$\))/i.test(src);
}

/** `{ return false; }`: a catch that makes a predicate fail. */
function returnsFalse(block: Node | null | undefined): boolean {
  const only = block?.type === 'BlockStatement' && block.body.length === 1 ? block.body[0] : undefined;
  return only?.type === 'ReturnStatement' && unwrap(only.argument)?.type === 'Literal' && unwrap(only.argument)!.value === false;
}

/** socket.io receivers whose emit reaches many clients: `io.emit`, `socket.broadcast.emit`, `io.to(room).emit`. */
const BROADCAST_EMITTERS: ReadonlySet<string> = new Set(['io', 'broadcast', 'to', 'in', 'nsp', 'namespace']);

/** Folders found to hold (or not) a NestJS app's global ValidationPipe, per project reader. */
const globalPipes = new WeakMap<ProjectFileReader, Map<string, boolean>>();

/** `app.useGlobalPipes(new ValidationPipe(...))` or `{ provide: APP_PIPE, useClass: ValidationPipe }`. */
function installsGlobalValidation(text: string): boolean {
  for (const marker of ['useGlobalPipes(', 'APP_PIPE']) {
    for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length)) {
      if (text.slice(i, i + 300).includes('ValidationPipe')) return true;
    }
  }
  return false;
}

/** A parameter typed as a class (`dto: CreateUserDto`), which a ValidationPipe validates; not a primitive, any or a generic. */
function isClassTyped(param: Node): boolean {
  const t = unwrap(param.typeAnnotation?.typeAnnotation);
  if (t?.type !== 'TSTypeReference' || t.typeName?.type !== 'Identifier' || t.typeArguments || t.typeParameters) return false;
  return /^[A-Z]/.test(t.typeName.name) && !/^(String|Number|Boolean|Object|Array|Record|Partial|Promise|Map|Set|Buffer|Date|Request|Response)$/.test(t.typeName.name);
}

/** The expression written here, or the one a `const` names (`const schema = { ... }`), unwrapped. */
function constValue(node: Node | null | undefined): Node | undefined {
  const n = unwrap(node) ?? undefined;
  if (n?.type !== 'Identifier') return n;
  const d = findDeclaration(n.name, n);
  return d?.kind === 'const' && d.path.length === 0 && d.node.init ? (unwrap(d.node.init) ?? undefined) : undefined;
}

/** The expression written here, or the one a variable (`const`, `let` or `var`, not destructured) was declared with, unwrapped. */
function variableInit(node: Node | null | undefined): Node | undefined {
  const n = unwrap(node) ?? undefined;
  if (n?.type !== 'Identifier') return n;
  const d = findDeclaration(n.name, n);
  return d && d.path.length === 0 && d.node.type === 'VariableDeclarator' ? (unwrap(d.node.init) ?? undefined) : undefined;
}

/**
 * The bodies of a regular expression's capturing groups, in order (`(\d+)`, `(?<id>\w+)`; not
 * `(?:...)` or lookarounds). Escapes and character classes are skipped over, so `\(` and `[(]` open none.
 */
export function captureGroups(pattern: string): string[] {
  const bodies: string[] = [];
  // One entry per open parenthesis: where its body starts and which group it fills (-1: not capturing).
  const open: { start: number; index: number }[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') {
      const named = pattern.startsWith('?<', i + 1) && pattern[i + 3] !== '=' && pattern[i + 3] !== '!';
      const capturing = pattern[i + 1] !== '?' || named;
      open.push({ start: named ? pattern.indexOf('>', i) + 1 : i + 1, index: capturing ? bodies.push('') - 1 : -1 });
    } else if (c === ')') {
      const g = open.pop();
      if (g && g.index >= 0) bodies[g.index] = pattern.slice(g.start, i);
    }
  }
  return bodies;
}

/** A group body of safe characters only, with a quantifier: `\d+`, `\w{1,20}`, `[a-z0-9_-]+` (no `.`, so no `..`). */
const SAFE_GROUP = /^(?:\\d|\\w|\[(?:a-z|A-Z|0-9|\\d|\\w|_|-|\\-)+\])(?:[+*?]|\{\d+(?:,\d*)?\})?$/;

/** A module path naming configuration: `./config`, `../config/app`, `@/settings`, `./env.js`, `./secrets`. */
const CONFIG_MODULE = /(^|[/.@_-])(config|configuration|conf|settings|env|environment|secrets?|credentials)([/._-]|$)/i;

/** Config keys that hold credentials: `jwtSecret`, `password`, `dbPassword`, `apiKey`, `authToken`, `privateKey`. */
const SECRET_CONFIG_KEY = /(password|passwd|secret|api_?key|private_?key|token|access_?key|credentials?)$/i;

/** The dotted paths (two levels deep) of an object literal's fields named like secrets and not set to a number or boolean. */
function secretFieldPaths(obj: Node, prefix = '', depth = 0): string[] {
  const out: string[] = [];
  for (const p of obj.properties) {
    const key = p.type === 'Property' ? propertyName(p.key, p.computed) : undefined;
    if (key === undefined) continue;
    const value = unwrap(p.value);
    if (value?.type === 'ObjectExpression' && depth < 1) out.push(...secretFieldPaths(value, `${prefix}${key}.`, depth + 1));
    else if (SECRET_CONFIG_KEY.test(key) && !(value?.type === 'Literal' && (typeof value.value === 'number' || typeof value.value === 'boolean' || value.value === null))) out.push(`${prefix}${key}`);
  }
  return out;
}

/** `pool.query` of `pool.query.bind(pool)`, `promisify(pool.query)` or `promisify(pool.query).bind(pool)`. */
function boundMethod(init: Node | undefined): Node | undefined {
  let n = init;
  if (n?.type === 'CallExpression' && lastName(n.callee) === 'bind' && unwrap(n.callee)?.type === 'MemberExpression') n = unwrap(unwrap(n.callee)!.object) ?? undefined;
  if (n?.type === 'CallExpression' && /^(promisify|util\.promisify)$/.test(accessPath(n.callee) ?? '')) n = unwrap(n.arguments[0]) ?? undefined;
  return n !== init && n?.type === 'MemberExpression' ? n : undefined;
}

/** `x` of `String(x)`, `` `${x}` `` or `x.toString()`. */
function stringConversionOf(node: Node | null | undefined): Node | undefined {
  const n = unwrap(node);
  if (n?.type === 'CallExpression' && n.arguments.length === 1 && unwrap(n.callee)?.type === 'Identifier' && unwrap(n.callee)!.name === 'String') return n.arguments[0];
  if (n?.type === 'CallExpression' && n.arguments.length === 0 && lastName(n.callee) === 'toString' && unwrap(n.callee)?.type === 'MemberExpression') return unwrap(n.callee)!.object;
  if (n?.type === 'TemplateLiteral' && n.expressions.length === 1 && n.quasis.every((q: Node) => q.value.cooked === '')) return n.expressions[0];
  return undefined;
}

/** A value the client may choose: any flow but the server's own configuration (`process.env.SITE_ORIGIN`). */
function clientChosen(v: Value): boolean {
  return v.flows.some((f) => f.o.k !== 's' || !f.o.src.label.startsWith('process.env'));
}

/** A call that gives a path with no `..` left in it: path.resolve/join/normalize, realpath, fileURLToPath. */
function normalizesPath(node: Node | undefined): boolean {
  const n = node?.type === 'AwaitExpression' ? unwrap(node.argument) : node;
  return n?.type === 'CallExpression' && /^(resolve|join|normalize|realpath|realpathSync|fileURLToPath)$/.test(lastName(n.callee) ?? '');
}

/** For a call `x.m(...)`: the expression `x` was made by, written inline or as the one initialiser of a variable `x`. */
function receiverMaker(call: Node): Node | undefined {
  return variableInit(unwrap(call.callee)?.object);
}

/**
 * An options object: written here, held in a `const`, or in a class field that no method
 * reassigns (`private readonly options = { noent: true }` ... `parse(xml, this.options)`).
 */
function optionsObject(node: Node | null | undefined): Node | undefined {
  const n = unwrap(node);
  if (n?.type !== 'MemberExpression' || unwrap(n.object)?.type !== 'ThisExpression' || n.computed) return constObject(n);
  const name = propertyName(n.property, false);
  let body: Node | null | undefined = n.parent;
  while (body && body.type !== 'ClassBody') body = body.parent;
  if (!body || name === undefined) return undefined;
  let value: Node | undefined;
  for (const m of body.body) {
    if ((m.type === 'PropertyDefinition' || m.type === 'ClassProperty') && !m.static && propertyName(m.key, m.computed) === name) value = unwrap(m.value) ?? undefined;
  }
  if (value?.type !== 'ObjectExpression') return undefined;
  let reassigned = false;
  forEachNode(body, (x) => {
    if (x.type === 'AssignmentExpression' && unwrap(x.left)?.type === 'MemberExpression' && unwrap(unwrap(x.left)!.object)?.type === 'ThisExpression' && propertyName(unwrap(x.left)!.property, unwrap(x.left)!.computed) === name) reassigned = true;
  });
  return reassigned ? undefined : value;
}

/** An object literal written here, or the one a `const` names (`const schema = { ... }`). */
function constObject(node: Node | null | undefined): Node | undefined {
  const n = constValue(node);
  return n?.type === 'ObjectExpression' ? n : undefined;
}

/**
 * What a route schema says of one request part, field by field: 'pinned' (a pattern, an enum, a
 * number: safe for every class) or 'scalar' (a string or boolean: no operator object or prototype
 * key, still text). `objectSafe`: every field is one of those and no other field gets through.
 */
interface PartSchema {
  readonly fields: ReadonlyMap<string, 'pinned' | 'scalar'>;
  readonly objectSafe: boolean;
}

/** What a route schema vouches for, by request part ('query', 'body', 'params'...): the whole part, or field by field. */
type Validated = ReadonlyMap<string, 'all' | PartSchema>;

/** A schema that pins the shape (a pattern, an enum, a number, a format) makes an input safe; `string()` alone does not. */
function pinsShape(schemaText: string): boolean {
  return /pattern|valid\(|enum|uuid|guid|integer|number|alphanum|format|email|isoDate|hex|token\(/.test(schemaText);
}

/** A schema of a string or boolean: the value is no object, so no operator (`{ "$ne": null }`) nor prototype key rides in it. */
function scalarShape(schemaText: string): boolean {
  return /\b(string|boolean|String|Boolean)\b/.test(schemaText);
}

/** The classes an object-shaped payload causes, cleared by a schema that allows strings only. */
const OBJECT_ATTACKS = classMask(['nosql-injection', 'prototype-pollution']);

/** Root types whose resolvers' `args` come from the client. */
const GRAPHQL_OPERATIONS = ['Query', 'Mutation', 'Subscription'];
/** Packages of GraphQL servers and schema builders. */
const GRAPHQL_MODULES = /^(graphql|graphql-tag|apollo-server(-[a-z]+)?|@apollo\/server|graphql-yoga|mercurius|@graphql-tools\/schema|express-graphql|graphql-http|@envelop\/core)(\/|$)/;

/**
 * Route options with a Fastify response schema (`{ schema: { response: { 200: {...} } } }`, inline or
 * in consts): Fastify serialises replies through it, dropping every field it does not list.
 */
function hasResponseSchema(options: Node): boolean {
  const schema = constObject(objectProp(options, 'schema'));
  const response = schema ? constObject(objectProp(schema, 'response')) : undefined;
  if (!response) return false;
  const bodies = response.properties.filter((p: Node) => p.type === 'Property').map((p: Node) => constObject(p.value));
  // Every status's schema is written here, none lets unlisted fields through, and none lists a secret field.
  const filters = (body: Node | undefined): boolean => {
    if (!body) return false;
    if (unwrap(objectProp(body, 'additionalProperties'))?.value === true) return false;
    const props = constObject(objectProp(body, 'properties'));
    const items = constObject(objectProp(body, 'items'));
    if (items) return filters(items);
    return !!props && props.properties.every((p: Node) => p.type === 'Property' && !SENSITIVE_FIELD.test(propertyName(p.key, p.computed) ?? '') && (constObject(p.value) === undefined || !objectProp(constObject(p.value)!, 'properties') || filters(constObject(p.value))));
  };
  return bodies.length > 0 && bodies.every(filters);
}

/** A reduce callback `(acc, key) => ... acc[key]` that returns its accumulator's member named by the element. */
function walksAccumulator(fn: Node): boolean {
  const [a, k] = fn.params.map((p: Node) => unwrap(p));
  if (a?.type !== 'Identifier' || k?.type !== 'Identifier') return false;
  const isWalk = (n: Node | null | undefined): boolean => {
    const u = unwrap(n);
    return u?.type === 'MemberExpression' && u.computed && unwrap(u.object)?.type === 'Identifier' && unwrap(u.object)!.name === a.name && unwrap(u.property)?.type === 'Identifier' && unwrap(u.property)!.name === k.name;
  };
  if (fn.body?.type !== 'BlockStatement') return isWalk(fn.body) || (unwrap(fn.body)?.type === 'LogicalExpression' && isWalk(unwrap(fn.body)!.left));
  let found = false;
  forEachNode(fn.body, (n) => {
    if (n.type === 'ReturnStatement' && isWalk(n.argument)) found = true;
  });
  return found;
}

/** Methods of a schema object that return the validated input. */
const SCHEMA_PARSE_METHODS = new Set(['parse', 'parseAsync', 'validateSync', 'cast']);

/** The methods of a tRPC procedure that take its resolver. */
const TRPC_RESOLVERS = new Set(['query', 'mutation', 'subscription']);

/** Object-schema builders whose unknown keys are rejected or stripped by default (Joi, zod); TypeBox and yup let them through. */
const CLOSED_OBJECT_BUILDERS = /^(joi|Joi|z)$/;

/**
 * The fields of one part of a route schema, each with the schema node that constrains it, and
 * whether fields it does not list are refused: a JSON schema (`{ type: 'object', properties,
 * additionalProperties: false }`, Fastify), Fastify's and Hapi's shorthand (`{ id: Joi.number() }`),
 * or a builder call (`Joi.object({...})`, `Type.Object({...})`, `z.object({...})`). Undefined
 * for any other shape (an imported schema, a reference), which is judged as a whole.
 */
function schemaFields(node: Node | null | undefined): { fields: Map<string, Node>; closed: boolean } | undefined {
  const n = constValue(node);
  if (!n) return undefined;
  const fieldsOf = (obj: Node): Map<string, Node> | undefined => {
    const fields = new Map<string, Node>();
    for (const p of obj.properties) {
      const name = p.type === 'Property' ? propertyName(p.key, p.computed) : undefined;
      if (!name) return undefined; // a spread or computed key: not every field is known
      fields.set(name, p.value);
    }
    return fields;
  };
  if (n.type === 'ObjectExpression') {
    const props = constObject(objectProp(n, 'properties'));
    if (props) {
      const fields = fieldsOf(props);
      return fields && { fields, closed: unwrap(objectProp(n, 'additionalProperties'))?.value === false };
    }
    if (objectProp(n, 'type') !== undefined) return undefined; // a schema of the whole part (`{ type: 'string' }`)
    const fields = fieldsOf(n);
    // Hapi compiles a plain object of Joi schemas into Joi.object(): unknown keys refused.
    return fields && { fields, closed: [...fields.values()].every((v) => unwrap(v)?.type === 'CallExpression' && /^(joi|Joi)$/.test(rootName(unwrap(v)!.callee) ?? '')) };
  }
  if (n.type !== 'CallExpression') return undefined;
  // Joi.object({...}).unknown(false), Type.Object({...}, { additionalProperties: false }): find the builder call in the chain.
  let call: Node | undefined = n;
  let lenient = false;
  while (call?.type === 'CallExpression') {
    const callee = unwrap(call.callee);
    if (callee?.type !== 'MemberExpression') return undefined;
    const method = propertyName(callee.property, callee.computed);
    if (method === 'unknown' || method === 'passthrough' || method === 'catchall') lenient = true;
    if ((method === 'object' || method === 'Object' || method === 'keys') && constObject(call.arguments[0])) {
      const fields = fieldsOf(constObject(call.arguments[0])!);
      const options = constObject(call.arguments[1]);
      const closedOption = options !== undefined && unwrap(objectProp(options, 'additionalProperties'))?.value === false;
      const root = rootName(callee.object) ?? '';
      return fields && { fields, closed: !lenient && (closedOption || CLOSED_OBJECT_BUILDERS.test(root)) };
    }
    call = unwrap(callee.object) ?? undefined;
  }
  return undefined;
}

/** The identifier a member chain or call chain starts from: `Joi` for `Joi.string().max(5)`. */
function rootName(node: Node | null | undefined): string | undefined {
  let n = unwrap(node);
  while (n && (n.type === 'MemberExpression' || n.type === 'CallExpression')) n = unwrap(n.type === 'MemberExpression' ? n.object : n.callee);
  return n?.type === 'Identifier' ? n.name : undefined;
}

/** `path.join(dir, 'theme.json')`, written inline or held in a const: a path whose last part is a fixed .json file. */
function joinsToJson(node: Node | null | undefined): boolean {
  const n = constValue(node);
  if (n?.type !== 'CallExpression' || !/^(join|resolve)$/.test(lastName(n.callee) ?? '')) return false;
  return /\.json$/i.test(staticValue(n.arguments[n.arguments.length - 1]) ?? '');
}

/** `require` in an ES module: `const require = createRequire(import.meta.url)` (any name) is Node's require. */
function madeByCreateRequire(callee: Node): boolean {
  if (callee.type !== 'Identifier') return false;
  const init = constValue(callee);
  return init?.type === 'CallExpression' && lastName(init.callee) === 'createRequire';
}

/** The text every match of a `^`-anchored regex starts with (`^\/topic\/(\d+)` → "/topic/"); undefined without an anchor. */
export function literalPrefix(pattern: string): string | undefined {
  if (!pattern.startsWith('^')) return undefined;
  let out = '';
  for (let i = 1; i < pattern.length; i++) {
    const c = pattern[i];
    let lit: string | undefined;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined || /[A-Za-z0-9]/.test(n)) break; // \d, \w, \b...: a class, not a character
      lit = n;
      i++;
    } else if (/[A-Za-z0-9_\-/:=&,;~%@!'"<>#]/.test(c)) lit = c;
    else {
      // A quantifier makes the character before it optional (or repeated): it is not part of every match.
      if (c === '?' || c === '*' || c === '{') out = out.slice(0, -1);
      break;
    }
    const next = pattern[i + 1];
    if (next === '?' || next === '*' || next === '{') break;
    out += lit;
    if (next === '+') break;
  }
  return out;
}

/** `app.locals.name`, `req.app.locals.name`, `res.app.locals.name` (Express's app-wide store). */
const APP_LOCALS = /^(?:(?:req|request|res|response)\.)?app\.locals\.([A-Za-z_$][\w$]*)$/;
/** The import specifier a call through app.locals records: the link phase looks the name up in the app. */
export const APP_LOCALS_SPEC = '#app.locals';

/** Markup text ending inside a quoted attribute value: `<item sku="`, `title='x `. */
const QUOTED_ATTRIBUTE_OPEN = /[\w:-]\s*=\s*(["'])[^"'<>]*$/;

/**
 * What a one-expression escaper (`return String(s).replace(/[<>]/g, ...).replace(/&/g, ...)`) replaces
 * everywhere: the characters of its global regexes. Undefined when the body is anything else.
 */
function replacedCharacters(fn: Node): Set<string> | undefined {
  let e: Node | undefined = fn.body;
  if (e?.type === 'BlockStatement') {
    const only = e.body.length === 1 ? e.body[0] : undefined;
    e = only?.type === 'ReturnStatement' ? (only.argument ?? undefined) : undefined;
  }
  e = unwrap(e) ?? undefined;
  const out = new Set<string>();
  let links = 0;
  while (e?.type === 'CallExpression' && unwrap(e.callee)?.type === 'MemberExpression' && /^(replace|replaceAll)$/.test(lastName(e.callee) ?? '')) {
    const re = unwrap(e.arguments[0]);
    const pattern: string | undefined = re?.regex?.pattern;
    const global = (re?.regex?.flags ?? '').includes('g') || lastName(e.callee) === 'replaceAll';
    if (pattern === undefined) {
      if (typeof re?.value === 'string' && lastName(e.callee) === 'replaceAll' && re.value.length === 1) out.add(re.value);
      else if (typeof re?.value !== 'string') return undefined;
    } else if (global) {
      const chars = regexCharacters(pattern);
      if (!chars) return undefined;
      for (const c of chars) out.add(c);
    }
    links++;
    e = unwrap(unwrap(e.callee)!.object) ?? undefined;
  }
  return links > 0 ? out : undefined;
}

/** The characters a simple regex matches: `<`, `\\"`, `[<>&]`, `&|<|>`; undefined for anything else. */
function regexCharacters(pattern: string): string[] | undefined {
  const one = (p: string): string[] | undefined => {
    if (p.length === 1 && !'.*+?()[]{}|^$\\'.includes(p)) return [p];
    if (p.length === 2 && p[0] === '\\' && !/[A-Za-z0-9]/.test(p[1])) return [p[1]];
    return undefined;
  };
  if (pattern.startsWith('[') && pattern.endsWith(']') && !pattern.startsWith('[^')) {
    const out: string[] = [];
    const body = pattern.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '\\') {
        if (/[A-Za-z0-9]/.test(body[i + 1] ?? 'a')) return undefined;
        out.push(body[++i]);
      } else if (body[i] === '-' && i > 0 && i < body.length - 1) return undefined;
      else out.push(body[i]);
    }
    return out;
  }
  const alts = pattern.split('|').map(one);
  return alts.every((a) => a !== undefined) ? alts.flat() as string[] : undefined;
}

/** HTML text ending at the start of a URL attribute's value: `<a href="`, `<form action=`. */
const URL_ATTRIBUTE_START = /\b(?:href|src|action|formaction|poster|xlink:href)\s*=\s*["']?$/i;

/** A predicate's guards on its parameters, moved onto the call's arguments. */
function movedGuards(guards: readonly Guard[], params: readonly (string | undefined)[], call: Node): Guard[] {
  const moved = (path: string | undefined): string | undefined => {
    if (path === undefined) return undefined;
    const head = path.split('.')[0];
    const i = params.indexOf(head);
    const argPath = i >= 0 ? accessPath(call.arguments[i]) : undefined;
    return argPath === undefined ? undefined : argPath + path.slice(head.length);
  };
  const out: Guard[] = [];
  for (const g of guards) {
    const path = moved(g.path);
    if (path !== undefined) out.push({ ...g, path, owner: moved(g.owner) });
    // HOSTS.has(url.hostname) with url = new URL(param): the caller's argument has a checked host.
    const from = moved(g.parsedFrom);
    if (from !== undefined) out.push({ path: from, mask: g.mask & classMask(['ssrf', 'open-redirect']), whenTrue: g.whenTrue });
  }
  // The body was read: what it checks is all it checks, whatever its name promises (`isOurDomain`).
  return out;
}

export type { ProjectFileReader };

/** Predicates read in other modules that call predicates of yet other modules: bounded, cycles included. */
let crossPredicateDepth = 0;
const MAX_IMPORTED_MODULE_BYTES = 256 * 1024;
const MAX_IMPORTED_MODULES = 64;
/** Imported modules read for their predicates, per tables in force, by path and text (a changed file is read again). */
const importedModules = new WeakMap<TaintTables, Map<string, TaintAnalyzer | null>>();

function moduleAnalyzer(file: string, text: string, tables: TaintTables, readFile: ProjectFileReader): TaintAnalyzer | undefined {
  let byFile = importedModules.get(tables);
  if (!byFile) importedModules.set(tables, (byFile = new Map()));
  const key = `${file}\u0000${text}`;
  const known = byFile.get(key);
  if (known !== undefined) return known ?? undefined;
  let analyzer: TaintAnalyzer | null = null;
  const lang = jsLang(file);
  if (lang && text.length <= MAX_IMPORTED_MODULE_BYTES) {
    const parsed = parseJs(file, text, lang);
    if (parsed.errors.length === 0) {
      const sourceCode: RuleSourceCode = { text, ast: parsed.ast, getText: (n?: Node) => (n ? text.slice(nodeStart(n), nodeEnd(n)) : text) };
      const a = new TaintAnalyzer(sourceCode, file, tables, readFile);
      // An import cycle (a requires b requires a) finds this module unread instead of reading it again.
      byFile.set(key, null);
      if (a.readTopLevel()) analyzer = a;
    }
  }
  if (byFile.size >= MAX_IMPORTED_MODULES) byFile.delete(byFile.keys().next().value!);
  byFile.set(key, analyzer);
  return analyzer ?? undefined;
}

function isFunctionNode(n: Node | null | undefined): boolean {
  return !!n && (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression');
}

function lastName(node: Node | null | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'ThisExpression') return 'this';
  if (n.type === 'MemberExpression') return propertyName(n.property, n.computed);
  if (n.type === 'CallExpression') return lastName(n.callee);
  if (n.type === 'AwaitExpression') return lastName(n.argument);
  return undefined;
}

/** "a.b.c" for identifier/member chains, also through calls' callees for receivers like `res.status(200)`. */
/** The name a function is declared or assigned under (`function f`, `const f = () => ...`, a method key). */
function functionName(fn: Node): string | undefined {
  return fn.id?.name ?? (fn.parent?.type === 'VariableDeclarator' ? fn.parent.id?.name : fn.parent?.type === 'MethodDefinition' || fn.parent?.type === 'Property' ? propertyName(fn.parent.key, fn.parent.computed) : undefined);
}

function accessPath(node: Node | null | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'ThisExpression') return 'this';
  if (n.type === 'MemberExpression') {
    const base = accessPath(n.object);
    if (base === undefined) return undefined;
    const p = n.computed ? staticValue(n.property) : propertyName(n.property, false);
    return p === undefined ? undefined : `${base}.${p}`;
  }
  if (n.type === 'CallExpression') {
    const base = accessPath(n.callee);
    return base === undefined ? undefined : `${base}()`;
  }
  return undefined;
}

function exits(stmt: Node | null | undefined): boolean {
  const s = unwrap(stmt);
  if (!s) return false;
  if (s.type === 'ReturnStatement' || s.type === 'ThrowStatement' || s.type === 'ContinueStatement' || s.type === 'BreakStatement') return true;
  if (s.type === 'BlockStatement') return s.body.length > 0 && exits(s.body[s.body.length - 1]);
  if (s.type === 'ExpressionStatement') {
    // `return next(err)` is common; so is a bare `res.status(400).send(...)` followed by nothing: not an exit.
    const e = unwrap(s.expression);
    return !!e && e.type === 'CallExpression' && /^(process\.exit|reject|fail|next)$|\.throw$/.test(accessPath(e.callee) ?? '');
  }
  if (s.type === 'IfStatement') return exits(s.consequent) && !!s.alternate && exits(s.alternate);
  return false;
}

interface Guard {
  readonly path: string;
  readonly mask: number;
  /** True: the path is clean where the test holds. False: where it fails. */
  readonly whenTrue: boolean;
  /** Also clears the object owning a checked `.hostname`/`.origin`. */
  readonly owner?: string;
  /** And the text that object was parsed from (`parsed = new URL(src)`: src). */
  readonly parsedFrom?: string;
}

export class TaintAnalyzer {
  readonly findings: LocalFinding[] = [];
  readonly calls: CallRecord[] = [];
  readonly deferred: DeferredSink[] = [];
  private lineIndex?: LineIndex;

  /** Line positions, computed the first time a flow needs a step (most files never do). */
  private get index(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.sourceCode.text));
  }
  private readonly fnCtxs: FnCtx[] = [];
  private readonly summaries = new Map<Node, { ctx: FnCtx; done: boolean }>();
  private readonly evaluated = new Set<Node>();
  private readonly koa: boolean;
  private readonly tables: TaintTables;
  private steps = 0;
  private depth = 0;
  private predicateDepth = 0;
  private readonly moduleScope: Scope;
  private readonly reported = new Set<string>();
  private readonly exportsMap = new Map<string, Node>();
  /** Objects of relative modules this file stores on app.locals, by name. */
  private readonly appLocals: Record<string, { spec: string; path: string[] }> = {};
  private readonly classes = new Map<string, Node>();

  constructor(
    private readonly sourceCode: RuleSourceCode,
    private readonly file: string,
    tables?: TaintTables,
    /** Reads the project's other files, for the bodies of imported predicates; none: names are trusted. */
    private readonly readFile?: ProjectFileReader,
    /**
     * A file with no request input in sight leaves its exported functions unread: the link phase
     * reads them (completeDemanded in link.ts) only where another file's flows reach them.
     */
    private readonly deferExports = false,
  ) {
    this.tables = tables ?? mergeTables();
    const top = this.newCtx(undefined, false);
    this.moduleScope = new Scope(undefined, top);
    this.koa = /\bfrom\s+['"](koa|@koa\/router|koa-router)['"]|require\(\s*['"](koa|@koa\/router|koa-router)['"]\s*\)/.test(sourceCode.text);
  }

  /**
   * A file with no source in sight cannot have a local finding: it is read lazily, only as
   * far as its exported functions' summaries need (other files may call them with input).
   */
  private lazy = false;
  private summaryDepth = 0;
  private inlineDepth = 0;
  /** Offsets of the source hints in the text, ascending. */
  private readonly hot: number[] = [];

  private readonly hotFunctions = new Set<Node>();

  /**
   * The innermost function around each source hint is "hot": only those are read without a
   * reason. A bundle's outer wrapper that merely contains a handler somewhere is not.
   */
  private markHotFunctions(): void {
    if (this.hot.length === 0) return;
    const fns = this.functionNodes();
    const open: Node[] = [];
    let next = 0;
    for (const offset of this.hot) {
      while (next < fns.length && nodeStart(fns[next]) <= offset) {
        const f = fns[next++];
        while (open.length > 0 && nodeEnd(open[open.length - 1]) <= nodeStart(f)) open.pop();
        open.push(f);
      }
      while (open.length > 0 && nodeEnd(open[open.length - 1]) <= offset) open.pop();
      if (open.length > 0) this.hotFunctions.add(open[open.length - 1]);
    }
    // A handler registered inside a setup function (`export default async (app) => { app.get('/x', h) }`,
    // a Fastify plugin): the setup function is read too, so the registration says what the handler is.
    for (const fn of [...this.hotFunctions]) {
      const call = fn.parent;
      const callee = call?.type === 'CallExpression' ? unwrap(call.callee) : undefined;
      if (!call || callee?.type !== 'MemberExpression' || !ROUTE_METHODS.has(propertyName(callee.property, callee.computed) ?? '')) continue;
      if (!(staticValue(call.arguments[0]) ?? '').startsWith('/')) continue;
      let outer: Node | null | undefined = call.parent;
      while (outer && !isFunctionNode(outer)) outer = outer.parent;
      if (outer) this.hotFunctions.add(outer);
    }
  }

  private functionList?: Node[];

  /** Every function of the file in source order (outer before inner), from the per-type node lists. */
  private functionNodes(): Node[] {
    if (!this.functionList) {
      const list = [
        ...nodesOfType(this.sourceCode, 'FunctionDeclaration'),
        ...nodesOfType(this.sourceCode, 'FunctionExpression'),
        ...nodesOfType(this.sourceCode, 'ArrowFunctionExpression'),
      ];
      this.functionList = list.sort((a, b) => nodeStart(a) - nodeStart(b) || nodeEnd(b) - nodeEnd(a));
    }
    return this.functionList;
  }

  private isHot(fn: Node): boolean {
    return this.hotFunctions.has(fn);
  }

  /** At module level, a callback or call is read only if it may hold a source or receives something worth following. */
  private worthReading(fn: Node, args: readonly Value[]): boolean {
    if (this.summaryDepth > 0 || this.inlineDepth > 0) return true;
    return this.isHot(fn) || args.some((a) => a && (a.flows.length > 0 || a.obj !== undefined));
  }

  run(): FileTaint {
    let skipped: string | undefined;
    try {
      const program = this.sourceCode.ast;
      const hint = sourceHint(this.tables);
      hint.lastIndex = 0;
      for (let m = hint.exec(this.sourceCode.text); m && this.hot.length < 100_000; m = hint.exec(this.sourceCode.text)) this.hot.push(m.index);
      this.lazy = this.hot.length === 0;
      this.markHotFunctions();
      this.execBlock(program.body, this.moduleScope);
      if (this.lazy) return { findings: this.findings, summary: this.summary(false, this.deferExports) };
      // Functions nobody in this file calls (handlers registered elsewhere, exported helpers,
      // class methods called by a framework) are still read once, with unknown parameters.
      const pending: Node[] = [];
      const collect = (n: Node): void => {
        if (isFunctionNode(n) && !this.evaluated.has(n) && !this.summaries.has(n)) pending.push(n);
      };
      for (const n of this.functionNodes()) collect(n);
      for (const fn of pending) {
        if (this.evaluated.has(fn) || this.summaries.has(fn) || !this.isHot(fn)) continue;
        this.summaryOf({ node: fn, scope: this.scopeForLateFunction(fn) });
      }
    } catch (err) {
      if (err instanceof BudgetExceeded) skipped = `taint analysis stopped after ${STEP_BUDGET} steps (pathological or generated code)`;
      else if (err instanceof RangeError) skipped = 'taint analysis stopped: nesting too deep';
      else throw err;
    }
    if (skipped) return { findings: [], summary: this.summary(true), skipped };
    return { findings: this.findings, summary: this.summary(false) };
  }

  // ---------------------------------------------------------------------------------
  // Summary for the link phase

  /**
   * `deferred`: exported functions are listed with empty summaries (and the summary marked
   * partial), but for handlers and middleware (a parameter named like a request or response), which a
   * framework calls: an error handler registered with `app.use(handler)` is called by no file.
   */
  private summary(empty: boolean, deferred = false): FileSummary {
    const exports: FileSummary['exports'] = {};
    let partial = false;
    if (!empty) {
      for (const [name, fnNode] of this.exportsMap) {
        if (deferred && !fnNode.params?.some((p: Node) => p.type === 'Identifier' && (REQUEST_NAMES.has(p.name) || RESPONSE_NAMES.has(p.name)))) {
          exports[name] = { fn: -1, ret: [], sinks: [] };
          partial = true;
          continue;
        }
        const s = this.summaryOf({ node: fnNode, scope: this.moduleScope });
        const own = (f: Flow): boolean => f.o.k !== 'p' || f.o.f === s.ctx.id;
        exports[name] = { fn: s.ctx.id, ret: s.ctx.ret.filter(own), sinks: s.ctx.sinks, ...(s.ctx.retValue?.object ? { retObject: true } : {}), ...retFieldsOf(s.ctx.retShape, own) };
      }
      for (const [name, ctx] of this.templateExports) exports[name] ??= { fn: ctx.id, ret: ctx.ret, sinks: [] };
    }
    const ignores: [number, string[]][] = [];
    const text = this.sourceCode.text;
    if (text.includes('rampart-ignore-next-line')) {
      for (let line = 1; line <= this.index.lineCount; line++) {
        const m = /rampart-ignore-next-line\b([^\n]*?)--/.exec(this.index.line(line));
        if (m) ignores.push([line, m[1].split(/[\s,]+/).filter(Boolean)]);
      }
    }
    const constants = Object.keys(this.constants).length > 0 ? { constants: this.constants } : {};
    return { file: this.file, ...(partial ? { partial: true } : {}), exports, ...constants, calls: empty ? [] : this.calls, deferred: empty ? [] : this.deferred, renders: empty ? [] : this.renders, requestFields: empty ? {} : this.requestFields, ...(Object.keys(this.appLocals).length > 0 ? { appLocals: this.appLocals } : {}), reexports: this.reexports, imports: this.relativeImports(), ignores };
  }

  // ---------------------------------------------------------------------------------
  // Helpers

  private newCtx(node: Node | undefined, returnsResponse: boolean): FnCtx {
    const ctx: FnCtx = { id: this.fnCtxs.length, node, ret: [], sinks: [], sanitized: [new Map()], nonHtml: false, returnsResponse };
    this.fnCtxs.push(ctx);
    return ctx;
  }

  private tableIndex?: TableIndex;

  private tablesIndex(): TableIndex {
    return (this.tableIndex ??= indexTables(this.tables));
  }

  private tick(): void {
    if (++this.steps > STEP_BUDGET) throw new BudgetExceeded();
  }

  private step(node: Node, label: string): Step {
    const a = this.index.position(nodeStart(node));
    const b = this.index.position(nodeEnd(node));
    return { file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, label };
  }

  private text(node: Node, max = 60): string {
    // Only the head of a node is shown: never copy a whole bundle to name it.
    const start = nodeStart(node);
    const t = this.sourceCode.text.slice(start, Math.min(nodeEnd(node), start + max * 4)).replace(/\s+/g, ' ');
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
  }

  private scopeForLateFunction(fn: Node): Scope {
    // A function never reached while interpreting (e.g. inside an uncalled factory): its
    // outer names are unknown, which is the safe default (clean), except module names.
    void fn;
    return this.moduleScope;
  }

  private source(node: Node, label: string, confidence: Confidence, cleared: number): Value {
    const src: SourceRef = { label, step: this.step(node, `source: ${label}`), confidence };
    return { flows: [{ o: { k: 's', src }, m: cleared, t: [] }] };
  }

  private withStep(v: Value, node: Node, label: string): Value {
    if (v.flows.length === 0) return v;
    const s = this.step(node, label);
    return { ...v, flows: v.flows.map((f) => ({ ...f, t: f.t.length >= MAX_STEPS ? f.t : [...f.t, s] })) };
  }

  private clear(v: Value, mask: number): Value {
    if (v.flows.length === 0 || mask === 0) return v;
    return { ...v, flows: v.flows.map((f) => ({ ...f, m: f.m | mask })) };
  }

  /**
   * A value printed at the start of a URL attribute: HTML escaping keeps it inside the attribute
   * but `javascript:...` still runs, so it is XSS-safe only if also scheme-checked or URL-safe.
   */
  private urlAttributeValue(v: Value, node: Node): Value {
    const urlSafe = URL_SCHEME_CHECKED | classBit('open-redirect');
    if (!v.flows.some((f) => f.m & classBit('xss') && !(f.m & urlSafe))) return v;
    const opened = { ...v, flows: v.flows.map((f) => (f.m & urlSafe ? f : { ...f, m: f.m & ~classBit('xss') })) };
    return this.withStep(opened, node, 'at the start of a URL attribute: HTML escaping does not stop a `javascript:` URL');
  }

  /**
   * A value printed inside a quoted attribute (`<item sku="${escapeXml(sku)}"`) by an escaper of this
   * project whose body replaces only some characters: if it leaves that quote alone, the value can
   * close the attribute and add others, so the escaper's HTML/XML credit is taken back.
   */
  private quotedAttributeValue(v: Value, expr: Node, before: string, scope: Scope): Value {
    const markup = classMask(['xss', 'xml-injection']);
    if (!v.flows.some((f) => f.m & markup)) return v;
    const quote = QUOTED_ATTRIBUTE_OPEN.exec(before.slice(-200))?.[1];
    const call = unwrap(expr);
    if (!quote || call?.type !== 'CallExpression') return v;
    const escaped = this.escapedCharacters(call);
    if (escaped === undefined || escaped.has(quote)) return v;
    const opened = { ...v, flows: v.flows.map((f) => ({ ...f, m: f.m & ~markup })) };
    return this.withStep(opened, expr, `inside a ${quote === '"' ? 'double' : 'single'}-quoted attribute, and \`${this.text(call.callee, 30)}()\` does not escape ${quote}`);
  }

  /** The characters a project escaper replaces everywhere (`s.replace(/</g, '&lt;').replace(/>/g, '&gt;')`), read from its body. */
  private escapedCharacters(call: Node): Set<string> | undefined {
    const callee = unwrap(call.callee);
    let fnNode: Node | undefined;
    if (callee?.type === 'Identifier') {
      const binding = moduleBindings(this.sourceCode).get(callee.name);
      if (binding && this.isProjectModule(binding.module)) fnNode = this.importedModule(binding.module)?.exportedFunction(binding.path);
      else if (!binding) {
        const d = findDeclaration(callee.name, callee);
        const n = d?.node;
        fnNode = n?.type === 'FunctionDeclaration' ? n : n?.type === 'VariableDeclarator' && isFunctionNode(unwrap(n.init)) ? unwrap(n.init)! : undefined;
      }
    }
    return fnNode ? replacedCharacters(fnNode) : undefined;
  }

  private union(...values: Value[]): Value {
    const nonEmpty = values.filter((v) => v.flows.length > 0);
    if (nonEmpty.length === 0) return CLEAN;
    if (nonEmpty.length === 1) return { flows: nonEmpty[0].flows, record: nonEmpty[0].record };
    return { flows: mergeFlows(nonEmpty.map((v) => v.flows)), record: nonEmpty.some((v) => v.record) };
  }

  private sanitizedMask(ctx: FnCtx, path: string | undefined): number {
    if (!path) return 0;
    let m = 0;
    const layers = ctx.sanitized;
    for (let i = 0; i < layers.length; i++) m |= layers[i].get(path) ?? 0;
    return m;
  }

  // ---------------------------------------------------------------------------------
  // Statements

  private hoist(body: readonly Node[], scope: Scope): void {
    for (let i = 0; i < body.length; i++) {
      let s = body[i];
      if ((s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration) s = s.declaration;
      if (s.type === 'FunctionDeclaration' && s.id) scope.vars.set(s.id.name, { flows: [], fn: { node: s, scope } });
      if (s.type === 'ClassDeclaration' && s.id) {
        scope.vars.set(s.id.name, { flows: [], classDecl: s });
        this.classes.set(s.id.name, s);
      }
    }
  }

  private execBlock(body: readonly Node[], scope: Scope): void {
    this.hoist(body, scope);
    for (let i = 0; i < body.length; i++) this.exec(body[i], scope);
  }

  private exec(node: Node | null | undefined, scope: Scope): void {
    if (!node) return;
    this.tick();
    const ctx = scope.fn;
    switch (node.type) {
      case 'VariableDeclaration':
        for (const d of node.declarations) {
          const v = d.init ? this.eval(d.init, scope) : CLEAN;
          this.bindPattern(d.id, v, scope, true, d);
        }
        return;
      case 'FunctionDeclaration':
        if (node.id && !scope.vars.has(node.id.name)) scope.vars.set(node.id.name, { flows: [], fn: { node, scope } });
        return;
      case 'ClassDeclaration':
        this.registerClass(node, scope);
        return;
      case 'ExpressionStatement':
        this.eval(node.expression, scope);
        this.validatingStatement(node.expression, scope);
        return;
      case 'ReturnStatement': {
        const v = node.argument ? this.eval(node.argument, scope) : CLEAN;
        this.returnValue(v, node, scope);
        return;
      }
      case 'ThrowStatement':
        if (node.argument) {
          this.eval(node.argument, scope);
          this.recordThrown(node.argument, scope);
        }
        return;
      case 'BlockStatement':
      case 'StaticBlock':
        this.execBlock(node.body, new Scope(scope, ctx));
        return;
      case 'IfStatement': {
        this.eval(node.test, scope);
        const guards = this.guardsOf(node.test, scope);
        this.withGuards(ctx, guards, true, () => this.exec(node.consequent, new Scope(scope, ctx)));
        if (node.alternate) this.withGuards(ctx, guards, false, () => this.exec(node.alternate, new Scope(scope, ctx)));
        // `if (!ok(x)) return;` : x is clean for the rest of the block.
        if (guards.length > 0) {
          const layer = ctx.sanitized[ctx.sanitized.length - 1];
          if (exits(node.consequent)) this.applyGuards(layer, guards, false);
          else if (node.alternate && exits(node.alternate)) this.applyGuards(layer, guards, true);
        }
        return;
      }
      case 'ForStatement': {
        const inner = new Scope(scope, ctx);
        if (node.init) node.init.type === 'VariableDeclaration' ? this.exec(node.init, inner) : this.eval(node.init, inner);
        if (node.test) this.eval(node.test, inner);
        this.loopBody(node.body, inner);
        if (node.update) this.eval(node.update, inner);
        return;
      }
      case 'ForInStatement':
      case 'ForOfStatement': {
        const inner = new Scope(scope, ctx);
        const right = this.eval(node.right, scope);
        const elem = right.elements && node.type === 'ForOfStatement' ? this.elementOf(right) : this.withStep({ flows: right.flows }, node.left, node.type === 'ForInStatement' ? 'key of the input' : 'element of the input');
        const left = node.left.type === 'VariableDeclaration' ? node.left.declarations[0].id : node.left;
        this.bindPattern(left, elem, inner, node.left.type === 'VariableDeclaration', node.left);
        this.loopBody(node.body, inner);
        return;
      }
      case 'WhileStatement':
      case 'DoWhileStatement':
        this.eval(node.test, scope);
        this.loopBody(node.body, new Scope(scope, ctx));
        return;
      case 'TryStatement':
        this.exec(node.block, scope);
        if (node.handler) {
          const inner = new Scope(scope, ctx);
          if (node.handler.param) this.bindPattern(node.handler.param, CLEAN, inner, true, node.handler);
          this.exec(node.handler.body, inner);
        }
        if (node.finalizer) this.exec(node.finalizer, scope);
        return;
      case 'SwitchStatement': {
        this.eval(node.discriminant, scope);
        const path = accessPath(node.discriminant);
        const inner = new Scope(scope, ctx);
        for (const c of node.cases) {
          const literal = c.test && staticValue(c.test) !== undefined;
          this.withGuards(ctx, literal && path ? [{ path, mask: ALL_CLASSES_MASK, whenTrue: true }] : [], true, () => {
            for (const s of c.consequent) this.exec(s, inner);
          });
        }
        return;
      }
      case 'LabeledStatement':
        this.exec(node.body, scope);
        return;
      case 'ExportAllDeclaration':
        if (node.source && this.reexports.length < 64) this.reexports.push({ spec: String(node.source.value), names: node.exported ? { [propertyName(node.exported) ?? '']: '*' } : undefined });
        return;
      case 'ExportNamedDeclaration':
        if (node.source && this.reexports.length < 64) {
          const names: Record<string, string> = {};
          for (const sp of node.specifiers ?? []) names[propertyName(sp.exported) ?? sp.local?.name] = propertyName(sp.local) ?? sp.local?.name;
          this.reexports.push({ spec: String(node.source.value), names });
        }
        if (node.declaration) {
          this.exec(node.declaration, scope);
          this.recordExportDeclaration(node.declaration, scope);
        }
        for (const sp of node.specifiers ?? []) {
          if (node.source) continue;
          const local = sp.local?.name;
          const exported = propertyName(sp.exported) ?? local;
          const v = local ? scope.lookup(local) : undefined;
          if (v?.fn && exported) this.exportsMap.set(exported, v.fn.node);
        }
        return;
      case 'ExportDefaultDeclaration': {
        const d = node.declaration;
        if (isFunctionNode(d)) {
          if (d.type === 'FunctionDeclaration' && d.id) scope.vars.set(d.id.name, { flows: [], fn: { node: d, scope } });
          this.exportsMap.set('default', d);
        } else if (d.type === 'ClassDeclaration') {
          this.registerClass(d, scope);
        } else {
          const v = this.eval(d, scope);
          if (v.fn) this.exportsMap.set('default', v.fn.node);
          this.exportObjectFields(v, []);
          this.recordExportedConstant('default', v, unwrap(d));
        }
        return;
      }
      case 'TSExportAssignment': {
        const v = this.eval(node.expression, scope);
        if (v.fn) this.exportsMap.set('', v.fn.node);
        this.exportObjectFields(v, []);
        return;
      }
      default:
        return;
    }
  }

  /**
   * `await validateLoginBody(body)`, `schema.validateSync(input)`, `assert(isSafe(x))` as a
   * statement: a check that throws when it fails, so what it checked is clean afterwards.
   */
  private validatingStatement(expression: Node, scope: Scope): void {
    let e = unwrap(expression);
    const awaited = e?.type === 'AwaitExpression';
    if (awaited) e = unwrap(e!.argument);
    if (!e || e.type !== 'CallExpression' || e.arguments.length === 0) return;
    const callee = unwrap(e.callee)!;
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee.property, callee.computed) : undefined;
    if (!name) return;
    // schema.validate(x) whose result is dropped: Joi returns { error } and ajv false, neither throws;
    // only an awaited one (yup rejects) stops the code that follows.
    if (name === 'validate' && callee.type === 'MemberExpression' && !awaited) return;
    const layer = scope.fn.sanitized[scope.fn.sanitized.length - 1];
    if (/^(assert|ok|invariant)$/.test(name) && e.arguments[0]) {
      this.applyGuards(layer, this.guardsOf(e.arguments[0], scope), true);
      return;
    }
    if (!/^(validate|ensure|assert|check|verify)([A-Z_]|$)|^(validateSync|validateAsync|validateOrReject|parse|parseAsync)$/.test(name)) return;
    const isMethod = callee.type === 'MemberExpression';
    // schema.validate(value), ajv.validate(schema, value), validateBody(value)
    const arg = isMethod && /^ajv$/i.test(lastName(callee.object) ?? '') ? e.arguments[1] : e.arguments[0];
    const path = accessPath(arg);
    if (path) layer.set(path, (layer.get(path) ?? 0) | ALL_CLASSES_MASK);
  }

  private loopDepth = 0;

  private loopBody(body: Node, scope: Scope): void {
    // Twice, so values assigned late in one iteration reach uses early in the next (`cur = cur[k]`
    // in an inner loop); only the two outermost loops repeat (at most 4 readings), or nested loops would cost 2^depth.
    this.loopDepth++;
    try {
      this.exec(body, scope);
      if (this.loopDepth <= 2) this.exec(body, scope);
    } finally {
      this.loopDepth--;
    }
  }

  private recordExportDeclaration(decl: Node, scope: Scope): void {
    if (decl.type === 'FunctionDeclaration' && decl.id) this.exportsMap.set(decl.id.name, decl);
    if (decl.type === 'VariableDeclaration') {
      for (const d of decl.declarations) {
        const init = unwrap(d.init);
        if (d.id.type === 'Identifier' && isFunctionNode(init)) this.exportsMap.set(d.id.name, init!);
        // export const commands = { lint: (files) => `eslint ${files}` }: each function field is an export.
        else if (d.id.type === 'Identifier' && init?.type === 'ObjectExpression') this.exportObjectFields(scope.lookup(d.id.name) ?? CLEAN, [d.id.name]);
        if (d.id.type === 'Identifier') this.recordExportedConstant(d.id.name, scope.lookup(d.id.name) ?? CLEAN, init);
      }
    }
    if (decl.type === 'ClassDeclaration' && decl.id) this.exportClassMethods(decl, decl.id.name);
  }

  private exportClassMethods(cls: Node, name: string): void {
    for (const m of cls.body.body) {
      if ((m.type === 'MethodDefinition' || m.type === 'TSAbstractMethodDefinition') && m.value && m.kind === 'method') {
        const key = propertyName(m.key, m.computed);
        if (key) this.exportsMap.set(`${name}.${key}`, m.value);
      }
    }
  }

  /** `module.exports = { a, b }` or `export default { a }`: each function field is an export. */
  private exportObjectFields(v: Value, prefix: string[]): void {
    if (v.fields) {
      for (const [k, fv] of v.fields) {
        if (fv.fn) this.exportsMap.set([...prefix, k].join('.'), fv.fn.node);
        // module.exports = { Repository }: the class's methods, for instances made in other files.
        else if (fv.classDecl) this.exportClassMethodsAs(fv.classDecl, [...prefix, k]);
      }
    }
    if (v.cls) this.exportClassMethodsAs(v.cls, prefix);
    if (v.classDecl) this.exportClassMethodsAs(v.classDecl, prefix);
  }

  private exportClassMethodsAs(cls: Node, prefix: string[]): void {
    for (const m of cls.body.body) {
      if (m.type === 'MethodDefinition' && m.kind === 'method') {
        const key = propertyName(m.key, m.computed);
        if (key) this.exportsMap.set([...prefix, key].join('.'), m.value);
      }
    }
  }

  /** Exported constants other files may test input against or parse with (read by the link phase). */
  private readonly constants: Record<string, ExportedConstant> = {};
  /** Exported compiled templates (`Handlebars.compile('...{{{x}}}')`): functions returning their unescaped fields. */
  private readonly templateExports = new Map<string, FnCtx>();

  private recordExportedConstant(name: string, v: Value, init: Node | null | undefined): void {
    if (Object.keys(this.constants).length >= 64) return;
    if (v.regex) this.constants[name] = { regex: v.regex };
    else if (init?.type === 'ObjectExpression') {
      const fields: Record<string, string> = {};
      for (const p of init.properties) {
        const key = p.type === 'Property' ? propertyName(p.key, p.computed) : undefined;
        const value = key === undefined ? undefined : staticValue(p.value);
        if (key !== undefined && value !== undefined) fields[key] = value;
      }
      const secrets = secretFieldPaths(init);
      if (Object.keys(fields).length > 0 || secrets.length > 0) this.constants[name] = { ...(Object.keys(fields).length > 0 ? { fields } : {}), ...(secrets.length > 0 ? { secrets } : {}) };
    }
    if (v.unescaped && v.unescaped.length > 0) {
      const ctx = this.newCtx(undefined, false);
      ctx.ret = v.unescaped.slice(0, MAX_FLOWS).map((fld): Flow => ({ o: { k: 'p', i: 0, f: ctx.id, fld }, m: 0, t: [] }));
      this.templateExports.set(name, ctx);
    }
  }

  /** `module.exports = require('./sales')` or `= { ...require('./sales') }`: a CommonJS barrel, followed like `export *`. */
  private requireReexports(right: Node | null | undefined): void {
    const specOf = (n: Node | null | undefined): string | undefined => {
      const c = unwrap(n);
      if (c?.type !== 'CallExpression' || unwrap(c.callee)?.type !== 'Identifier' || unwrap(c.callee)!.name !== 'require') return undefined;
      const spec = staticValue(c.arguments[0]);
      return spec?.startsWith('.') ? spec : undefined;
    };
    const specs = right?.type === 'ObjectExpression' ? right.properties.filter((p: Node) => p.type === 'SpreadElement').map((p: Node) => specOf(p.argument)) : [specOf(right)];
    for (const spec of specs) if (spec && this.reexports.length < 64) this.reexports.push({ spec });
  }

  private registerClass(node: Node, scope: Scope): void {
    if (node.id) {
      scope.vars.set(node.id.name, { flows: [], classDecl: node });
      this.classes.set(node.id.name, node);
    }
  }

  private returnValue(v: Value, node: Node, scope: Scope): void {
    const ctx = scope.fn;
    // Next.js serialises getServerSideProps/getStaticProps props into the page (__NEXT_DATA__) for every visitor.
    const props = v.fields?.get('props');
    if (props && ctx.node && /^(getServerSideProps|getStaticProps)$/.test(functionName(ctx.node) ?? '')) {
      this.sinkValue('data-leak', props, node, scope, 'page props (Next.js serialises them into the HTML) send it to every visitor');
    }
    // Next.js `return { redirect: { destination } }` from getServerSideProps: the browser is sent there.
    const destination = v.fields?.get('redirect')?.fields?.get('destination');
    if (destination && ctx.node && /^(getServerSideProps|getStaticProps)$/.test(functionName(ctx.node) ?? '')) {
      const choosers = hostChoosers(destination);
      if (choosers.length > 0) this.sinkValue('open-redirect', { flows: choosers }, node, scope, 'the `redirect.destination` getServerSideProps returns');
    }
    if (ctx.returnsResponse) this.responseBody(v, node, scope, 'returned as the response');
    // NestJS @Redirect(): a returned `{ url }` replaces the decorator's target.
    const url = v.fields?.get('url');
    if (url && ctx.node && hasDecorator(ctx.node.parent, 'Redirect')) {
      const choosers = hostChoosers(url);
      if (choosers.length > 0) this.sinkValue('open-redirect', { flows: choosers }, node, scope, 'the `url` a `@Redirect()` handler returns');
    }
    else if (ctx.returnsData && !ctx.responseSchema) this.sinkValue('data-leak', v, node, scope, 'returned by the route handler, sent to the client');
    ctx.retValue = ctx.retValue ? this.mergeValues(ctx.retValue, v) : v;
    if (v.object && v.fields) {
      if (ctx.retShape !== null) {
        const shape = ctx.retShape ?? new Map<string, Value>();
        for (const [k, fv] of v.fields) shape.set(k, shape.has(k) ? this.union(shape.get(k)!, fv) : fv);
        ctx.retShape = shape;
      }
    } else if (v.flows.length > 0) ctx.retShape = null;
    if (v.flows.length === 0) return;
    // A URL whose scheme and host come before any input (`${req.protocol}://${host}${req.originalUrl}`):
    // callers in other files see flows, not text, so the pinned host is recorded on the flows.
    const pinned = v.text !== undefined && fixedHost(v.text.replace(/\u0002/g, '\u0000')) ? classMask(['open-redirect', 'ssrf']) : 0;
    ctx.ret = mergeFlows([ctx.ret, pinned ? v.flows.map((f) => ({ ...f, m: f.m | pinned })) : v.flows]);
  }

  /** `url.format({ protocol, host, pathname })`: when the host is not input, it is pinned ahead of the rest. */
  private formattedUrl(fields: Map<string, Value>, all: Value): Value {
    const hostBits = classMask(['open-redirect', 'ssrf']);
    const host = fields.get('host') ?? fields.get('hostname');
    if (!host || !host.flows.every((f) => (f.m & hostBits) === hostBits)) return { flows: all.flows, record: all.record };
    const rest = ['pathname', 'path', 'search', 'query', 'hash'].some((k) => (fields.get(k)?.flows.length ?? 0) > 0);
    return { flows: all.flows, text: `\u0001://\u0001/${rest ? '\u0000' : ''}` };
  }

  private mergeValues(a: Value, b: Value): Value {
    const u = this.union(a, b);
    const walked = a.walked || b.walked ? mergeFlows([a.walked ?? [], b.walked ?? []]) : undefined;
    return { ...u, fields: this.mergeFields(a, b), fn: b.fn ?? a.fn, obj: b.obj ?? a.obj, object: a.object && b.object, ...(walked ? { walked } : {}) };
  }

  /**
   * The fields of a value that is one of two (`a ?? {}`, `c ? x : y`): known only if both sides'
   * are, since a side of unknown shape (`req.body.where`) may have any field, which its flows carry.
   */
  private mergeFields(a: Value, b: Value): Map<string, Value> | undefined {
    const unknownShape = (v: Value): boolean => !v.fields && v.flows.length > 0;
    if (unknownShape(a) || unknownShape(b)) return undefined;
    if (!a.fields || !b.fields) return b.fields ?? a.fields;
    const merged = new Map(a.fields);
    for (const [k, v] of b.fields) merged.set(k, merged.has(k) ? this.mergeValues(merged.get(k)!, v) : v);
    return merged;
  }

  // ---------------------------------------------------------------------------------
  // Patterns (declarations, parameters, destructuring)

  private bindPattern(pattern: Node, v: Value, scope: Scope, declare: boolean, at: Node): void {
    const p = unwrap(pattern);
    if (!p) return;
    switch (p.type) {
      case 'Identifier': {
        const named = v.flows.length > 0 ? this.withStep(v, at, `assigned to \`${p.name}\``) : v;
        if (declare) scope.vars.set(p.name, named);
        else scope.assign(p.name, named);
        return;
      }
      case 'ObjectPattern': {
        const taken: string[] = [];
        for (const prop of p.properties) {
          if (prop.type === 'RestElement') {
            const rest = v.fields ? new Map([...v.fields].filter(([k]) => !taken.includes(k))) : undefined;
            // `const { password, ...safe } = user`: the rest no longer holds the removed secret fields.
            const removedSecret = taken.some((k) => SENSITIVE_FIELD.test(k));
            // `const { token, ...presence } = session`: nor the owner's credential.
            const removedCredential = taken.some((k) => OWNER_CREDENTIAL_FIELD.test(k));
            const flows = removedSecret ? this.clear(v, classBit('data-leak')).flows : removedCredential ? v.flows.map((f) => (f.m & OWNER_ONLY ? { ...f, m: f.m | classBit('data-leak') } : f)) : v.flows;
            const restVal: Value = { flows, fields: rest, obj: v.obj, record: removedSecret ? false : v.record };
            this.bindPattern(prop.argument, restVal, scope, declare, at);
            continue;
          }
          const key = propertyName(prop.key, prop.computed);
          if (key) taken.push(key);
          const fieldVal = key !== undefined ? this.member(v, key, prop.key, p) : this.clear(v, classBit('data-leak'));
          this.bindPattern(prop.value, fieldVal, scope, declare, at);
        }
        return;
      }
      case 'ArrayPattern':
        for (const el of p.elements) if (el) this.bindPattern(el.type === 'RestElement' ? el.argument : el, this.elementOf(v), scope, declare, at);
        return;
      case 'AssignmentPattern': {
        const def = v.flows.length === 0 && !v.obj && !v.fn && !v.fields ? this.eval(p.right, scope) : CLEAN;
        this.bindPattern(p.left, v.flows.length > 0 || v.obj || v.fn || v.fields ? v : def, scope, declare, at);
        return;
      }
      case 'RestElement':
        this.bindPattern(p.argument, v, scope, declare, at);
        return;
      case 'MemberExpression':
        this.assignMember(p, v, scope, at);
        return;
      case 'TSParameterProperty':
        this.bindPattern(p.parameter, v, scope, declare, at);
        return;
      default:
        return;
    }
  }

  private elementOf(v: Value): Value {
    if (v.elements) return { flows: [], obj: v.elements, broadcast: true };
    if (v.flows.length === 0) return v.fields?.get('0') ?? CLEAN;
    return { flows: v.flows, record: v.record, ...(v.upload ? { upload: true } : {}) };
  }

  // ---------------------------------------------------------------------------------
  // Expressions

  private eval(node: Node | null | undefined, scope: Scope): Value {
    if (!node) return CLEAN;
    this.tick();
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      return CLEAN;
    }
    try {
      return this.evalInner(node, scope);
    } finally {
      this.depth--;
    }
  }

  private evalInner(node: Node, scope: Scope): Value {
    const ctx = scope.fn;
    switch (node.type) {
      case 'Identifier': {
        if (node.name === 'undefined') return CLEAN;
        const v = scope.lookup(node.name);
        if (!v) {
          const b = moduleBindings(this.sourceCode).get(node.name);
          if (isFilteringAgent(b)) return { flows: [], filteringAgent: true };
          return (b && this.importedSecrets(node, b.module, b.path)) ?? CLEAN;
        }
        const m = this.sanitizedMask(ctx, node.name);
        return m ? this.clear(v, m) : v;
      }
      case 'ThisExpression':
        return scope.lookup('this') ?? CLEAN;
      case 'Literal':
      case 'StringLiteral':
        if (node.regex) return { flows: [], regex: node.regex };
        return typeof node.value === 'string' ? { flows: [], text: node.value } : CLEAN;
      case 'TemplateLiteral': {
        const parts: Value[] = node.expressions.map((e: Node) => this.eval(e, scope));
        let text = '';
        node.quasis.forEach((q: Node, i: number) => {
          text += q.value.cooked ?? q.value.raw ?? '';
          if (i < parts.length && URL_ATTRIBUTE_START.test(text.slice(-40))) parts[i] = this.urlAttributeValue(parts[i], node.expressions[i]);
          if (i < parts.length) parts[i] = this.quotedAttributeValue(parts[i], node.expressions[i], text, scope);
          if (i < parts.length) text += holeText(parts[i]);
        });
        return { ...this.clear(this.union(...parts.map((p: Value) => this.stringified(p))), 0), text };
      }
      case 'TaggedTemplateExpression': {
        const tag = accessPath(node.tag) ?? '';
        const parts = node.quasi.expressions.map((e: Node) => this.eval(e, scope));
        // sql`...`, Prisma.sql`...`, $queryRaw`...`: parameterised. String.raw and unknown tags keep the text.
        if (/(^|\.)(sql|SQL|\$queryRaw|\$executeRaw|raw|html|gql|graphql|css|query)$/.test(tag) && tag !== 'String.raw') return CLEAN;
        if (tag === 'String.raw') return this.union(...parts);
        return CLEAN;
      }
      case 'BinaryExpression': {
        if (node.operator !== '+') {
          this.eval(node.left, scope);
          this.eval(node.right, scope);
          return CLEAN;
        }
        // Left-deep chains of `+` (generated code can nest thousands) are read iteratively.
        const terms: Node[] = [];
        let cur: Node = node;
        while (cur.type === 'BinaryExpression' && cur.operator === '+') {
          terms.push(cur.right);
          cur = unwrap(cur.left) ?? cur.left;
        }
        terms.push(cur);
        terms.reverse();
        let text = '';
        const values: Value[] = [];
        for (const t of terms) {
          let v = this.eval(t, scope);
          const s = staticValue(t);
          if (s === undefined && URL_ATTRIBUTE_START.test(text.slice(-40))) v = this.urlAttributeValue(v, t);
          if (s === undefined) v = this.quotedAttributeValue(v, t, text, scope);
          text += s !== undefined ? s : holeText(v);
          values.push(this.stringified(v));
        }
        return { ...this.union(...values), text };
      }
      case 'LogicalExpression': {
        const l = this.eval(node.left, scope);
        const guards = node.operator === '&&' ? this.guardsOf(node.left, scope) : node.operator === '||' ? this.guardsOf(node.left, scope) : [];
        const r = this.withGuards(ctx, guards, node.operator === '&&', () => this.eval(node.right, scope));
        if (node.operator === '&&') return { ...r, flows: r.flows };
        return this.mergeValues(l, r);
      }
      case 'ConditionalExpression': {
        this.eval(node.test, scope);
        const guards = this.guardsOf(node.test, scope);
        const a = this.withGuards(ctx, guards, true, () => this.eval(node.consequent, scope));
        const b = this.withGuards(ctx, guards, false, () => this.eval(node.alternate, scope));
        return this.mergeValues(a, b);
      }
      case 'AssignmentExpression':
        return this.assignment(node, scope);
      case 'MemberExpression':
        return this.memberExpression(node, scope);
      case 'CallExpression':
        return this.call(node, scope);
      case 'NewExpression':
        return this.newExpression(node, scope);
      case 'AwaitExpression':
        return this.eval(node.argument, scope);
      case 'YieldExpression': {
        // What a generator yields is what its caller iterates over: part of what it returns.
        const v = node.argument ? this.eval(node.argument, scope) : CLEAN;
        if (v.flows.length > 0 && scope.fn.node?.generator) scope.fn.ret = mergeFlows([scope.fn.ret, v.flows]);
        return CLEAN; // the value of `yield` itself is what the consumer sends back with next()
      }
      case 'ArrayExpression': {
        const fields = new Map<string, Value>();
        const vals: Value[] = [];
        node.elements.forEach((el: Node | null, i: number) => {
          if (!el) return;
          const v = el.type === 'SpreadElement' ? this.eval(el.argument, scope) : this.eval(el, scope);
          if (el.type !== 'SpreadElement') fields.set(String(i), v);
          vals.push(v);
        });
        return { ...this.union(...vals), fields, object: true };
      }
      case 'ObjectExpression':
        return this.objectExpression(node, scope);
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return { flows: [], fn: { node, scope } };
      case 'ClassExpression':
        return { flows: [], classDecl: node };
      case 'SequenceExpression': {
        let last = CLEAN;
        for (const e of node.expressions) last = this.eval(e, scope);
        return last;
      }
      case 'UnaryExpression':
        this.eval(node.argument, scope);
        return CLEAN;
      case 'UpdateExpression':
        return CLEAN;
      case 'ChainExpression':
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSSatisfiesExpression':
        return this.eval(node.expression, scope);
      case 'ImportExpression': {
        const v = this.eval(node.source, scope);
        this.sinkValue('code-injection', v, node, scope, '`import()` of a module named by input');
        return CLEAN;
      }
      case 'JSXElement':
      case 'JSXFragment':
        this.jsx(node, scope);
        return CLEAN;
      case 'SpreadElement':
        return this.eval(node.argument, scope);
      default:
        return CLEAN;
    }
  }

  /** A value turned into text: no operator objects any more (NoSQL, prototype keys). */
  private stringified(v: Value): Value {
    if (v.flows.length === 0) return v;
    // A whole record in a string still leaks; a string holding input is still input.
    return { flows: v.flows.map((f) => ({ ...f, m: f.m | classBit('nosql-injection') })), record: v.record };
  }

  private objectExpression(node: Node, scope: Scope): Value {
    const fields = new Map<string, Value>();
    const vals: Value[] = [];
    let record = false;
    for (const p of node.properties) {
      if (p.type === 'SpreadElement') {
        const v = this.eval(p.argument, scope);
        if (v.fields) for (const [k, fv] of v.fields) fields.set(k, fv);
        // `{ ip, ...req.body }`: an object of unknown shape may overwrite any field written before it.
        else if (v.flows.length > 0) for (const [k, fv] of fields) fields.set(k, this.union(fv, v));
        vals.push(v);
        record ||= !!v.record;
        continue;
      }
      const key = propertyName(p.key, p.computed);
      if (p.computed && key === undefined) {
        const k = this.eval(p.key, scope);
        vals.push(this.clear(k, ALL_CLASSES_MASK & ~classBit('nosql-injection')));
      }
      let v = p.value ? this.eval(p.value, scope) : CLEAN;
      // { $eq: x } compares x as a value; { $where: '...' + x } runs x as JavaScript in MongoDB.
      if (key === '$eq' || key === '$ne' || key === '$in' || key === '$nin') v = this.clear(v, classBit('nosql-injection'));
      if (key === '$where' || key === '$function' || key === '$accumulator') v = { ...v, flows: v.flows.map((f) => ({ ...f, m: f.m & classBit('code-injection') ? f.m : f.m & ~classBit('nosql-injection') })) };
      if (key !== undefined && SENSITIVE_FIELD.test(key) && !constantStructure(p.value) && !isFunctionNode(unwrap(p.value))) {
        // An object that carries a secret field: sending it is a leak whatever the value's origin.
        v = this.union(v, this.source(p, `object field \`${key}\``, 'medium', SENSITIVE_CLEARED));
      } else if (key !== undefined && OWNER_CREDENTIAL_FIELD.test(key) && !constantStructure(p.value) && !isFunctionNode(unwrap(p.value))) {
        v = this.union(v, this.source(p, `object field \`${key}\` (its owner's credential)`, 'medium', SENSITIVE_CLEARED | OWNER_ONLY));
      }
      if (key !== undefined) fields.set(key, v);
      vals.push(v);
    }
    // A route declared as data (Hapi `{ method, path, options, handler }`, exported or listed): its handler is a route handler.
    if (fields.get('handler')?.fn && (staticValue(objectProp(node, 'path')) ?? '').startsWith('/')) this.routeConfig(node, fields.get('handler')!.fn!, scope);
    // GraphQL resolvers (`{ Query: { products: (parent, args) => ... } }`): `args` is what the client sent.
    for (const op of GRAPHQL_OPERATIONS) {
      const resolvers = fields.get(op);
      if (resolvers?.fields && this.usesGraphql()) for (const r of resolvers.fields.values()) if (r.fn) this.graphqlResolver(r.fn, op, scope);
    }
    return { ...this.union(...vals), fields, object: true, record: record || undefined };
  }

  private memberExpression(node: Node, scope: Scope): Value {
    const ctx = scope.fn;
    // The access path is built only when something may need it (a global source, a check made on it).
    let root = unwrap(node.object);
    while (root && root.type === 'MemberExpression') root = unwrap(root.object);
    const needsPath = (root?.type === 'Identifier' && this.globalRoots().has(root.name)) || ctx.sanitized.some((l) => l.size > 0) || UPLOAD_SERVER_FIELDS.has(node.property?.name);
    const path = needsPath ? accessPath(node) : undefined;
    if (path && root?.type === 'Identifier' && this.globalRoots().has(root.name)) {
      const global = this.globalSource(path, node, scope);
      if (global) return global;
    }
    const obj = this.eval(node.object, scope);
    let key: string | undefined = node.computed ? staticValue(node.property) : propertyName(node.property, false);
    if (node.computed && key === undefined) {
      const k = this.eval(node.property, scope);
      const el: Value = obj.flows.length > 0 ? { flows: obj.flows, record: obj.record } : CLEAN;
      const walked = k.flows.filter((f) => !(f.m & classBit('prototype-pollution')));
      return walked.length > 0 ? { ...el, walked } : el;
    }
    if (key === undefined) return CLEAN;
    // req.file.path, req.files.avatar.tempFilePath: chosen by the upload middleware, not the client.
    if (UPLOAD_SERVER_FIELDS.has(key) && path && /\.(file|files)(\.[^.]+)?\.[^.]+$/.test(path) && !this.clientNamedField(key)) return CLEAN;
    let v = this.member(obj, key, node, node);
    // req.query.id: name the source by its whole path, not just req.query.
    const only = obj.flows.length === 1 ? obj.flows[0] : undefined;
    if (only && only.o.k === 's' && only.t.length === 0 && v.flows.length === 1 && v.flows[0].o === only.o && !obj.record) {
      const start = this.index.position(nodeStart(node.object));
      const src = only.o.src;
      if (src.step.line === start.line && src.step.column === start.column) {
        const label = this.text(node, 60);
        v = { ...v, flows: [{ ...v.flows[0], o: { k: 's', src: { ...src, label, step: { ...this.step(node, `source: ${label}`) } } } }] };
      }
    }
    const m = this.sanitizedMask(ctx, path);
    if (m) v = this.clear(v, m);
    return v;
  }

  /** Reads field `key` of a value: request inputs, known fields, or the value's own taint. */
  private member(obj: Value, key: string, keyNode: Node, at: Node): Value {
    // req.app.locals.invoices: an object the app file stored there (resolved by the link phase).
    if (at.type === 'MemberExpression' && !at.computed) {
      const shared = APP_LOCALS.exec(accessPath(at) ?? '');
      if (shared) return { flows: [], importedInstance: { module: APP_LOCALS_SPEC, path: [shared[1]] } };
    }
    // A WebSocket server's `clients`: every connected socket, each one a place data is sent to.
    if (obj.obj === 'ws' && key === 'clients') return { flows: [], elements: 'ws' };
    // Koa's ctx.state is where middleware hands values to later middleware (Hapi's request.state is cookies).
    // What a middleware set there (or on the request) is resolved by the link phase with the masks
    // of the flows it stored: input stays input, a whole record read there stays a record.
    if (obj.obj === 'context' && key === 'state') return { flows: [], middlewareState: true };
    if (obj.middlewareState) {
      return { flows: [{ o: { k: 'f', name: `state.${key}` }, m: 0, t: [this.step(at, `\`${this.text(at, 30)}\`, set by a middleware`)] }] };
    }
    if (obj.obj === 'request' || obj.obj === 'context') {
      // request.pre of a route whose pre methods were read (Hapi).
      const own = obj.fields?.get(key);
      if (own) return own;
      const input = this.tables.requestInputs.find((r) => r.name === key && r.kind === 'property');
      const label = `${this.text(at.type === 'MemberExpression' ? at : keyNode, 40)}`;
      const vouched = input ? obj.validated?.get(key) : undefined;
      if (vouched === 'all') return CLEAN;
      if (input) {
        const cleared = inputCleared(input);
        let v = this.source(at, label, 'high', vouched?.objectSafe ? cleared | OBJECT_ATTACKS : cleared);
        // Fields the schema pins are clean, strings are text; any other field of this input is still input.
        if (vouched) v = { ...v, fields: this.vouchedFields(vouched, (f) => this.source(at, `${label}.${f}`, 'high', cleared)) };
        return key === 'file' || key === 'files' ? { ...v, upload: true } : { ...v, inputObject: true };
      }
      if (NESTED_REQUESTS.includes(key)) return { flows: [], obj: 'request' };
      if (obj.obj === 'context' && (key === 'res' || key === 'response')) return { flows: [], obj: 'response' };
      // req.tenant: maybe set from input by a middleware (here or in another file); the link phase knows.
      if (!SAFE_REQUEST_FIELDS.has(key) && at.type === 'MemberExpression' && unwrap(at.object)?.type === 'Identifier') return { flows: [{ o: { k: 'f', name: key }, m: 0, t: [this.step(at, `\`${this.text(at, 30)}\`, set by a middleware`)] }] };
      return CLEAN;
    }
    const known = obj.fields?.get(key);
    if (known) return known;
    if (obj.classDecl) return CLEAN;
    // url.search, url.hash, url.pathname: the URL parser percent-encodes quotes, angle brackets and
    // spaces and drops line breaks; a search or hash cannot name another host.
    const encoded = obj.parsedUrl ? URL_ENCODED_PARTS.get(key) : undefined;
    if (encoded !== undefined) return { ...this.clear({ flows: obj.flows }, encoded), urlPart: true };
    // req.files.avatar[0].path: where the upload middleware stored the file, not the client's name for it.
    if (obj.upload) return UPLOAD_SERVER_FIELDS.has(key) && !this.clientNamedField(key) ? CLEAN : { flows: obj.flows, upload: true };
    if (obj.flows.length === 0) {
      if (SENSITIVE_FIELD.test(key) && at.type === 'MemberExpression' && !obj.obj && !obj.fn) {
        const root = unwrap(at.object);
        // user.passwordHash, row.ssn: a secret read from a record. `process.env.SECRET` and `this.secret` are config, not records.
        if (root && root.type === 'Identifier' && !/^(process|config|env|options|opts|settings)$/i.test(root.name)) {
          return this.source(at, `${this.text(at, 40)}`, 'medium', SENSITIVE_CLEARED);
        }
      }
      return CLEAN;
    }
    if (CLEAN_PROPERTIES.has(key) && !obj.inputObject) return CLEAN;
    // A named field of a record is not the record, unless it is a container of records or a secret.
    const keepsRecord = RECORD_CONTAINERS.has(key) || /^\d+$/.test(key) || SENSITIVE_FIELD.test(key);
    const flows = fieldOfParams(obj.flows, key);
    if (keepsRecord) return { flows, record: obj.record };
    return { flows: this.clear({ flows }, classBit('data-leak')).flows };
  }

  private roots?: Set<string>;

  private globalRoots(): Set<string> {
    return (this.roots ??= new Set(this.tables.globalInputs.map((g) => g.path.split('.')[0])));
  }

  private globalSource(path: string, node: Node, scope: Scope): Value | undefined {
    const first = path.split('.', 1)[0];
    if (scope.has(first)) return undefined;
    // The whole environment (not one named variable) holds every secret of the deployment: a data leak if answered.
    if (path === 'process.env' && node.parent?.type !== 'MemberExpression') return this.source(node, 'process.env (the whole environment)', 'medium', SENSITIVE_CLEARED);
    for (const g of this.tables.globalInputs) {
      if (path === g.path || (path.startsWith(`${g.path}.`) && g.path.startsWith('process.'))) {
        let cleared = INPUT_CLEARED | (g.string ? classBit('nosql-injection') : 0);
        if (g.path === 'process.env') cleared |= ALL_CLASSES_MASK & ~classMask([...ENV_CLASSES]);
        if (g.harmless) cleared |= classMask(g.harmless);
        // A browser's own location: its requests go out from the victim's browser, not from the server.
        if (/^(location|window|document)\./.test(g.path)) cleared |= classMask(['ssrf', 'path-traversal', 'command-injection', 'sql-injection']);
        return this.source(node, path, g.confidence, cleared);
      }
    }
    return undefined;
  }

  private assignment(node: Node, scope: Scope): Value {
    let v = this.eval(node.right, scope);
    const left = unwrap(node.left)!;
    if (node.operator !== '=' && node.operator !== '||=' && node.operator !== '??=') {
      const old = this.eval(left, scope);
      v = this.stringified(this.union(old, v));
    } else if (node.operator !== '=') {
      v = this.mergeValues(this.eval(left, scope), v);
    }
    if (left.type === 'Identifier') {
      scope.assign(left.name, v.flows.length > 0 ? this.withStep(v, node, `assigned to \`${left.name}\``) : v);
      // A reassigned name loses the checks made on its previous value.
      for (const layer of scope.fn.sanitized) layer.delete(left.name);
    } else if (left.type === 'MemberExpression') {
      this.assignMember(left, v, scope, node);
    } else {
      this.bindPattern(left, v, scope, false, node);
    }
    return v;
  }

  private assignMember(left: Node, v: Value, scope: Scope, at: Node): void {
    const path = accessPath(left);
    const key = left.computed ? staticValue(left.property) : propertyName(left.property, false);
    // module.exports = ..., exports.x = ..., module.exports.x = ...
    if (path === 'module.exports' && !scope.has('module')) {
      this.requireReexports(unwrap(at.type === 'AssignmentExpression' ? at.right : undefined));
      this.recordExportedConstant('', v, unwrap(at.type === 'AssignmentExpression' ? at.right : undefined));
      if (v.fn) this.exportsMap.set('', v.fn.node);
      this.exportObjectFields(v, []);
      if (v.classDecl) this.exportClassMethodsAs(v.classDecl, []);
      return;
    }
    if (path && /^(module\.)?exports\.[^.]+$/.test(path) && !scope.has('exports')) {
      const name = path.split('.').pop()!;
      if (v.fn) this.exportsMap.set(name, v.fn.node);
      if (v.classDecl) this.exportClassMethodsAs(v.classDecl, [name]);
      else if (!v.fn) this.exportObjectFields(v, [name]);
      this.recordExportedConstant(name, v, unwrap(at.type === 'AssignmentExpression' ? at.right : undefined));
      return;
    }
    // app.locals.invoices = new InvoiceRepository(pool): routes in other files reach it as req.app.locals.invoices.
    const shared = path ? APP_LOCALS.exec(path) : null;
    if (shared && v.importedInstance && this.isProjectModule(v.importedInstance.module) && Object.keys(this.appLocals).length < 32) {
      this.appLocals[shared[1]] = { spec: v.importedInstance.module, path: [...v.importedInstance.path] };
    }
    const objVal = this.eval(left.object, scope);
    if (objVal.middlewareState && key !== undefined) {
      const input = v.flows.filter((f) => f.o.k === 's');
      const name = `state.${key}`;
      if (Object.keys(this.requestFields).length < 32) this.requestFields[name] = mergeFlows([this.requestFields[name] ?? [], input.length > 0 ? this.withStep({ flows: input }, at, `stored in \`${this.text(left, 30)}\``).flows : []]);
    }
    if ((objVal.obj === 'request' || (objVal.obj === 'context' && unwrap(left.object)?.type === 'MemberExpression')) && key !== undefined && !SAFE_REQUEST_FIELDS.has(key)) {
      const input = v.flows.filter((f) => f.o.k === 's');
      // A field set from no input is recorded too: it tells the link phase that this app sets it.
      if (input.length === 0 && this.requestFields[key] === undefined && Object.keys(this.requestFields).length < 32) this.requestFields[key] = [];
      if (input.length > 0 && Object.keys(this.requestFields).length < 32) this.requestFields[key] = mergeFlows([this.requestFields[key] ?? [], this.withStep({ flows: input }, at, `stored in \`${this.text(left, 30)}\``).flows]);
    }
    // Koa: ctx.body = ...; ctx.redirect is a call; ctx.set is a call.
    if ((objVal.obj === 'context' || objVal.obj === 'response') && key === 'body') {
      this.responseBody(v, at, scope, '`ctx.body`', true);
      return;
    }
    if ((objVal.obj === 'context' || objVal.obj === 'response') && key === 'type' && typeof staticValue(unwrap(at.right)) === 'string') {
      markContentType(scope.fn, staticValue(unwrap(at.right)));
    }
    for (const s of this.tablesIndex().properties) {
      if (path === s.name || (key !== undefined && s.name === key) || (path !== undefined && path.endsWith(`.${s.name}`))) {
        this.sinkValue(s.class, v, at, scope, `\`${this.text(left, 40)}\` is set`);
      }
    }
    if (left.computed && key === undefined) {
      const k = this.eval(left.property, scope);
      this.prototypePollution(left, k, scope, at, objVal);
      return;
    }
    // Remember fields of objects held in local variables (one level deep, and this.x in classes).
    const root = unwrap(left.object);
    if (key !== undefined && root?.type === 'ThisExpression') {
      const self = scope.lookup('this');
      if (self?.fields && self.cls) (self.fields as Map<string, Value>).set(key, v);
      return;
    }
    if (key !== undefined && root && root.type === 'Identifier') {
      const cur = scope.lookup(root.name);
      if (cur && !cur.obj && !cur.fn && !cur.classDecl) {
        const fields = new Map(cur.fields ?? []);
        fields.set(key, v);
        scope.assign(root.name, { ...cur, fields, flows: mergeFlows([cur.flows, v.flows]) });
      }
    }
  }

  /**
   * `target[a][b] = v`, or `target[key] = v` inside a recursive merge/set that calls itself
   * with `target[key]`: with an input key, `__proto__` reaches Object.prototype.
   */
  private prototypePollution(left: Node, key: Value, scope: Scope, at: Node, objVal: Value): void {
    if (key.flows.length === 0) return;
    const inner = unwrap(left.object);
    let dangerous = !!objVal.walked?.length;
    if (inner && inner.type === 'MemberExpression' && inner.computed && staticValue(inner.property) === undefined) {
      // The outer key must be the input's choice too: one checked to be an own key (`Object.hasOwn(target, a)`)
      // names an existing object, and a `__proto__` written into that object changes nothing else.
      const k2 = this.eval(inner.property, scope);
      dangerous = k2.flows.some((f) => !(f.m & classBit('prototype-pollution'))) && !this.nullPrototypeStore(unwrap(inner.object));
    }
    if (!dangerous) {
      const fn = scope.fn.node;
      if (fn && inner && inner.type === 'Identifier' && this.isRecursiveWith(fn, inner.name)) dangerous = true;
    }
    if (dangerous) this.sinkValue('prototype-pollution', key, at, scope, `property assignment with a key from input: \`${this.text(left, 40)}\``);
  }

  /**
   * `const store = Object.create(null)` whose entries are only ever set to `Object.create(null)`:
   * `store[ns][key] = v` writes into an object with no prototype, whatever `ns` and `key` are.
   */
  private nullPrototypeStore(root: Node | null | undefined): boolean {
    if (root?.type !== 'Identifier' || !isNullPrototypeObject(constValue(root))) return false;
    return nodesOfType(this.sourceCode, 'AssignmentExpression').every((a) => {
      const l = unwrap(a.left);
      return !(l?.type === 'MemberExpression' && l.computed && unwrap(l.object)?.type === 'Identifier' && unwrap(l.object)!.name === root.name) || isNullPrototypeObject(a.right);
    });
  }

  private readonly recursiveTargets = new Map<Node, Set<string>>();

  /** Whether `fn` calls itself with `objectName[key]` as an argument (a recursive merge). One walk per function. */
  private isRecursiveWith(fn: Node, objectName: string): boolean {
    let names = this.recursiveTargets.get(fn);
    if (!names) {
      names = this.recursiveArguments(fn);
      this.recursiveTargets.set(fn, names);
    }
    return names.has(objectName);
  }

  private recursiveArguments(fn: Node): Set<string> {
    const out = new Set<string>();
    const name = fn.id?.name ?? (fn.parent?.type === 'VariableDeclarator' ? fn.parent.id?.name : fn.parent?.type === 'MethodDefinition' || fn.parent?.type === 'Property' ? propertyName(fn.parent.key, fn.parent.computed) : undefined);
    if (!name) return out;
    const calls = nodesOfType(this.sourceCode, 'CallExpression');
    const start = nodeStart(fn);
    const end = nodeEnd(fn);
    let lo = 0;
    let hi = calls.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nodeStart(calls[mid]) < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < calls.length && nodeStart(calls[i]) < end; i++) {
      const n = calls[i];
      if (lastName(n.callee) !== name) continue;
      for (const a of n.arguments) {
        let u = unwrap(a);
        // merge(target[key] ?? {}, source[key]), merge(target[key] || {}, ...)
        if (u?.type === 'LogicalExpression') u = unwrap(u.left);
        if (u?.type === 'MemberExpression' && u.computed && unwrap(u.object)?.type === 'Identifier') out.add(unwrap(u.object)!.name);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------
  // Calls

  private newExpression(node: Node, scope: Scope): Value {
    const calleeName = accessPath(node.callee) ?? '';
    const args = node.arguments.map((a: Node) => this.eval(a, scope));
    const binding = resolveCallee(node.callee, this.sourceCode);
    for (const s of this.tablesIndex().sinks.get(`new:${calleeName.slice(calleeName.lastIndexOf('.') + 1)}`) ?? []) {
      const nameOk = s.module ? binding?.module === s.module && binding.path.join('.') === s.name : calleeName === s.name || calleeName.endsWith(`.${s.name}`);
      if (!nameOk) continue;
      if (s.when === 'html' && !this.htmlResponseInit(node.arguments[1], scope)) continue;
      this.sinkArgs(s, node, args, scope, () => `\`new ${calleeName}()\``);
    }
    const local = scope.lookup(calleeName);
    if (local?.classDecl) {
      const ctor = local.classDecl.body.body.find((m: Node) => m.type === 'MethodDefinition' && m.kind === 'constructor');
      // Each `new` runs the constructor with its arguments: `this.label = label` is a field of this instance.
      const inst: Value = { flows: [], cls: local.classDecl, fields: new Map() };
      if (ctor && this.steps < STEP_BUDGET / 2) {
        const ctx = this.newCtx(ctor.value, false);
        const inner = new Scope(this.moduleScope, ctx);
        inner.vars.set('this', inst);
        ctor.value.params.forEach((p: Node, i: number) => this.bindPattern(p.type === 'TSParameterProperty' ? p.parameter : p, args[i] ?? CLEAN, inner, true, p));
        ctor.value.params.forEach((p: Node, i: number) => {
          if (p.type === 'TSParameterProperty' && p.parameter.type === 'Identifier') (inst.fields as Map<string, Value>).set(p.parameter.name, args[i] ?? CLEAN);
        });
        this.inlineDepth++;
        try {
          this.body(ctor.value, inner);
        } finally {
          this.inlineDepth--;
        }
      }
      return inst;
    }
    if (calleeName === 'Promise' && args[0]?.fn) {
      // new Promise((resolve) => ... resolve(x)): the promise holds what is resolved.
      const holder: Flow[] = [];
      this.inline(args[0].fn, [{ flows: [], resolver: holder }, CLEAN], scope);
      return { flows: mergeFlows([holder]) };
    }
    if (isFilteringAgent(binding)) return { flows: [], filteringAgent: true };
    // new Repository(...) of a class from another file of the project: its methods link across files.
    if (binding && this.isProjectModule(binding.module) && !local?.classDecl) return { flows: [], importedInstance: binding };
    // new AdmZip(uploadedBuffer): the archive's entries (and their names) come from whoever sent it.
    if (binding && ARCHIVE_READERS.has(binding.module) && args.length > 0) return { flows: args[0].flows };
    if (calleeName === 'URL' && args.length > 0) {
      const from = accessPath(node.arguments[0]);
      return { flows: this.stringified(args[0]).flows, parsedUrl: true, ...(from ? { urlOf: from } : {}) };
    }
    if (PROPAGATING_CONSTRUCTORS.has(calleeName) && args.length > 0) return { flows: this.stringified(args[0]).flows };
    if (/^(WebSocketServer|Server)$/.test(calleeName) || binding?.module === 'ws') return { flows: [], obj: 'ws' };
    return CLEAN;
  }

  private call(node: Node, scope: Scope): Value {
    const callee = unwrap(node.callee)!;
    const isMember = callee.type === 'MemberExpression';
    const method = isMember ? (callee.computed ? staticValue(callee.property) : propertyName(callee.property, false)) : undefined;
    const receiver = isMember ? this.eval(callee.object, scope) : undefined;
    const calleeVal = isMember ? (receiver && method !== undefined ? this.memberNoSource(receiver, method) : CLEAN) : this.eval(callee, scope);
    const args: Value[] = node.arguments.map((a: Node) => this.eval(a, scope));
    const path = accessPath(callee) ?? '';
    const binding = resolveCallee(callee, this.sourceCode) ?? calleeVal.module;
    const calleeText = (): string => `\`${this.text(callee, 40)}()\``;

    // Sources: request methods (req.get('x'), await request.json()).
    if (receiver && method && (receiver.obj === 'request' || receiver.obj === 'context')) {
      const input = this.tables.requestInputs.find((r) => r.name === method && r.kind === 'call');
      // req.get('host'): the Host header names this server to the browser that sent it; it cannot point a victim elsewhere.
      const hostHeader = /^(host|x-forwarded-host)$/i.test(staticValue(node.arguments[0]) ?? '') ? classMask(['open-redirect', 'ssrf']) : 0;
      if (input) return this.source(node, `${this.text(node, 40)}`, 'high', inputCleared(input) | hostHeader);
      if (method === 'on' || method === 'once') this.eventCallbacks(node, args, receiver, scope);
    }
    if (receiver && method && (method === 'on' || method === 'once' || method === 'addEventListener') && receiver.obj !== 'request' && receiver.obj !== 'context') {
      this.eventCallbacks(node, args, receiver, scope);
    }
    if (receiver && method === 'emit' && !receiver.obj) this.recordEmit(node, args);
    // worker.postMessage(input), child.send(input), parentPort.postMessage(x): read by the other side's 'message' listener.
    if (receiver && (method === 'postMessage' || method === 'send') && this.isOwnProcess(node)) this.recordPosted(node, ipcChannel(node, 'send'), args[0]);
    // Body.parse(input) with `const Body = z.object({...})`: the input, field by field as the schema pins it.
    if (isMember && method && SCHEMA_PARSE_METHODS.has(method) && args[0]?.flows.length) {
      const parsed = this.schemaParse(callee.object, args[0]);
      if (parsed) return parsed;
    }
    // tRPC: procedure.input(schema).query(({ input }) => ...): `input` is what the client sent.
    if (isMember && method && TRPC_RESOLVERS.has(method) && args[0]?.fn) this.trpcProcedure(callee, args[0].fn, scope);
    // Response content type chosen before a send.
    if (receiver && method && (receiver.obj === 'response' || receiver.obj === 'context')) this.noteContentType(method, node, scope);

    // next(new HttpError(400, `bad id ${id}`)): handed to the error handlers like a throw.
    if (callee.type === 'Identifier' && callee.name === 'next' && node.arguments.length === 1) this.recordThrown(node.arguments[0], scope);

    // Sinks (a method of the project's own classes is read, not matched by name)
    const ownMethod = isMember && receiver && method && !calleeVal.fn ? this.methodOf(receiver, method, callee, scope) ?? this.projectClassCall(receiver, callee) : undefined;
    if (!ownMethod) this.checkCallSinks(node, callee, method, receiver, binding, path, args, scope, calleeText);
    // const query = promisify(pool.query).bind(pool); query(sql): a call of pool.query.
    const bound = callee.type === 'Identifier' && !calleeVal.fn && !binding && scope.has(callee.name) ? boundMethod(variableInit(callee)) : undefined;
    if (bound && unwrap(bound.object)?.type === 'Identifier') {
      this.checkCallSinks(node, bound, propertyName(bound.property, bound.computed), this.eval(bound.object, scope), undefined, accessPath(bound) ?? '', args, scope, calleeText);
    }

    if (calleeVal.resolver) {
      for (const a of args) calleeVal.resolver.push(...a.flows.slice(0, MAX_FLOWS));
      return CLEAN;
    }
    if (isFilteringAgent(binding)) return { flows: [], filteringAgent: true };
    if (binding && XML_DOCUMENT_PARSERS.some((p) => p.module === binding.module && p.names.includes(binding.path.join('.')))) {
      return { flows: this.union(...args).flows, xmlDocument: true };
    }
    // Templates compiled or rendered from a string in code: the unescaped names carry their input to the HTML.
    const tpl = this.templateCall(callee, method, binding, node, args);
    if (tpl) return tpl;
    if (calleeVal.unescaped && args[0]?.fields) return this.union(...calleeVal.unescaped.map((n) => args[0].fields!.get(n) ?? CLEAN));
    // res.render('view', { x }): the view file decides; the link phase reads it.
    // res.render('view', data) (Express, Koa views), h.view('view', data) (Hapi with @hapi/vision).
    const renders = method === 'render' || (method === 'view' && lastName(callee.object) === 'h');
    if (renders && receiver && (receiver.obj === 'response' || receiver.obj === 'context' || (isMember && RESPONSE_NAMES.has(lastName(callee.object) ?? '')))) this.recordRender(node, args, scope);
    // Input tested against a regular expression that backtracks: ReDoS without building a pattern.
    this.backtrackingTest(node, method, receiver, args, scope);

    // Sanitizers
    const san = this.sanitizerFor(callee, method, binding, path, scope, 'return');
    if (san !== undefined) {
      const input = receiver && receiver.flows.length > 0 && args.length === 0 ? receiver : this.union(...args);
      return { flows: this.clear(input, san).flows };
    }
    if (method === 'replace' || method === 'replaceAll') {
      // text.replace(RE, (match, group1, ...) => ...): the callback reads the matched parts of the text.
      const cb = args[1]?.fn;
      if (cb && receiver && receiver.flows.length > 0) {
        const part: Value = { flows: this.stringified({ flows: receiver.flows }).flows };
        this.inline(cb, cb.node.params.map(() => part), scope);
      }
      return this.replaceSanitizer(node, receiver ?? CLEAN, args);
    }

    // Data-leak sources: whole-record reads.
    const record = ownMethod ? undefined : this.recordRead(node, callee, method);
    if (record) return record;
    if (receiver?.record && method && PROJECTION_METHODS.has(method) && !selectsEverything(node)) return CLEAN;

    // Route registration and callbacks
    // (`repo.all()`, `store.get(id)` on another file's class instance are no route registrations.)
    if (method && ROUTE_METHODS.has(method) && receiver && !receiver.importedInstance && node.arguments.length > 0 && (!receiver.flows.length || this.pluginInstanceRoute(receiver, node))) {
      this.routeHandlers(node, args, scope);
      return receiver.obj ? receiver : CLEAN;
    }

    // Cross-file: a function imported from a relative module.
    if (binding && this.isProjectModule(binding.module)) {
      return this.importedCall(binding, args, node, scope);
    }
    // repo.search(q) on an instance of another file's class.
    if (receiver?.importedInstance && method && !calleeVal.fn) {
      return this.importedCall({ module: receiver.importedInstance.module, path: [...receiver.importedInstance.path, method] }, args, node, scope);
    }
    // this.service.method(): a field typed with a class (NestJS dependency injection).
    let fnVal = calleeVal.fn;
    if (!fnVal && isMember && method) {
      const typed = this.typedField(callee);
      if (typed) {
        const local = this.classes.get(typed);
        if (local) fnVal = this.methodOf({ flows: [], cls: local }, method, callee, scope);
        else {
          const b = moduleBindings(this.sourceCode).get(typed);
          if (b && this.isProjectModule(b.module)) return this.importedCall({ module: b.module, path: [...b.path, method] }, args, node, scope);
        }
      }
    }

    // Local functions (closures, declarations, methods of local classes).
    if (!fnVal && isMember && receiver && method) fnVal = this.methodOf(receiver, method, callee, scope);
    if (fnVal) return this.callFunction(fnVal, args, node, scope);
    // this.compute() or super.compute() inherited from a class of another file (`extends BaseRule`).
    const base = isMember && method ? this.importedSuperclass(callee) : undefined;
    if (base) return this.importedCall({ module: base.module, path: [...base.path, method!] }, args, node, scope);

    // Promise and array callbacks.
    if (method === 'then' || method === 'catch' || method === 'finally') {
      const cb = args[0]?.fn;
      const base = receiver ?? CLEAN;
      if (cb) return this.inline(cb, [method === 'then' ? base : CLEAN], scope);
      return base;
    }
    if (method && ELEMENT_CALLBACKS.has(method) && receiver) {
      const cb = args[0]?.fn;
      const elem = this.elementOf(receiver);
      if (cb) {
        const r = this.inline(cb, [elem, CLEAN, receiver], scope, false, method === 'forEach');
        if (method === 'map' || method === 'flatMap') return r.flows.length > 0 ? { flows: r.flows, record: r.record } : CLEAN;
      }
      if (method === 'forEach' || method === 'some' || method === 'every' || method === 'findIndex') return CLEAN;
      // .filter(([key]) => ALLOWED.has(key)): what passes the check is clean for its classes.
      const cbNode = cb?.node;
      if (method === 'filter' && cbNode && cbNode.body.type !== 'BlockStatement') {
        const p0 = unwrap(cbNode.params[0]);
        const names = new Set<string>();
        if (p0?.type === 'Identifier') names.add(p0.name);
        if (p0?.type === 'ArrayPattern') for (const el of p0.elements) if (el?.type === 'Identifier') names.add(el.name);
        if (p0?.type === 'ObjectPattern') for (const pr of p0.properties) if (pr.value?.type === 'Identifier') names.add(pr.value.name);
        const mask = this.guardsOf(cbNode.body, scope).filter((g) => g.whenTrue && names.has(g.path)).reduce((m, g) => m | g.mask, 0);
        if (mask) return { flows: this.clear(receiver, mask).flows, record: receiver.record };
      }
      return { flows: receiver.flows, record: receiver.record };
    }
    if (method === 'reduce' && receiver) {
      const cb = args[0]?.fn;
      if (cb) {
        const acc = args[1] ?? CLEAN;
        const el = this.elementOf(receiver);
        // keys.reduce((node, key) => ... node[key], target): each round's accumulator is the last
        // one's node[key], a walk down keys the input may choose (as `node = node[key]` in a loop).
        const walked = walksAccumulator(cb.node) ? el.flows.filter((f) => !(f.m & classBit('prototype-pollution'))) : [];
        return this.inline(cb, [walked.length > 0 ? { ...acc, walked } : acc, el], scope);
      }
      return receiver;
    }
    // Any other function values passed in are callbacks: read them where they are.
    for (const a of args) if (a.fn && !this.evaluated.has(a.fn.node) && !this.summaries.has(a.fn.node)) this.inline(a.fn, [], scope);

    // promisify(exec) is exec.
    if ((path === 'promisify' || path === 'util.promisify' || binding?.path.join('.') === 'promisify') && args[0]) {
      const inner = resolveCallee(node.arguments[0], this.sourceCode);
      return inner ? { ...args[0], module: inner } : args[0];
    }
    if (path === 'require' && !scope.has('require')) return this.importedSecrets(node, staticValue(node.arguments[0]), []) ?? CLEAN;

    const translated = this.translation(callee, method, args);
    if (translated) return translated;

    // Propagation: known propagators, methods of tainted values.
    const name = binding ? [binding.module, ...binding.path].join('.') : path;
    if (PROPAGATORS.has(name) || PROPAGATORS.has(path) || (binding && PROPAGATORS.has(`${binding.module}.${binding.path.join('.')}`))) {
      const all = this.union(...args, receiver && !receiver.obj ? receiver : CLEAN);
      // Decoding brings back the line breaks, quotes and angle brackets that percent-encoding kept out.
      if (/^(decodeURIComponent|decodeURI|unescape|querystring\.(unescape|parse)|qs\.parse|url\.parse)$/.test(name)) return { flows: all.flows.map((f) => ({ ...f, m: f.m & ~URL_TEXT_SAFE })) };
      if (path === 'Object.assign') {
        const fields = new Map<string, Value>();
        for (const a of args) if (a.fields) for (const [k, v] of a.fields) fields.set(k, v);
        return { flows: all.flows, fields, object: true };
      }
      if (name === 'JSON.parse' || path === 'JSON.parse') return { flows: all.flows.map((f) => ({ ...f, m: f.m & ~classBit('nosql-injection') })), record: all.record };
      if (name === 'url.format' && args[0]?.object && args[0].fields) return this.formattedUrl(args[0].fields, all);
      return { flows: all.flows, record: all.record };
    }
    if (method && HTML_RENDER_METHODS.has(method) && args[0]) return this.stringified(args[0]);
    if (method === 'concat' && receiver) return this.union(receiver, ...args);
    // str.match(/^\/topic\/(\d+)\//)[0], RE.exec(str)[0]: the whole match starts with the regex's literal prefix.
    const re = method === 'match' ? args[0]?.regex : method === 'exec' ? receiver?.regex : undefined;
    const subject = method === 'match' ? receiver : args[0];
    if (re && subject && subject.flows.length > 0) {
      const prefix = literalPrefix(re.pattern);
      if (prefix !== undefined && fixedHost(`${prefix}\u0000`)) return { flows: subject.flows, record: subject.record, fields: new Map([['0', { flows: hostPinned({ flows: subject.flows, text: `${prefix}\u0000` }) }]]) };
      // The match array: [0] the whole match, [1]... each group, a part of the input (clean where the group allows only safe characters).
      if (method === 'exec' || !re.flags.includes('g')) {
        const text = this.stringified({ flows: subject.flows });
        const fields = new Map<string, Value>([['0', text]]);
        captureGroups(re.pattern).forEach((body, i) => fields.set(String(i + 1), SAFE_GROUP.test(body) || /^[\w-]+(?:\|[\w-]+)*$/.test(body) ? CLEAN : text));
        return { flows: text.flows, fields };
      }
    }
    if (receiver && receiver.flows.length > 0 && method) {
      if (CLEAN_METHODS.has(method)) return CLEAN;
      const r: Value = { flows: receiver.flows, record: receiver.record };
      // ['<order>', `<sku>${sku}</sku>`, '</order>'].join(''): text written around the input, as a template would.
      const list = method === 'join' ? unwrap(callee.object) : undefined;
      const sep = list?.type === 'ArrayExpression' && receiver.fields ? (node.arguments.length === 0 ? ',' : staticValue(node.arguments[0])) : undefined;
      if (sep !== undefined && list!.elements.every((el: Node | null) => el && el.type !== 'SpreadElement')) {
        const text = list!.elements.map((el: Node, i: number) => staticValue(el) ?? holeText(receiver.fields!.get(String(i)) ?? CLEAN)).join(sep);
        return { ...this.stringified(r), text };
      }
      if (method === 'split' || method === 'toString' || method === 'trim' || method === 'toLowerCase' || method === 'toUpperCase' || method === 'slice' || method === 'substring' || method === 'padStart' || method === 'concat' || method === 'join') {
        return this.union(this.stringified(r), method === 'concat' ? this.union(...args) : CLEAN);
      }
      // searchParams.get() percent-decodes: %0d%0a becomes a real line break again.
      if (method === 'get' || method === 'getAll') return { flows: r.flows.map((f) => ({ ...f, m: f.m & ~classMask(['log-injection', 'header-injection']) })), record: r.record };
      if (method === 'toJSON' || method === 'lean' || method === 'exec' || method === 'populate' || method === 'sort' || method === 'limit' || method === 'skip') return r;
      return r;
    }
    if (receiver && method && (method === 'push' || method === 'unshift' || method === 'add' || method === 'set' || method === 'append') && isMember) {
      // arr.push(input): the array now holds input.
      const root = unwrap(callee.object);
      const added = this.union(...args.slice(method === 'set' || method === 'append' ? 1 : 0));
      if (root?.type === 'Identifier' && added.flows.length > 0) {
        const cur = scope.lookup(root.name) ?? CLEAN;
        if (!cur.obj) scope.assign(root.name, { ...cur, flows: mergeFlows([cur.flows, added.flows]) });
      }
      // acc.parts.push(input): the array held in that field of a local object now holds input.
      const owner = root?.type === 'MemberExpression' && !root.computed ? unwrap(root.object) : undefined;
      const field = owner ? propertyName(root!.property, false) : undefined;
      if (owner?.type === 'Identifier' && field !== undefined && added.flows.length > 0) {
        const cur = scope.lookup(owner.name);
        if (cur && !cur.obj && !cur.fn && !cur.classDecl) {
          const fields = new Map(cur.fields ?? []);
          const held = fields.get(field) ?? CLEAN;
          fields.set(field, { ...held, flows: mergeFlows([held.flows, added.flows]) });
          scope.assign(owner.name, { ...cur, fields });
        }
      }
      return CLEAN;
    }
    return CLEAN;
  }

  private templateCall(callee: Node, method: string | undefined, binding: Binding | undefined, node: Node, args: Value[]): Value | undefined {
    const fnName = binding ? binding.path[binding.path.length - 1] ?? '' : method;
    if (!fnName || !/^(compile|render|renderString|template|compileString)$/.test(fnName)) return undefined;
    const engine = engineOf(binding?.module ?? (callee.type === 'MemberExpression' ? lastName(callee.object) ?? '' : ''));
    const text = staticValue(node.arguments[0]);
    if (!engine || text === undefined) return undefined;
    const names = unescapedNames(engine, text.slice(0, 20_000));
    if (/^(compile|template|compileString)$/.test(fnName)) return { flows: [], unescaped: names };
    const data = args[1];
    return data?.fields ? this.union(...names.map((n) => data.fields!.get(n) ?? CLEAN)) : CLEAN;
  }

  /** `export * from './x'` and `export { a as b } from './x'`: followed by the link phase. */
  readonly reexports: { spec: string; names?: Record<string, string> }[] = [];

  /**
   * `throw new NotFound(\`no item ${req.params.id}\`)`: the input in an error's arguments reaches
   * whatever error handler of the app prints the error (the `#thrown` request field, linked per app).
   */
  private recordThrown(arg: Node, scope: Scope): void {
    const e = unwrap(arg);
    if (e?.type !== 'NewExpression' && e?.type !== 'CallExpression') return;
    const flows: Flow[] = [];
    for (const a of (e.arguments as Node[]).slice(0, 4)) {
      const t = unwrap(a);
      if (t && (t.type === 'Identifier' || t.type === 'MemberExpression' || t.type === 'TemplateLiteral' || t.type === 'BinaryExpression')) flows.push(...this.eval(t, scope).flows.filter((f) => f.o.k === 's'));
    }
    if (flows.length === 0 || Object.keys(this.requestFields).length >= 32) return;
    const key = THROWN_FIELD;
    this.requestFields[key] = mergeFlows([this.requestFields[key] ?? [], this.withStep({ flows }, arg, `thrown in \`${this.text(arg, 40)}\``).flows]);
  }

  /** The relative modules this file binds (import/require), at most 64. */
  private relativeImports(): string[] {
    const specs = new Set<string>();
    for (const b of moduleBindings(this.sourceCode).values()) if (this.isProjectModule(b.module) && specs.size < 64) specs.add(b.module);
    return [...specs];
  }

  /** Request fields a middleware sets from input (`req.tenant = req.get('x-tenant')`). */
  readonly requestFields: Record<string, Flow[]> = {};

  /** Renders are resolved by the link phase, which reads the view file. */
  readonly renders: { view: string; fields: Record<string, Flow[]>; site: SinkSite }[] = [];

  private recordRender(node: Node, args: Value[], scope: Scope): void {
    const view = staticValue(node.arguments[0]);
    const data = args[1];
    if (view === undefined || !data?.fields || this.renders.length >= 64) return;
    const fields: Record<string, Flow[]> = {};
    for (const [k, v] of data.fields) {
      const flows = v.flows.filter((f) => !(f.m & classBit('xss')) && f.o.k === 's');
      if (flows.length > 0) fields[k] = flows.slice(0, 4);
    }
    void scope;
    if (Object.keys(fields).length > 0) this.renders.push({ view, fields, site: this.site(node, 'xss', `\`res.render('${view}')\` outputs it unescaped`) });
  }

  private backtrackingTest(node: Node, method: string | undefined, receiver: Value | undefined, args: Value[], scope: Scope): void {
    if (!method || !receiver) return;
    let regex: Value['regex'];
    let input: Value | undefined;
    if ((method === 'test' || method === 'exec') && receiver.regex) {
      regex = receiver.regex;
      input = args[0];
    } else if (/^(match|matchAll|search|replace|replaceAll|split)$/.test(method) && args[0]?.regex) {
      regex = args[0].regex;
      input = receiver;
    }
    if (!regex) {
      // EMAIL.test(input) with EMAIL imported from a module of the project: the link phase reads its pattern.
      const regexNode = method === 'test' || method === 'exec' ? unwrap(node.callee)?.object : /^(match|matchAll|search|replace|replaceAll|split)$/.test(method) ? node.arguments[0] : undefined;
      const tested = method === 'test' || method === 'exec' ? args[0] : receiver;
      const imported = regexNode ? this.importedConstant(regexNode) : undefined;
      if (imported && tested && tested.flows.length > 0) {
        this.withNeeds({ ...imported, test: 'backtracks' }, () => this.sinkValue('redos', tested, node, scope, `input is matched against \`${this.text(regexNode, 30)}\` (imported), which backtracks`));
      }
      return;
    }
    if (!regex || !input || input.flows.length === 0) return;
    const b = findBacktracking(regex.pattern, regex.flags);
    // Polynomial backtracking over text checked to be short (`if (s.length > 100) return`) stays fast.
    if (b && !b.exponential && input.flows.every((f) => f.m & SHORT_TEXT)) return;
    if (b) this.sinkValue('redos', input, node, scope, `input is matched against /${regex.pattern.length > 40 ? `${regex.pattern.slice(0, 39)}…` : regex.pattern}/, which backtracks`);
  }

  /** An identifier bound to an import from a module of the project: where the link phase finds its value. */
  private importedConstant(n: Node): { spec: string; path: readonly string[] } | undefined {
    const id = unwrap(n);
    if (id?.type !== 'Identifier') return undefined;
    const b = moduleBindings(this.sourceCode).get(id.name);
    return b && this.isProjectModule(b.module) ? { spec: b.module, path: b.path } : undefined;
  }

  private needs?: ConstantNeed;

  /** Runs `report` with its sinks deferred to the link phase, which keeps them only if the imported constant is as `needs` says. */
  private withNeeds(needs: ConstantNeed, report: () => void): void {
    const outer = this.needs;
    this.needs = needs;
    try {
      report();
    } finally {
      this.needs = outer;
    }
  }

  /** A method value of a known object without turning request fields into sources (for `req.get`). */
  private memberNoSource(obj: Value, key: string): Value {
    if (obj.obj) return CLEAN;
    return obj.fields?.get(key) ?? CLEAN;
  }

  /** For a call `this.x.m()` where the class declares `x: SomeClass` (a field, or a constructor parameter property): "SomeClass". */
  private typedField(callee: Node): string | undefined {
    return this.fieldType(unwrap(callee.object));
  }

  /** The type name a class field `this.x` is declared with (a property or a constructor parameter). */
  private fieldType(obj: Node | null | undefined): string | undefined {
    if (obj?.type !== 'MemberExpression' || unwrap(obj.object)?.type !== 'ThisExpression') return undefined;
    const field = propertyName(obj.property, obj.computed);
    const cls = enclosingClass(obj);
    if (!field || !cls) return undefined;
    const typeName = (ann: Node | undefined): string | undefined => {
      const t = ann?.typeAnnotation;
      return t?.type === 'TSTypeReference' && t.typeName?.type === 'Identifier' ? t.typeName.name : undefined;
    };
    for (const m of cls.body.body) {
      if (m.type === 'PropertyDefinition' && propertyName(m.key, m.computed) === field) return typeName(m.typeAnnotation);
      if (m.type === 'MethodDefinition' && m.kind === 'constructor') {
        for (const p of m.value.params) {
          const param = p.type === 'TSParameterProperty' ? p.parameter : p;
          if (param.type === 'Identifier' && param.name === field) return typeName(param.typeAnnotation);
        }
      }
    }
    return undefined;
  }

  /**
   * A call on an instance of another file's class (`new Repo()`, or a field typed with a class
   * imported from a relative module: NestJS `this.directory.search(q)`): project code that the
   * link phase follows, so no sink is matched by the receiver's name.
   */
  private projectClassCall(receiver: Value, callee: Node): true | undefined {
    if (receiver.importedInstance) return true;
    const typed = this.typedField(callee);
    if (!typed) return undefined;
    if (this.classes.has(typed)) return true;
    const b = moduleBindings(this.sourceCode).get(typed);
    return b && this.isProjectModule(b.module) ? true : undefined;
  }

  private methodOf(receiver: Value, method: string, callee: Node, scope: Scope): FnVal | undefined {
    const cls = receiver.cls ?? receiver.classDecl;
    const thisNode = unwrap(callee.object);
    let clsNode = cls;
    if (!clsNode && thisNode?.type === 'ThisExpression') clsNode = enclosingClass(callee);
    if (!clsNode) return undefined;
    const fnNode = classMethods(clsNode).get(method);
    void scope;
    return fnNode ? { node: fnNode, scope: this.moduleScope, thisVal: receiver.cls ? receiver : undefined } : undefined;
  }

  private browserCode?: boolean;

  /** A script for the browser: it uses the DOM (window, document) and nothing of Node (require, process, node: modules). */
  private isBrowserCode(): boolean {
    if (this.browserCode === undefined) {
      const text = this.sourceCode.text;
      this.browserCode = /\b(window|document)\.(addEventListener|location|querySelector|getElementById|body|cookie|parent|opener)\b/.test(text) && !/\brequire\s*\(|\bprocess\.(env|argv)\b|\bfrom\s+['"](node:|express|fastify|koa|http|@nestjs|@hapi)/.test(text);
    }
    return this.browserCode;
  }

  /** The receiver of `x.on('message')` is a process or thread of the app: `process`, `parentPort`, `fork()`, `new Worker()`. */
  private isOwnProcess(call: Node): boolean {
    const callee = unwrap(call.callee);
    const recv = callee?.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
    if (!recv) return false;
    if (recv.type === 'Identifier' && /^(process|parentPort)$/.test(recv.name)) return true;
    let init: Node | undefined = recv;
    if (recv.type === 'Identifier') {
      init = variableInit(recv);
      // `var minifier; ... minifier = fork(...)`: the one assignment in this file.
      if (!init && findDeclaration(recv.name, recv)) init = this.assignedOnce(recv.name);
    }
    // `var minifier = Meta.minifierProc = fork(...)`: the value of a chain of assignments.
    while (init?.type === 'AssignmentExpression') init = unwrap(init.right) ?? undefined;
    if (init?.type === 'MemberExpression' && lastName(init) === 'parentPort') return true;
    return (init?.type === 'CallExpression' || init?.type === 'NewExpression') && /^(fork|Worker|SharedWorker)$/.test(lastName(init.callee) ?? '');
  }

  /**
   * The logger `receiver` names writes one JSON object per line: made here or in the project module
   * it is imported from by `pino()`, `bunyan.createLogger()`, or `winston.createLogger()` whose
   * format is JSON (its default, `json()`, `logstash()`) and not text (`printf`, `simple`, `cli`).
   */
  private writesJsonLines(receiver: Node): boolean {
    const r = unwrap(receiver);
    if (r?.type !== 'Identifier') return false;
    const binding = moduleBindings(this.sourceCode).get(r.name);
    if (binding && this.isProjectModule(binding.module)) {
      const other = this.importedModule(binding.module);
      const name = binding.path.length === 1 ? binding.path[0] : undefined;
      return !!other && name !== undefined && other.writesJsonLinesAt(name);
    }
    return this.writesJsonLinesAt(r.name, r);
  }

  /** `writesJsonLines` for the binding `name` of this module (at its top level, or as seen from `at`). */
  writesJsonLinesAt(name: string, at?: Node): boolean {
    let init: Node | undefined;
    if (at) {
      init = variableInit(at);
    } else {
      // `const logger = ...` (exported or not) or `module.exports.logger = ...` / `exports.logger = ...`.
      for (const decl of nodesOfType(this.sourceCode, 'VariableDeclarator')) {
        if (decl.id?.type === 'Identifier' && decl.id.name === name && decl.init) init = unwrap(decl.init) ?? undefined;
      }
      for (const a of nodesOfType(this.sourceCode, 'AssignmentExpression')) {
        const target = accessPath(a.left);
        if (target === `module.exports.${name}` || target === `exports.${name}`) init = unwrap(a.right) ?? undefined;
      }
    }
    if (init?.type !== 'CallExpression') return false;
    const callee = resolveCallee(init.callee, this.sourceCode);
    if (callee?.module === 'pino') return !/pino-pretty|prettyPrint/.test(this.text(init, 10_000));
    if (callee?.module === 'bunyan' && callee.path.join('.') === 'createLogger') return true;
    if (callee?.module === 'winston' && callee.path.join('.') === 'createLogger') {
      const format = constObject(init.arguments[0]) ? objectProp(constObject(init.arguments[0])!, 'format') : undefined;
      if (!format) return true; // winston's default format is json()
      const text = this.text(format, 10_000);
      return /\b(json|logstash)\(/.test(text) && !/\b(printf|simple|cli|prettyPrint)\(/.test(text);
    }
    return false;
  }

  /** The receiver of `x.write(...)` is a file stream opened on a log file (`fs.createWriteStream('/var/log/app.log')`). */
  private logStream(node: Node): boolean {
    const recv = receiverMaker(node);
    if (recv?.type !== 'CallExpression') return false;
    const callee = resolveCallee(recv.callee, this.sourceCode);
    if (!callee || !/^(node:)?fs(\/promises)?$/.test(callee.module) || callee.path.join('.') !== 'createWriteStream') return false;
    const target = staticValue(recv.arguments[0]) ?? accessPath(recv.arguments[0]) ?? '';
    return /log/i.test(target);
  }

  /** The receiver of `x.on(...)` was made by a call of `module` (`const bb = busboy({ ... })`, `new Busboy(...)`), inline or held in a variable. */
  private madeBy(node: Node, module: string): boolean {
    const recv = receiverMaker(node);
    if (recv?.type !== 'CallExpression' && recv?.type !== 'NewExpression') return false;
    return resolveCallee(recv.callee, this.sourceCode)?.module === module;
  }

  /** The value of `name = <init>` when the file assigns `name` exactly once. */
  private assignedOnce(name: string): Node | undefined {
    let found: Node | undefined;
    let count = 0;
    for (const a of nodesOfType(this.sourceCode, 'AssignmentExpression')) {
      if (a.operator === '=' && a.left?.type === 'Identifier' && a.left.name === name && ++count === 1) found = unwrap(a.right) ?? undefined;
    }
    return count === 1 ? found : undefined;
  }

  /** A GraphQL resolver `(parent, args, context, info)`: its arguments are the client's, its result the response. */
  private graphqlResolver(fn: FnVal, op: string, scope: Scope): void {
    if (this.evaluated.has(fn.node)) return;
    const args = this.source(fn.node.params[1] ?? fn.node, `GraphQL ${op} arguments`, 'high', INPUT_CLEARED);
    this.inline(fn, [CLEAN, args, CLEAN, CLEAN], scope, true);
  }

  /** The file imports a GraphQL server or schema package, or writes a `gql` schema. */
  private usesGraphql(): boolean {
    this.graphqlFile ??= [...moduleBindings(this.sourceCode).values()].some((b) => GRAPHQL_MODULES.test(b.module)) || /\bgql`|\btypeDefs\b/.test(this.sourceCode.text);
    return this.graphqlFile;
  }
  private graphqlFile?: boolean;

  /** What an object schema says of each of its fields: pinned, a plain string, or nothing (left out). */
  private partSchema(shape: { readonly fields: ReadonlyMap<string, Node>; readonly closed: boolean }): PartSchema {
    const fields = new Map<string, 'pinned' | 'scalar'>();
    for (const [name, value] of shape.fields) {
      const text = this.text(value, 10_000);
      if (pinsShape(text)) fields.set(name, 'pinned');
      else if (scalarShape(text)) fields.set(name, 'scalar');
    }
    return { fields, objectSafe: fields.size === shape.fields.size && shape.closed };
  }

  /** The values of the fields a schema vouches for: pinned ones clean, plain strings (`fieldOf`) clean of operator objects. */
  private vouchedFields(schema: PartSchema, fieldOf: (name: string) => Value): Map<string, Value> {
    const out = new Map<string, Value>();
    for (const [name, kind] of schema.fields) out.set(name, kind === 'pinned' ? CLEAN : this.clear(fieldOf(name), OBJECT_ATTACKS));
    return out;
  }

  /**
   * The value `schema.parse(input)` returns when `schema` is an object schema held in a const
   * (`z.object`, `Joi.object`, `Type.Object`): the input's flows, with the fields the schema pins
   * clean and its plain strings clean of operator objects. Undefined for any other receiver.
   */
  private schemaParse(receiver: Node, input: Value): Value | undefined {
    const r = unwrap(receiver);
    if (r?.type !== 'Identifier') return undefined;
    const shape = schemaFields(r);
    if (!shape) return undefined;
    const vouched = this.partSchema(shape);
    const fieldOf = (name: string): Value => input.fields?.get(name) ?? { flows: fieldOfParams(input.flows, name) };
    const fields = this.vouchedFields(vouched, fieldOf);
    // Fields the schema declares without pinning them pass through as they came.
    for (const name of shape.fields.keys()) if (!fields.has(name)) fields.set(name, fieldOf(name));
    const whole = vouched.objectSafe ? this.clear({ flows: input.flows }, OBJECT_ATTACKS) : { flows: input.flows };
    return { ...whole, fields, object: true };
  }

  /**
   * A tRPC procedure's resolver (`.query`, `.mutation`, `.subscription` after `.input(schema)` in
   * the chain): its `{ input }` is the client's, the schema pinning fields as a route schema does.
   */
  private trpcProcedure(callee: Node, fn: FnVal, scope: Scope): void {
    let schema: Node | undefined;
    for (let c = unwrap(callee.object); c?.type === 'CallExpression'; c = unwrap(unwrap(c.callee)?.object)) {
      const m = unwrap(c.callee);
      if (m?.type !== 'MemberExpression') return;
      if (propertyName(m.property, m.computed) === 'input') {
        schema = c.arguments[0];
        break;
      }
    }
    if (!schema || this.evaluated.has(fn.node)) return;
    const param = fn.node.params[0] ?? fn.node;
    let input = this.source(param, 'tRPC procedure input', 'high', INPUT_CLEARED);
    const shape = schemaFields(schema);
    if (shape) input = { ...input, fields: this.vouchedFields(this.partSchema(shape), (name) => this.source(param, `tRPC procedure input.${name}`, 'high', INPUT_CLEARED)) };
    this.inline(fn, [{ flows: [], fields: new Map([['input', input]]) }], scope, true);
  }

  private eventCallbacks(node: Node, args: Value[], receiver: Value, scope: Scope): void {
    const event = staticValue(node.arguments[0]);
    const cb = args[1]?.fn;
    if (!cb || event === undefined) return;
    if (event === 'connection' || event === 'request') {
      // wss.on('connection', ws => ...), server.on('request', (req, res) => ...)
      // A WebSocket server's connection is a socket; another emitter's "connection" is nothing we know.
      const p0: Value = receiver.obj === 'ws' || /wss|socket|io/i.test(this.text(node.callee)) ? { flows: [], obj: 'ws' } : CLEAN;
      this.inline(cb, event === 'request' ? [{ flows: [], obj: 'request' }, { flows: [], obj: 'response' }] : [p0, { flows: [], obj: 'request' }], scope);
      return;
    }
    const spec = this.tables.inputEvents.find((e) => e.event === event && (!e.module || this.madeBy(node, e.module)));
    // A child process's, worker's or parent's 'message' is IPC between the app's own processes:
    // it carries what the other side posts (linked like app events), not a client's data.
    if (spec && event === 'message' && this.isOwnProcess(node)) {
      const name = `${EVENT_FIELD}${ipcChannel(node, 'receive')}`;
      const payload: Value = { flows: [{ o: { k: 'f', name }, m: INPUT_CLEARED, t: [this.step(cb.node.params[0] ?? node, 'a message from another thread or process of the app')] }] };
      this.inline(cb, [payload], scope);
      return;
    }
    if (spec && (!spec.requestOnly || receiver.obj === 'request' || receiver.obj === 'context')) {
      const src = (p: Node | undefined): Value => this.source(p ?? node, spec.label, 'high', INPUT_CLEARED);
      // A package's events hand over several values (busboy: field name, stream, info), each the client's.
      this.inline(cb, spec.module ? cb.node.params.map((p: Node) => src(p)) : [src(cb.node.params[0])], scope);
      return;
    }
    // socket.on('chat:send', (payload, ack) => ...) on a client's connection (Socket.IO, ws): every
    // event the client names carries the client's data.
    if (receiver.obj === 'ws' && isAppEvent(event) && cb.node.params.length > 0) {
      this.inline(cb, cb.node.params.map((p: Node) => this.source(p, `\`${event}\` event from the client`, 'high', INPUT_CLEARED)), scope);
      return;
    }
    // bus.on('preview', ({ url }) => ...): what the app emits under that name, here or in another file (linked).
    if (isAppEvent(event) && cb.node.params.length > 0) {
      const payload: Value = { flows: [{ o: { k: 'f', name: `${EVENT_FIELD}${event}` }, m: INPUT_CLEARED, t: [this.step(cb.node.params[0], `payload of the \`${event}\` event`)] }] };
      // Parameters named like a request or response keep that role (http-proxy's 'proxyReq' gives (proxyReq, req, res)).
      const named = (p: Node): string => (unwrap(p)?.type === 'Identifier' ? unwrap(p)!.name : '');
      const role = (p: Node): Value => (REQUEST_NAMES.has(named(p)) ? { flows: [], obj: 'request' } : RESPONSE_NAMES.has(named(p)) ? { flows: [], obj: 'response' } : payload);
      this.inline(cb, cb.node.params.map(role), scope);
      return;
    }
    this.inline(cb, [], scope);
  }

  /** bus.emit('preview', { url }): the input in the payload reaches the event's listeners (linked like request fields). */
  private recordEmit(node: Node, args: Value[]): void {
    const event = staticValue(node.arguments[0]);
    if (event === undefined || !isAppEvent(event)) return;
    const input = args.slice(1).flatMap((a) => a.flows.filter((f) => f.o.k === 's'));
    if (input.length === 0 || Object.keys(this.requestFields).length >= 32) return;
    const key = `${EVENT_FIELD}${event}`;
    this.requestFields[key] = mergeFlows([this.requestFields[key] ?? [], this.withStep({ flows: input }, node, `emitted as the \`${event}\` event`).flows]);
  }

  private recordPosted(node: Node, channel: string, message: Value | undefined): void {
    const input = message?.flows.filter((f) => f.o.k === 's') ?? [];
    if (input.length === 0 || Object.keys(this.requestFields).length >= 32) return;
    const key = `${EVENT_FIELD}${channel}`;
    this.requestFields[key] = mergeFlows([this.requestFields[key] ?? [], this.withStep({ flows: input }, node, 'posted to another thread or process of the app').flows]);
  }

  private routeHandlers(node: Node, args: Value[], scope: Scope): void {
    // Route options with a validation schema (Hapi `validate`, Fastify `schema`) vouch for some inputs.
    let validated: Validated | undefined;
    let responseSchema = false;
    node.arguments.forEach((a: Node) => {
      const o = constObject(a);
      if (o) validated = this.validatedInputs(o) ?? validated;
      if (o && hasResponseSchema(o)) responseSchema = true;
    });
    node.arguments.forEach((a: Node, i: number) => {
      const v = args[i];
      // fastify.route({ handler }), server.route({ method, path, handler }) (Hapi)
      if (v.fields && !v.fn) {
        const h = v.fields.get('handler');
        if (h?.fn) this.inline(h.fn, this.handlerArgs(h.fn.node, validated, undefined, responseSchema), scope, true);
        return;
      }
      if (!v.fn) return;
      if (this.evaluated.has(v.fn.node)) return;
      // fastify.get(path, async (request, reply) => user): the returned value is the reply.
      const returnsData = /^(reply|h)$/.test(unwrap(v.fn.node.params?.[1])?.name ?? '');
      this.inline(v.fn, this.handlerArgs(v.fn.node, validated, undefined, responseSchema), scope, returnsData);
    });
  }

  /**
   * `app.get('/path', handler)` where `app` is a parameter (a Fastify plugin's instance, a router
   * handed to a setup function): a route registration, when the first argument is a route path.
   */
  private pluginInstanceRoute(receiver: Value, node: Node): boolean {
    if (!receiver.flows.every((f) => f.o.k === 'p') || receiver.fields) return false;
    const path = staticValue(node.arguments[0]);
    return path !== undefined && path.startsWith('/') && node.arguments.slice(1).some((a: Node) => isFunctionNode(unwrap(a)));
  }

  private validatedInputs(options: Node): Validated | undefined {
    // Each part may be written inline or held in a const (`const schema = { body: BODY }; { schema }`).
    const inner = constObject(objectProp(options, 'options') ?? objectProp(options, 'config'));
    const schema = constObject(objectProp(options, 'schema') ?? objectProp(options, 'validate') ?? (inner ? objectProp(inner, 'validate') ?? objectProp(inner, 'schema') : undefined));
    if (!schema) return undefined;
    const out = new Map<string, 'all' | PartSchema>();
    for (const p of schema.properties) {
      const key = p.type === 'Property' ? propertyName(p.key, p.computed) : undefined;
      if (!key) continue;
      const part = key === 'querystring' ? 'query' : key;
      const shape = schemaFields(p.value);
      if (!shape) {
        // A shape not read field by field (an imported schema, a builder chain): judged whole, as before.
        if (pinsShape(this.text(constObject(p.value) ?? p.value, 10_000))) out.set(part, 'all');
        continue;
      }
      const vouched = this.partSchema(shape);
      if (vouched.fields.size === 0) continue;
      // Every field pinned, and no other field let through: the whole part is safe.
      out.set(part, vouched.objectSafe && [...vouched.fields.values()].every((k) => k === 'pinned') ? 'all' : vouched);
    }
    return out.size > 0 ? out : undefined;
  }

  /**
   * A route object: its handler is read as a route handler, with the inputs its `validate` schema
   * vouches for, and with `request.pre.<assign>` holding what each of its `pre` methods returned.
   */
  private routeConfig(node: Node, handler: FnVal, scope: Scope): void {
    if (this.evaluated.has(handler.node)) return;
    const validated = this.validatedInputs(node);
    const options = unwrap(objectProp(node, 'options') ?? objectProp(node, 'config'));
    const preList = unwrap(objectProp(node, 'pre') ?? (options?.type === 'ObjectExpression' ? objectProp(options, 'pre') : undefined));
    const pre = new Map<string, Value>();
    const readPre = (el: Node | null | undefined): void => {
      const e = unwrap(el);
      if (e?.type === 'ArrayExpression') for (const inner of e.elements) readPre(inner); // parallel pre methods
      if (e?.type !== 'ObjectExpression' || pre.size >= 16) return;
      const assign = staticValue(objectProp(e, 'assign'));
      const method = this.eval(objectProp(e, 'method'), scope).fn;
      if (assign === undefined || !method) return;
      pre.set(assign, this.inline(method, [{ flows: [], obj: 'request', validated }, { flows: [], obj: 'response' }], scope, false));
    };
    if (preList?.type === 'ArrayExpression') for (const el of preList.elements) readPre(el);
    this.inline(handler, this.handlerArgs(handler.node, validated, pre.size > 0 ? { flows: [], fields: pre } : undefined), scope, true);
  }

  private handlerArgs(fn: Node, validated?: Validated, pre?: Value, responseSchema = false): Value[] {
    const names = fn.params.map((p: Node) => (unwrap(p)?.type === 'Identifier' ? unwrap(p)!.name : undefined));
    const request: Value = { flows: [], obj: 'request', validated, ...(pre ? { fields: new Map([['pre', pre]]) } : {}) };
    const response: Value = { flows: [], obj: 'response', ...(responseSchema ? { responseSchema } : {}) };
    if (names.length === 4) return [CLEAN, request, response, CLEAN];
    if (this.koa || (names[0] && /^(ctx|context)$/.test(names[0]))) return [{ flows: [], obj: 'context' }, CLEAN];
    return [request, response, CLEAN];
  }

  private noteContentType(method: string, node: Node, scope: Scope): void {
    const a0 = staticValue(node.arguments[0]);
    const a1 = staticValue(node.arguments[1]);
    if (method === 'type' || method === 'contentType') markContentType(scope.fn, a0);
    if ((method === 'set' || method === 'setHeader' || method === 'header' || method === 'writeHead') && a0 && /^content-type$/i.test(a0)) markContentType(scope.fn, a1);
    if (method === 'writeHead') {
      const headers = unwrap(node.arguments[node.arguments.length - 1]);
      if (headers?.type === 'ObjectExpression') {
        for (const p of headers.properties) {
          if (p.type === 'Property' && /^content-type$/i.test(propertyName(p.key, p.computed) ?? '')) markContentType(scope.fn, staticValue(p.value));
          if (p.type === 'Property' && /^location$/i.test(propertyName(p.key, p.computed) ?? '')) {
            this.sinkValue('open-redirect', this.eval(p.value, scope), p, scope, 'the `Location` header is set');
          }
        }
      }
    }
    if ((method === 'set' || method === 'setHeader' || method === 'header' || method === 'append') && a0 && /^location$/i.test(a0)) {
      this.sinkValue('open-redirect', this.eval(node.arguments[1], scope), node, scope, 'the `Location` header is set');
    }
    if ((method === 'set' || method === 'setHeader' || method === 'header' || method === 'append') && a0 && /^refresh$/i.test(a0)) {
      this.sinkValue('open-redirect', this.eval(node.arguments[1], scope), node, scope, 'the `Refresh` header is set');
    }
  }

  private checkCallSinks(node: Node, callee: Node, method: string | undefined, receiver: Value | undefined, binding: Binding | undefined, path: string, args: Value[], scope: Scope, calleeText: () => string): void {
    const bindingName = binding ? binding.path.join('.') : undefined;
    const isGlobal = callee.type === 'Identifier' && !scope.has(callee.name) && !binding;
    const receiverName = callee.type === 'MemberExpression' ? lastName(callee.object) : undefined;
    const index = this.tablesIndex();
    const candidates: SinkSpec[] = [];
    if (binding) candidates.push(...(index.sinks.get(`module:${binding.module}:${bindingName}`) ?? []));
    if (callee.type === 'Identifier') candidates.push(...(index.sinks.get(`global:${callee.name}`) ?? []));
    else if (/^(globalThis|window)\.[^.]+$/.test(path)) candidates.push(...(index.sinks.get(`global:${path.slice(path.indexOf('.') + 1)}`) ?? []));
    if (method !== undefined) candidates.push(...(index.sinks.get(`method:${method}`) ?? []));
    for (const s of candidates) {
      let ok = false;
      if (s.match === 'module') ok = !!binding && binding.module === s.module && bindingName === s.name;
      else if (s.match === 'global') ok = (isGlobal && callee.name === s.name) || path === `globalThis.${s.name}` || path === `window.${s.name}` || (s.name === 'require' && madeByCreateRequire(callee));
      else if (s.match === 'method') {
        if (method !== s.name || !receiver) continue;
        if (receiver.obj === 'request' && s.class !== 'data-leak') continue;
        ok = !s.receiver || (receiverName !== undefined && s.receiver.test(receiverName)) || (s.when === 'response' && (receiver.obj === 'response' || receiver.obj === 'context')) || (s.receiverKind === 'xml-document' && !!receiver.xmlDocument) || (s.receiverKind === 'socket' && this.madeSocket(node));
        if (s.when === 'response' && !(receiver.obj === 'response' || receiver.obj === 'context' || (receiverName !== undefined && RESPONSE_NAMES.has(receiverName)) || isResponseChain(callee.object))) ok = false;
        if (s.when === 'html' && !s.receiver && !(receiver.obj === 'response' || receiver.obj === 'context' || (receiverName !== undefined && RESPONSE_NAMES.has(receiverName)) || isResponseChain(callee.object))) ok = false;
        if (s.when === 'html' && s.name === 'send' && receiverName === 'reply' && !this.replyIsHtml(scope)) ok = false;
        if (s.when === 'html' && (s.name === 'send' || s.name === 'write' || s.name === 'end') && receiver.obj === 'ws') ok = false;
        // ws.send() is a response only on the server side (a connection handed to 'connection', an
        // element of wss.clients), whatever the socket's name.
        if (s.class === 'data-leak' && s.name === 'send' && s.receiver) ok = receiver.obj === 'ws';
      }
      if (!ok) continue;
      // The browser's console is the visitor's own devtools, not a log the server keeps.
      if (s.class === 'log-injection' && receiverName === 'console' && this.isBrowserCode()) continue;
      // A logger that writes JSON lines (pino, bunyan, winston's json()) escapes line breaks in the message.
      if (s.class === 'log-injection' && callee.type === 'MemberExpression' && this.writesJsonLines(callee.object)) continue;
      if (!this.conditionHolds(s, node, receiver, args, scope)) {
        // parseXml(xml, xmlParseOptions) with the options imported: the link phase reads them.
        const options = s.when === 'noent' ? node.arguments.slice(1).map((a: Node) => this.importedConstant(a)).find(Boolean) : undefined;
        if (options) this.withNeeds({ ...options, test: 'noent' }, () => this.sinkArgs(s, node, args, scope, calleeText));
        continue;
      }
      if (s.class === 'data-leak' && (receiver?.broadcast || (s.name === 'emit' && receiverName !== undefined && BROADCAST_EMITTERS.has(receiverName)))) this.broadcasts.add(node);
      this.sinkArgs(s, node, args, scope, calleeText);
    }
  }

  private replyIsHtml(scope: Scope): boolean {
    void scope;
    return /\.type\(\s*['"]text\/html|content-type['"]\s*,\s*['"]text\/html/i.test(this.sourceCode.text);
  }

  private conditionHolds(s: SinkSpec, node: Node, receiver: Value | undefined, args: Value[], scope: Scope): boolean {
    switch (s.when) {
      case undefined:
        return true;
      case 'response':
        // A Location or Refresh value is a URL, with no parameters to inject: open redirect decides it.
        return !(s.class === 'header-injection' && /^(location|refresh|content-location)$/i.test(staticValue(node.arguments[0]) ?? ''));
      case 'string': {
        const a = unwrap(node.arguments[0]);
        return !!a && !isFunctionNode(a) && a.type !== 'ObjectExpression';
      }
      case 'shell': {
        if (s.module === 'child_process' && (s.name === 'exec' || s.name === 'execSync')) return true;
        // spawn('sh', ['-c', cmd]): the shell is the program.
        if (/^(\/(usr\/)?bin\/)?(sh|bash|zsh|dash|ksh|cmd(\.exe)?|powershell(\.exe)?|pwsh)$/.test(staticValue(node.arguments[0]) ?? '')) return true;
        return node.arguments.some((a: Node) => {
          const o = unwrap(a);
          if (o?.type !== 'ObjectExpression') return false;
          const v = objectProp(o, 'shell');
          return !!v && !(v.type === 'Literal' && v.value === false);
        });
      }
      case 'no-root':
        // `{ root }` written inline or held in a variable (`const options = { root: dir }`).
        return !args.slice(1).some((a) => a.fields?.has('root'));
      case 'code-module':
        // require(path.join(dir, 'theme.json')): Node parses a .json module, it runs nothing.
        return !/\.json$/i.test(args[0]?.text ?? '') && !joinsToJson(node.arguments[0]);
      case 'confine-off': {
        // `{ confine: false }` written inline or in a const (`const FILE_OPTIONS = { confine: false }`).
        const opts = constValue(node.arguments[1]);
        const confine = opts?.type === 'ObjectExpression' ? objectProp(opts, 'confine') : undefined;
        return !!confine && confine.type === 'Literal' && confine.value === false;
      }
      case 'noent':
        // `{ noent: true }` written inline or held in a const (`const PARSE_OPTIONS = { noent: true }`).
        return node.arguments.some((a: Node) => {
          const o = optionsObject(a);
          const v = o ? unwrap(objectProp(o, 'noent') ?? objectProp(o, 'replaceEntities')) : undefined;
          return !!v && v.type === 'Literal' && v.value === true;
        });
      case 'sql-text':
      case 'raw-http':
      case 'xml-text':
        return !this.argHasNoent(node);
      case 'xml-response':
        return !!scope.fn.xmlBody && (receiver?.obj === 'response' || receiver?.obj === 'context' || RESPONSE_NAMES.has(lastName(unwrap(node.callee)?.object) ?? ''));
      case 'log-stream':
        return this.logStream(node);
      case 'log-file': {
        const target = staticValue(node.arguments[0]) ?? accessPath(node.arguments[0]) ?? '';
        return /log/i.test(target);
      }
      case 'lodash-unpatched': {
        // lodash 4.17.21 closed the last of its prototype-pollution holes (merge, defaultsDeep, set, zipObjectDeep).
        const at = /(\d+)\.(\d+)\.(\d+)/.exec(this.dependencyRange('lodash') ?? '');
        if (!at) return true;
        const [maj, min, patch] = at.slice(1).map(Number);
        return maj < 4 || (maj === 4 && (min < 17 || (min === 17 && patch < 21)));
      }
      case 'yaml-unsafe': {
        const opts = unwrap(node.arguments[1]);
        const written = opts?.type === 'ObjectExpression' ? objectProp(opts, 'schema') : undefined;
        // `const SCHEMA = yaml.DEFAULT_SCHEMA; load(text, { schema: SCHEMA })`
        const schema = constValue(written) ?? written;
        if (schema) return !/(DEFAULT_SAFE_SCHEMA|DEFAULT_SCHEMA|FAILSAFE_SCHEMA|JSON_SCHEMA|CORE_SCHEMA|SAFE_SCHEMA)$/.test(accessPath(schema) ?? '') || /FULL/.test(accessPath(schema) ?? '') || (/DEFAULT_SCHEMA$/.test(accessPath(schema) ?? '') && /^[~^>=\s]*[0-3]\./.test(this.dependencyRange('js-yaml') ?? ''));
        const range = this.dependencyRange('js-yaml');
        return !!range && /^[~^>=\s]*[0-3]\./.test(range);
      }
      case 'html': {
        if (scope.fn.nonHtml) return false;
        const a = unwrap(node.arguments[0]);
        if (!a || a.type === 'ObjectExpression' || a.type === 'ArrayExpression') return false;
        const v = args[0];
        if (v?.object || (v?.fields && !v.text)) return false;
        // res.send(Buffer)/res.end(JSON.stringify(x)) are not HTML pages built from input.
        if (a.type === 'CallExpression' && /^JSON\.stringify$/.test(accessPath(a.callee) ?? '')) return false;
        return true;
      }
      case 'query-builder': {
        if (!/createQueryBuilder|getRepository|from\(|typeorm/.test(this.sourceCode.text) || !args[0]) return false;
        // A column list or sort key goes into the SQL as written, input alone too (`orderBy(sort)`);
        // a condition is SQL text when built as a string (an object is TypeORM's parameterized form).
        return !!args[0].text || (COLUMN_CLAUSES.has(s.name) && args[0].flows.length > 0);
      }
      case 'record-filter': {
        const a = unwrap(node.arguments[0]);
        if (!a || isFunctionNode(a)) return false;
        if (!this.mayUseDocumentQueries()) return false;
        // Mongo filters: an object literal holding input, or the whole input as the filter.
        const callee = unwrap(node.callee);
        const receiverName = callee?.type === 'MemberExpression' ? lastName(callee.object) : undefined;
        // users.find(u => ...) on an array, unless the code shows `users` is a collection or a model.
        if (receiverName && /^(arr|array|list|items|rows|results|users|values|_)$/.test(receiverName) && !this.isDocumentCollection(callee!.object)) return false;
        void receiver;
        return true;
      }
      default:
        return true;
    }
  }

  /**
   * A receiver the code shows to be a MongoDB collection or a Mongoose model, whatever its name:
   * `const users = db.collection('users')`, `= mongoose.model('User', schema)`, or a class field
   * typed `Collection<...>` / `Model<...>` (NestJS `@InjectModel`).
   */
  private isDocumentCollection(receiver: Node): boolean {
    const r = unwrap(receiver);
    if (r?.type === 'Identifier') {
      let init = variableInit(r);
      if (init?.type === 'AwaitExpression') init = unwrap(init.argument) ?? undefined;
      return init?.type === 'CallExpression' && /^(collection|model)$/.test(lastName(init.callee) ?? '');
    }
    if (r?.type === 'MemberExpression') {
      const type = this.fieldType(r);
      return type === 'Collection' || type === 'Model';
    }
    return false;
  }

  /** For `x.write(...)`: x was made by net/tls `connect()`/`createConnection()` or `new net.Socket()`. */
  private madeSocket(call: Node): boolean {
    const maker = receiverMaker(call);
    if (maker?.type !== 'CallExpression' && maker?.type !== 'NewExpression') return false;
    const b = resolveCallee(maker.callee, this.sourceCode);
    return !!b && /^(node:)?(net|tls)$/.test(b.module) && /^(connect|createConnection|Socket|TLSSocket)$/.test(b.path.join('.'));
  }

  private argHasNoent(node: Node): boolean {
    return node.arguments.some((a: Node) => {
      const o = optionsObject(a);
      return !!o && !!objectProp(o, 'noent');
    });
  }

  /**
   * An upload's stored `path` or `filename` when the file stores uploads under the name the client
   * gave (multer's diskStorage with a `filename` callback that uses `file.originalname`).
   */
  private clientNamedField(key: string): boolean {
    return (key === 'path' || key === 'filename') && this.clientNamedUploads();
  }

  private clientNamedUploads(): boolean {
    this.clientNamed ??= /originalname/.test(this.sourceCode.text) && nodesOfType(this.sourceCode, 'CallExpression').some((c) => {
      if (lastName(c.callee) !== 'diskStorage') return false;
      const options = constObject(c.arguments[0]);
      const filename = options ? objectProp(options, 'filename') : undefined;
      return !!filename && /originalname/.test(this.text(filename, 10_000));
    });
    return this.clientNamed;
  }
  private clientNamed?: boolean;

  private htmlResponseInit(init: Node | undefined, scope: Scope): boolean {
    void scope;
    const o = unwrap(init);
    if (!o || o.type !== 'ObjectExpression') return false;
    const headers = unwrap(objectProp(o, 'headers'));
    if (!headers || headers.type !== 'ObjectExpression') return false;
    for (const p of headers.properties) {
      if (p.type === 'Property' && /^content-type$/i.test(propertyName(p.key, p.computed) ?? '') && /html/i.test(staticValue(p.value) ?? '')) return true;
    }
    return false;
  }

  private sinkArgs(s: SinkSpec, node: Node, args: Value[], scope: Scope, calleeText: () => string): void {
    // fetch(url, { agent: useAgent(url) }): the agent refuses internal addresses wherever the URL points.
    if (s.class === 'ssrf' && args.some(carriesFilteringAgent)) return;
    const idx = s.args === 'all' ? args.map((_, i) => i) : s.args === 'last' ? [args.length - 1] : (s.args ?? [0]);
    for (const i of idx) {
      let v = args[i];
      if (!v) continue;
      if (s.field) {
        v = v.fields?.get(s.field) ?? CLEAN;
        if (!v.flows.length) continue;
      } else if (s.class === 'sql-injection' && v.fields && v.object) {
        // db.query({ text, values }): only the text is SQL.
        v = v.fields.get('text') ?? v.fields.get('sql') ?? CLEAN;
      } else if (s.class === 'ssrf' && v.fields && v.object) {
        v = this.union(v.fields.get('url') ?? CLEAN, v.fields.get('host') ?? CLEAN, v.fields.get('hostname') ?? CLEAN, v.fields.get('baseURL') ?? CLEAN);
      } else if (s.class === 'command-injection' && s.when === 'shell' && i > 0 && v.fields && v.object && !s.args) {
        continue;
      } else if (v.object && v.fields && s.class !== 'nosql-injection' && s.class !== 'data-leak' && s.class !== 'prototype-pollution' && s.class !== 'command-injection' && s.class !== 'log-injection') {
        // An options object passed where a string is expected: only its known string fields matter.
        continue;
      }
      if (s.class === 'log-injection' && v.object) continue;
      if ((s.when === 'xml-text' || s.when === 'xml-response') && !(v.text && /<[A-Za-z?!]/.test(v.text))) continue;
      if (s.when === 'sql-text' && !(v.text && /\b(select|insert|update|delete|create|drop|alter|pragma|replace|values|where|from|order\s+by)\b/i.test(v.text))) continue;
      if (s.when === 'raw-http' && !(v.text && /HTTP\/\d(\.\d)? \d{3}/.test(v.text) && /\r\n/.test(v.text))) continue;
      // 'https://api.example.com/' + id, `/items/${id}`: the input cannot change the host.
      if (s.class === 'open-redirect' || s.class === 'ssrf') {
        const choosers = hostChoosers(v);
        if (choosers.length === 0) continue;
        if (choosers.length < v.flows.length) v = { ...v, flows: choosers };
      }
      if (s.class === 'data-leak' && !v.record && !v.flows.some((f) => (f.m & classBit('data-leak')) === 0)) continue;
      if (v.flows.length === 0) continue;
      this.sinkValue(s.class, v, node, scope, `${calleeText()}${args.length > 1 ? ` (argument ${i + 1})` : ''}`);
    }
  }

  private responseBody(v: Value, node: Node, scope: Scope, what: string, koa = false): void {
    if (!scope.fn.responseSchema) this.sinkValue('data-leak', v, node, scope, `${what} sends it to the client`);
    if (!scope.fn.nonHtml && !v.object && !(v.fields && !v.text) && (koa || scope.fn.returnsResponse)) this.sinkValue('xss', v, node, scope, `${what} sends it as HTML`);
  }

  /** Reports or records every flow of `v` that can still cause `cls`. */
  private sinkValue(cls: TaintClass, v: Value, node: Node, scope: Scope, what: string): void {
    if (v.flows.length === 0) return;
    const bit = classBit(cls);
    let site: SinkSite | undefined;
    for (const f of v.flows) {
      if (f.m & bit) continue;
      site ??= this.site(node, cls, what);
      if (blockedAt(f.m, cls, site.broadcast)) continue;
      this.reach(f, cls, site, node, scope);
    }
  }

  private site(node: Node, cls: TaintClass, what: string): SinkSite {
    // A method call is reported where its name is: `.query(` of a long chain, not the chain's start.
    const callee = node.type === 'CallExpression' ? unwrap(node.callee) : undefined;
    const anchor = callee?.type === 'MemberExpression' ? callee.property : node;
    const a = this.index.position(nodeStart(anchor));
    const b = this.index.position(nodeEnd(node));
    const step: Step = { file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, label: `sink: ${what}` };
    const broadcast = cls === 'data-leak' && this.broadcasts.has(node);
    return { step, snippet: snippetOf(this.index, a.line, b.line, a.column), message: `${MESSAGES[cls]}: ${what}${broadcast ? ' (to every connected client)' : ''}`, confidence: 'high', ...(broadcast ? { broadcast } : {}) };
  }

  /** Calls that send to every connected client: `client.send` over `wss.clients`, `io.emit`, `socket.broadcast.emit`. */
  private readonly broadcasts = new WeakSet<Node>();

  private reach(f: Flow, cls: TaintClass, site: SinkSite, node: Node, scope: Scope): void {
    void scope;
    if (this.needs) {
      if (this.deferred.length < 256) this.deferred.push({ flow: f, cls, sink: site, needs: this.needs });
      return;
    }
    if (f.o.k === 's') {
      const key = `${cls}:${site.step.line}:${site.step.column}`;
      if (this.reported.has(key)) return;
      this.reported.add(key);
      const confidence = f.o.src.confidence === 'high' ? site.confidence : f.o.src.confidence;
      this.findings.push({ cls, node, source: f.o.src, steps: f.t, sink: { ...site, confidence } });
    } else if (f.o.k === 'p') {
      const owner = this.fnCtxs[f.o.f];
      if (owner && owner.sinks.length < 64) owner.sinks.push({ i: f.o.i, ...(f.o.fld === undefined ? {} : { fld: f.o.fld }), cls, m: f.m, t: f.t, sink: site });
    } else if (this.deferred.length < 256) {
      this.deferred.push({ flow: f, cls, sink: site });
    }
  }

  // ---------------------------------------------------------------------------------
  // Sanitizers and guards

  private matchesSpec(spec: SanitizerSpec, callee: Node, method: string | undefined, binding: Binding | undefined, scope: Scope): boolean {
    if (spec.match === 'module') return !!binding && binding.module === spec.module && specNameIs(spec, binding.path.join('.'));
    if (spec.match === 'global') {
      if (callee.type === 'Identifier') return specNameIs(spec, callee.name) && (!binding || this.isProjectModule(binding.module)) && (spec.kind === 'guard' || !this.isLocalNonFunction(callee.name, scope));
      return false;
    }
    if (callee.type !== 'MemberExpression' || !specNameIs(spec, method)) return false;
    if (!spec.receiver) return true;
    const r = lastName(callee.object);
    return r !== undefined && spec.receiver.test(r);
  }

  private isLocalNonFunction(name: string, scope: Scope): boolean {
    if (moduleBindings(this.sourceCode).has(name)) return false;
    const v = scope.lookup(name);
    return !!v && !v.fn;
  }

  private sanitizerFor(callee: Node, method: string | undefined, binding: Binding | undefined, path: string, scope: Scope, kind: 'return' | 'guard'): number | undefined {
    void path;
    let mask: number | undefined;
    const index = this.tablesIndex();
    const name = binding ? binding.path[binding.path.length - 1] ?? '' : callee.type === 'Identifier' ? callee.name : method;
    // Most calls are to no sanitizer: one test against every sanitizer's name first.
    if (name === undefined || (!index.sanitizerNames.has(name) && !index.sanitizerPattern.test(name))) return undefined;
    const specs = kind === 'return' ? index.returnSanitizers : index.guardSanitizers;
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i];
      if (!this.matchesSpec(spec, callee, method, binding, scope)) continue;
      mask = (mask ?? 0) | (spec.classes === 'all' ? ALL_CLASSES_MASK : classMask(spec.classes));
    }
    return mask;
  }

  /** `x.replace(/[\r\n]/g, '')`, `x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`, `x.replace(/[<>]/g, '')`. */
  /**
   * i18next's `t(key, { name })` (`i18next.t`, `req.t`, `this.i18n.t`, a `t` from useTranslation):
   * the message holds the interpolated values, HTML-escaped unless `escapeValue: false` is set in
   * the call or where this file initialises i18next.
   */
  private translation(callee: Node, method: string | undefined, args: Value[]): Value | undefined {
    const isT = method === 't' || (callee.type === 'Identifier' && callee.name === 't');
    const opts = args[1];
    if (!isT || !opts?.fields || !/i18n/.test(this.sourceCode.text)) return undefined;
    const values: Value[] = [];
    for (const [k, v] of opts.fields) {
      if (k === 'replace' && v.fields) values.push(...v.fields.values());
      else if (!I18N_OPTION_KEYS.has(k)) values.push(v);
    }
    const all = this.union(...values);
    if (all.flows.length === 0) return CLEAN;
    // Off in this call's options or in this file's i18next.init(): either is in the file's text.
    const raw = /escapeValue\s*:\s*false/.test(this.sourceCode.text);
    return raw ? { flows: all.flows } : this.clear({ flows: all.flows }, classMask(['xss', 'xml-injection']));
  }

  private replaceSanitizer(node: Node, receiver: Value, args: Value[]): Value {
    const pattern = unwrap(node.arguments[0]);
    const replacement = args[1] ?? CLEAN;
    let mask = 0;
    const src: string | undefined = pattern?.regex?.pattern ?? (pattern?.type === 'Literal' && pattern.value instanceof RegExp ? pattern.value.source : undefined);
    if (src !== undefined) {
      const global = (pattern?.regex?.flags ?? '').includes('g') || node.callee?.property?.name === 'replaceAll';
      if (global && /\\n|\\r|\\s/.test(src)) mask |= classMask(NEWLINE_CLASSES);
      const metachars = new Set([...src].filter((c) => '.*+?()[]{}|^$'.includes(c))).size;
      if (global && /\$&/.test(staticValue(node.arguments[1]) ?? '') && metachars >= 6) mask |= classMask(REGEX_ESCAPE_CLASSES);
      if (global && /</.test(src) && />/.test(src)) mask |= classMask(ANGLE_CLASSES);
      if (global && /^\[\^[^\]]*\]\+?$/.test(src)) mask |= ALL_CLASSES_MASK & ~classBit('data-leak');
      // path.normalize(p).replace(/^(\.\.(\/|\\|$))+/, ''): a normalised path keeps `..` only at its start, stripped here.
      const recvNode = unwrap(unwrap(node.callee)?.object);
      if (/^\^\((?:\?:)?\\\.\\\./.test(src) && /\)\+$/.test(src) && staticValue(node.arguments[1]) === '' && recvNode?.type === 'CallExpression' && lastName(recvNode.callee) === 'normalize') mask |= classBit('path-traversal');
      // RFC 4515 filter escaping: every one of * ( ) \ replaced (as hex escapes, by a function or a table).
      if (global && /^\[[^\]]*\]$/.test(src) && ['*', '(', ')', '\\\\'].every((c) => src.includes(c))) mask |= classBit('ldap-injection');
    }
    const r = this.clear({ flows: receiver.flows, record: receiver.record }, mask);
    const out = this.union(r, replacement.fn ? CLEAN : replacement);
    // x.replace(/^[\/\\]+/, ''), or /^\/+/ on a URL's pathname: '/' + the result is a same-site path.
    if (src !== undefined && staticValue(node.arguments[1]) === '' && out.flows.length > 0) {
      const strip = /^\^(?:\\\/|\[([^\]]*)\])[+*]$/.exec(src);
      const cls = strip?.[1];
      const slashes = !!strip && (cls === undefined || /^(\\?\/|\\?\/\\\\|\\\\\\?\/)$/.test(cls));
      const backslashes = cls !== undefined && cls.includes('\\\\');
      if (slashes && (backslashes || receiver.urlPart)) return { ...out, noLeadingSlash: true };
    }
    // xml.replace('</users>', `<user name="${name}"/></users>`): the result holds the replacement's markup.
    // (The receiver's own holes stay holes: input with its trailing slashes removed is still input.)
    const text = replacement.text && !replacement.fn ? `${receiver.text ?? holeText(r)}${replacement.text}` : receiver.text;
    return text !== undefined && out.flows.length > 0 ? { ...out, text } : out;
  }

  /** The checks a condition makes, and on what. */
  private guardsOf(test: Node, scope: Scope): Guard[] {
    const t = unwrap(test);
    if (!t) return [];
    if (t.type === 'UnaryExpression' && t.operator === '!') return this.guardsOf(t.argument, scope).map((g) => ({ ...g, whenTrue: !g.whenTrue }));
    if (t.type === 'LogicalExpression' && (t.operator === '&&' || t.operator === '||')) {
      const and = t.operator === '&&';
      const l = this.guardsOf(t.left, scope);
      const r = this.guardsOf(t.right, scope);
      // (a && b) true ⇒ both hold; (a || b) false ⇒ neither holds.
      const both = [...l, ...r].filter((g) => g.whenTrue === and);
      // (a && b) false ⇒ !a or !b: a path made safe by either failing is safe (file === ROOT, or it starts with ROOT/).
      const either: Guard[] = [];
      for (const g of l) {
        if (g.whenTrue === and) continue;
        const h = r.find((x) => x.whenTrue === g.whenTrue && x.path === g.path);
        const parsedFrom = g.parsedFrom ?? h?.parsedFrom;
        if (h) either.push({ path: g.path, mask: g.mask & h.mask, whenTrue: g.whenTrue, owner: g.owner ?? h.owner, ...(parsedFrom ? { parsedFrom } : {}) });
      }
      return [...both, ...either];
    }
    if (t.type === 'BinaryExpression') return this.comparisonGuards(t, scope);
    if (t.type === 'CallExpression') return this.callGuards(t, scope);
    // const ok = ALLOWED.includes(uri); if (!ok) throw ...: the check the constant holds.
    if (t.type === 'Identifier') {
      const init = constValue(t);
      if (init && init !== t && (init.type === 'CallExpression' || init.type === 'BinaryExpression' || init.type === 'LogicalExpression' || init.type === 'UnaryExpression')) return this.guardsOf(init, scope);
    }
    return [];
  }

  private comparisonGuards(t: Node, scope: Scope): Guard[] {
    const op = t.operator as string;
    const eq = op === '===' || op === '==';
    const ne = op === '!==' || op === '!=';
    const l = unwrap(t.left)!;
    const r = unwrap(t.right)!;
    // s.length > 100 (false: at most 100 characters), s.length <= 100, 100 < s.length.
    if (op === '<' || op === '<=' || op === '>' || op === '>=') {
      const lengthOf = (n: Node): string | undefined => (n.type === 'MemberExpression' && propertyName(n.property, n.computed) === 'length' ? accessPath(stringConversionOf(n.object) ?? n.object) : undefined);
      const flipped = lengthOf(r) !== undefined;
      const path = lengthOf(flipped ? r : l);
      const bound = Number(staticValue(flipped ? l : r));
      if (path !== undefined && Number.isInteger(bound)) {
        // Normalised to `length OP bound`.
        const o = flipped ? ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[op] : op;
        const max = o === '<' || o === '>=' ? bound - 1 : bound;
        if (max <= SHORT_TEXT_LIMIT) return [{ path, mask: SHORT_TEXT, whenTrue: o === '<' || o === '<=' }];
      }
      return [];
    }
    // Each check below reads both orders (x === 'a', 'a' === x); k picks one, with no pair arrays (every comparison comes here).
    // typeof x === 'string' / 'number'
    for (let k = 0; k < 2; k++) {
      const a = k === 0 ? l : r;
      const b = k === 0 ? r : l;
      if (a.type === 'UnaryExpression' && a.operator === 'typeof' && (eq || ne)) {
        const kind = staticValue(b);
        const path = accessPath(a.argument);
        if (!path || !kind) continue;
        const mask = kind === 'number' || kind === 'boolean' ? ALL_CLASSES_MASK : kind === 'string' ? classMask(STRING_TYPE_CLASSES) : 0;
        if (!mask) continue;
        return [{ path, mask, whenTrue: eq }];
      }
    }
    // x === 'literal'  (allowlist of one), key === '__proto__' (blacklist of the prototype keys)
    if (eq || ne) {
      // x.indexOf(base) === 0 / x.indexOf('..') !== -1
      for (let k = 0; k < 2; k++) {
        const a = k === 0 ? l : r;
        const b = k === 0 ? r : l;
        if (a.type === 'CallExpression' && unwrap(a.callee)?.type === 'MemberExpression' && lastName(a.callee) === 'indexOf') {
          const n = staticValue(b);
          const recvPath = accessPath(unwrap(a.callee)!.object);
          if (!recvPath) continue;
          const arg = staticValue(a.arguments[0]);
          if (n === '0') {
            const mask = containmentMask(arg, () => this.rejectsProtocolRelative(a));
            return mask === 0 ? [] : [{ path: recvPath, mask, whenTrue: eq }];
          }
          if (arg !== undefined && arg.includes('..') && (n === '-1' || b.type === 'UnaryExpression')) return [{ path: recvPath, mask: classMask(DOTDOT_CLASSES), whenTrue: eq }];
          // TYPES.indexOf(x) === -1: x is one of a list the client does not choose when this is false.
          const argPath = accessPath(a.arguments[0]);
          const minusOne = n === '-1' || (b.type === 'UnaryExpression' && b.operator === '-' && staticValue(b.argument) === '1');
          if (arg === undefined && argPath && minusOne && this.eval(unwrap(a.callee)!.object, scope).flows.length === 0) {
            return [this.ownerGuard(argPath, ALL_CLASSES_MASK, ne, scope)];
          }
        }
      }
      for (let k = 0; k < 2; k++) {
        const a = k === 0 ? l : r;
        const b = k === 0 ? r : l;
        const lit = staticValue(b);
        const path = accessPath(a);
        if (lit === undefined || !path) continue;
        if (/^(__proto__|constructor|prototype)$/.test(lit)) return [{ path, mask: classMask(PROTO_KEY_CLASSES), whenTrue: ne }];
        return [this.ownerGuard(path, ALL_CLASSES_MASK, eq, scope)];
      }
      // new URL(x, BASE).origin === ORIGIN: x names this origin (or is a path on it).
      for (let k = 0; k < 2; k++) {
        const a = k === 0 ? l : r;
        const b = k === 0 ? r : l;
        if (a.type !== 'MemberExpression' || !/^(origin|host|hostname)$/.test(propertyName(a.property, a.computed) ?? '')) continue;
        const made = unwrap(a.object);
        const from = made?.type === 'NewExpression' && lastName(made.callee) === 'URL' ? accessPath(made.arguments[0]) : undefined;
        if (!from || clientChosen(this.eval(b, scope))) continue;
        return [{ path: from, mask: classMask(['ssrf', 'open-redirect']), whenTrue: eq }];
      }
      // url.origin === ORIGIN, host !== allowedHost: equal to a value the client does not choose.
      for (let k = 0; k < 2; k++) {
        const a = k === 0 ? l : r;
        const b = k === 0 ? r : l;
        const path = accessPath(a);
        if (!path || b.type === 'Literal' && b.value === null) continue;
        if (a.type === 'CallExpression' || b.type === 'ObjectExpression') continue;
        if (clientChosen(this.eval(b, scope)) || (b.type === 'Identifier' && b.name === 'undefined')) continue;
        if (b.type !== 'Identifier' && b.type !== 'MemberExpression') continue;
        const av = this.eval(a, scope);
        if (av.flows.length === 0) continue;
        return [this.ownerGuard(path, ALL_CLASSES_MASK, eq, scope)];
      }
    }
    if (op === 'in') {
      const path = accessPath(l);
      if (path) return [{ path, mask: ALL_CLASSES_MASK, whenTrue: true }];
    }
    // Numeric comparisons do not make a value safe.
    void scope;
    return [];
  }

  /**
   * Whether the function around a `startsWith('/')` check also rejects `//host` (a second
   * `startsWith('//')`, a `[1] !== '/'` test, a regex on `//`): only then is '/' a same-site path.
   * Reads the enclosing function's text once per check; bounded by the function's size.
   */
  private rejectsProtocolRelative(node: Node): boolean {
    let fn: Node | undefined = node;
    while (fn && !isFunctionNode(fn) && fn.type !== 'Program') fn = fn.parent ?? undefined;
    if (!fn) return false;
    const start = nodeStart(fn);
    const text = this.sourceCode.text.slice(start, Math.min(nodeEnd(fn), start + 20_000));
    return PROTOCOL_RELATIVE_CHECK.test(text);
  }

  /**
   * `isLocalPath(next)` where isLocalPath is a function of this file returning one condition:
   * the checks its body makes on its parameters, moved onto the arguments. The body is read
   * rather than the name trusted, so `isLocalPath = (t) => t.startsWith('/')` cleans nothing.
   * Undefined when there is no such body or it checks nothing it can be credited for (the name
   * rules then apply). Depth-bounded: predicates calling predicates stop after three levels.
   */
  private localPredicateGuards(t: Node, callee: Node, scope: Scope): Guard[] | undefined {
    if (callee.type !== 'Identifier' || this.predicateDepth >= 3) return undefined;
    const fnNode = scope.lookup(callee.name)?.fn?.node;
    if (!fnNode) return undefined;
    const read = this.predicateBody(fnNode, scope, (i) => {
      const a = unwrap(t.arguments[i]);
      return a && (a.type === 'Identifier' || a.type === 'MemberExpression') ? this.eval(a, scope) : CLEAN;
    });
    return read && movedGuards(read.guards, read.params, t);
  }

  /**
   * `isAllowedHost(url)` where isAllowedHost is exported by a relative module of the project:
   * its body is read in that module, as a local predicate's is here, each parameter standing for
   * an unknown input. Undefined when the module or the function cannot be read as a predicate.
   */
  private importedPredicateGuards(t: Node, callee: Node): Guard[] | undefined {
    if (!this.readFile || crossPredicateDepth >= 3) return undefined;
    const binding = resolveCallee(callee, this.sourceCode);
    if (!binding || !this.isProjectModule(binding.module)) return undefined;
    const other = this.importedModule(binding.module);
    const fnNode = other?.exportedFunction(binding.path);
    if (!other || !fnNode) return undefined;
    crossPredicateDepth++;
    try {
      const read = other.predicateBody(fnNode, other.moduleScope, (i) => ({ flows: [{ o: { k: 'p', i, f: -1 }, m: 0, t: [] }] }));
      return read && movedGuards(read.guards, read.params, t);
    } catch (err) {
      if (err instanceof BudgetExceeded || err instanceof RangeError) return undefined;
      throw err;
    } finally {
      crossPredicateDepth--;
    }
  }

  /**
   * A module of the project rather than a package: a relative path or `@/` alias, or a specifier
   * the project's tsconfig/jsconfig `paths` or `baseUrl` maps to one of its files.
   */
  private isProjectModule(spec: string): boolean {
    if (isProjectPath(spec)) return true;
    const reader = this.readFile;
    if (!reader?.aliases) return false;
    let known = this.aliasedModules.get(spec);
    if (known === undefined) {
      known = specifierCandidates(this.file, spec, reader.aliases).some((f) => f !== this.file && reader.exists(f));
      this.aliasedModules.set(spec, known);
    }
    return known;
  }
  private readonly aliasedModules = new Map<string, boolean>();

  /**
   * A whole config object imported from a module of the project whose exported object literal has
   * fields named like secrets (`module.exports = { jwtSecret: process.env.JWT_SECRET }`): sent to a
   * client whole, it leaks them. Read as a record, so one named field (`config.port`) is not.
   */
  private importedSecrets(node: Node, spec: string | undefined, path: readonly string[]): Value | undefined {
    // A module read for its top level only (an imported predicate's) does not read its own imports;
    // a file with no request input in sight sends no response; and config modules are named so.
    if (this.topLevelOnly || this.lazy || spec === undefined || !CONFIG_MODULE.test(spec) || !this.isProjectModule(spec) || path.length > 1 || (path.length === 1 && path[0] !== 'default')) return undefined;
    const constants = this.importedModule(spec)?.constants;
    const secrets = constants ? exportAt(new Map(Object.entries(constants)), path)?.secrets : undefined;
    if (!secrets?.length) return undefined;
    return { ...this.source(node, `the config exported by ${spec} (${secrets.slice(0, 3).join(', ')})`, 'medium', SENSITIVE_CLEARED), record: true };
  }

  /** The analyzer of a module this file imports (relative, or by a path alias), its top level read. */
  private importedModule(spec: string): TaintAnalyzer | undefined {
    if (!this.readFile) return undefined;
    const known = this.imported.get(spec);
    if (known !== undefined) return known ?? undefined;
    let found: TaintAnalyzer | undefined;
    for (const candidate of specifierCandidates(this.file, spec, this.readFile.aliases)) {
      if (candidate === this.file) continue;
      const text = this.readFile(candidate);
      if (text === undefined) continue;
      found = moduleAnalyzer(candidate, text, this.tables, this.readFile);
      break;
    }
    this.imported.set(spec, found ?? null);
    return found;
  }
  private readonly imported = new Map<string, TaintAnalyzer | null>();
  private topLevelOnly = false;

  /** The function exported under `path` (as an import binding names it), once the top level is read. */
  private exportedFunction(path: readonly string[]): Node | undefined {
    return exportAt(this.exportsMap, path);
  }

  /** Reads the module's top level only (bindings, exports), as a file without sources is read. */
  readTopLevel(): boolean {
    try {
      this.lazy = true;
      this.topLevelOnly = true;
      this.execBlock(this.sourceCode.ast.body, this.moduleScope);
      return true;
    } catch (err) {
      if (err instanceof BudgetExceeded || err instanceof RangeError) return false;
      throw err;
    }
  }

  /**
   * What a predicate's body checks on its parameters: the guards of its one returned condition
   * (after `const url = new URL(param)` lines, also inside `try { ... } catch { return false; }`),
   * on paths rooted at the parameter names. `argValue(i)` is what parameter i holds.
   */
  private predicateBody(fnNode: Node, scope: Scope, argValue: (i: number) => Value): { params: (string | undefined)[]; guards: Guard[] } | undefined {
    let ret: Node | undefined = fnNode.body;
    const parsed: [string, string][] = [];
    if (ret?.type === 'BlockStatement') {
      let body: Node[] = ret.body;
      const only = body.length === 1 ? body[0] : undefined;
      if (only?.type === 'TryStatement' && !only.finalizer && returnsFalse(only.handler?.body)) body = only.block.body;
      ret = undefined;
      for (const [i, st] of body.entries()) {
        if (i === body.length - 1) {
          if (st.type === 'ReturnStatement') ret = st.argument ?? undefined;
          break;
        }
        const d = st.type === 'VariableDeclaration' && st.declarations.length === 1 ? st.declarations[0] : undefined;
        const init = unwrap(d?.init);
        const from = init?.type === 'NewExpression' && lastName(init.callee) === 'URL' ? unwrap(init.arguments[0]) : undefined;
        if (d?.id?.type !== 'Identifier' || from?.type !== 'Identifier') break;
        parsed.push([d.id.name, from.name]);
      }
    }
    if (!ret) return undefined;
    const params = (fnNode.params as Node[]).map((p) => (p.type === 'Identifier' ? p.name : undefined));
    const inner = new Scope(scope, scope.fn);
    params.forEach((name, i) => {
      if (name) inner.vars.set(name, argValue(i));
    });
    for (const [name, from] of parsed) inner.vars.set(name, { flows: inner.lookup(from)?.flows ?? [], parsedUrl: true, urlOf: from });
    this.predicateDepth++;
    try {
      return { params, guards: this.guardsOf(ret, inner) };
    } finally {
      this.predicateDepth--;
    }
  }

  /**
   * The path X of `path.relative(root, X)`, written inline or bound to the checked variable in the
   * same function (`const rel = path.relative(root, X)`). Searches that function's declarations only.
   */
  private relativeTarget(recv: Node, at: Node): string | undefined {
    const isRelative = (n: Node | undefined): boolean => n?.type === 'CallExpression' && lastName(n.callee) === 'relative' && n.arguments.length === 2;
    if (isRelative(recv)) return accessPath(recv.arguments[1]);
    if (recv.type !== 'Identifier') return undefined;
    let fn: Node | undefined = at;
    while (fn && !isFunctionNode(fn) && fn.type !== 'Program') fn = fn.parent ?? undefined;
    if (!fn) return undefined;
    let found: string | undefined;
    let seen = 0;
    forEachNode(fn, (n) => {
      if (found !== undefined || ++seen > 5_000) return;
      if (n.type === 'VariableDeclarator' && n.id?.type === 'Identifier' && n.id.name === recv.name && isRelative(unwrap(n.init) ?? undefined)) found = accessPath(unwrap(n.init)!.arguments[1]);
    });
    return found;
  }

  private ownerGuard(path: string, mask: number, whenTrue: boolean, scope?: Scope): Guard {
    const m = /^(.*)\.(hostname|host|origin)$/.exec(path);
    const parsedFrom = m && scope && !m[1].includes('.') ? scope.lookup(m[1])?.urlOf : undefined;
    return { path, mask, whenTrue, owner: m ? m[1] : undefined, ...(parsedFrom ? { parsedFrom } : {}) };
  }

  private callGuards(t: Node, scope: Scope): Guard[] {
    const callee = unwrap(t.callee)!;
    const method = callee.type === 'MemberExpression' ? propertyName(callee.property, callee.computed) : undefined;
    const recv = callee.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
    const recvPath = recv ? accessPath(recv) : undefined;
    const a0 = t.arguments[0];
    // RE.test(String(id)) checks id itself.
    const a0Path = accessPath(stringConversionOf(a0) ?? a0);
    const out: Guard[] = [];
    const withOwner = (path: string, mask: number): Guard => this.ownerGuard(path, mask, true, scope);
    if (method === 'startsWith' && recv && staticValue(a0)?.startsWith('..')) {
      // rel = path.relative(root, target); rel.startsWith('..') rejects a target outside root.
      const target = this.relativeTarget(recv, t);
      return target ? [{ path: target, mask: classMask(['path-traversal']), whenTrue: false }] : [];
    }
    // host.endsWith('.example.com'): a subdomain of a fixed domain (without the dot, evilexample.com passes).
    if (method === 'endsWith' && recvPath && /^(.*\.)?(hostname|host)$/.test(recvPath)) {
      const suffix = staticValue(a0);
      if (suffix !== undefined && suffix.startsWith('.') && suffix.length > 1) out.push(withOwner(recvPath, classMask(['ssrf', 'open-redirect'])));
      return out;
    }
    if (method === 'startsWith' && recvPath) {
      let mask = containmentMask(staticValue(a0), () => this.rejectsProtocolRelative(t));
      // `ROOT + '/' + name` still holds its `..`: only a resolved or joined path can be checked by its prefix.
      const checked = recv?.type === 'Identifier' ? scope.lookup(recv.name) : undefined;
      if (checked?.text !== undefined && /[\u0000\u0002]/.test(checked.text)) mask &= ~classBit('path-traversal');
      // Nor raw input: `ctx.path.startsWith('/docs/')` lets '/docs/../../etc/passwd' through.
      else if (!normalizesPath(variableInit(recv)) && (checked ?? (recv?.type === 'MemberExpression' ? this.eval(recv, scope) : CLEAN)).flows.some((f) => f.o.k === 's')) mask &= ~classBit('path-traversal');
      if (mask !== 0) out.push(withOwner(recvPath, mask));
      return out;
    }
    if ((method === 'includes' || method === 'indexOf') && recvPath) {
      const lit = staticValue(a0);
      if (lit !== undefined && recv && recv.type !== 'ArrayExpression') {
        // x.includes('..') is a check on x, true when x is bad.
        if (lit.includes('..')) return [{ path: recvPath, mask: classMask(DOTDOT_CLASSES), whenTrue: false }];
        if (/__proto__|constructor|prototype/.test(lit)) return [{ path: recvPath, mask: classMask(PROTO_KEY_CLASSES), whenTrue: false }];
        return [];
      }
    }
    if (method === 'test' && recv && a0Path) {
      // A literal, or a name bound to one (`const SIZE = /\d+x\d+/; SIZE.test(size)`).
      const src: string | undefined = recv.regex?.pattern ?? (recv.type === 'Identifier' ? scope.lookup(recv.name)?.regex?.pattern : undefined);
      if (src !== undefined) {
        if (src.startsWith('^') && src.endsWith('$')) return [withOwner(a0Path, ALL_CLASSES_MASK)];
        if (pinsUrlHost(src)) return [withOwner(a0Path, classMask(['ssrf', 'open-redirect']) | URL_SCHEME_CHECKED)];
        if (checksUrlScheme(src)) return [{ path: a0Path, mask: URL_SCHEME_CHECKED, whenTrue: true }];
        if (/\\\.\\\.|\.\./.test(src)) return [{ path: a0Path, mask: classMask(DOTDOT_CLASSES), whenTrue: false }];
        if (/\\r|\\n|\[\\r\\n\]/.test(src)) return [{ path: a0Path, mask: classMask(NEWLINE_CLASSES), whenTrue: false }];
        if (/__proto__|constructor|prototype/.test(src)) return [{ path: a0Path, mask: classMask(PROTO_KEY_CLASSES), whenTrue: false }];
        return [];
      }
      return [withOwner(a0Path, ALL_CLASSES_MASK)];
    }
    // keys.some((k) => UNSAFE.has(k)), parts.every((p) => /^\w+$/.test(p)): the check applies to every element.
    if ((method === 'some' || method === 'every') && recvPath && a0 && isFunctionNode(unwrap(a0)) && unwrap(a0)!.body.type !== 'BlockStatement') {
      const fn = unwrap(a0)!;
      const param = fn.params[0]?.type === 'Identifier' ? fn.params[0].name : undefined;
      if (param) return this.guardsOf(fn.body, scope).filter((g) => g.path === param).map((g) => ({ ...g, path: recvPath, owner: undefined }));
    }
    if ((method === 'has' || method === 'includes') && recv && a0Path) {
      const name = lastName(recv) ?? '';
      // UNSAFE_KEYS.has(key), BLOCKED.includes(host): a denylist, true when the value is bad.
      const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_$]+/);
      if (words.some((w) => DENYLIST_WORDS.has(w))) {
        return [{ path: a0Path, mask: classMask(PROTO_KEY_CLASSES), whenTrue: false }];
      }
    }
    const local = this.localPredicateGuards(t, callee, scope) ?? this.importedPredicateGuards(t, callee);
    if (local !== undefined) return local;
    const binding = resolveCallee(callee, this.sourceCode);
    const mask = this.sanitizerFor(callee, method, binding, '', scope, 'guard');
    if (mask !== undefined) {
      const spec = this.tables.sanitizers.find((s) => s.kind === 'guard' && this.matchesSpec(s, callee, method, binding, scope));
      const argIdx = typeof spec?.arg === 'number' ? spec.arg : 0;
      const p = accessPath(t.arguments[argIdx]);
      if (p) out.push(withOwner(p, mask));
      // ALLOWED.has(new URL(x).origin): the host of x is checked, which is what SSRF and redirects need.
      const checked = unwrap(t.arguments[argIdx]);
      if (!p && checked?.type === 'MemberExpression' && /^(origin|host|hostname)$/.test(propertyName(checked.property, checked.computed) ?? '')) {
        const parsed = unwrap(checked.object);
        const from = parsed?.type === 'NewExpression' && lastName(parsed.callee) === 'URL' ? accessPath(parsed.arguments[0]) : undefined;
        if (from) out.push({ path: from, mask: mask & classMask(['ssrf', 'open-redirect']), whenTrue: true });
      }
      // isAllowedUrl(new URL(x)) and similar wrap the value: the inner path is checked too.
      const inner = unwrap(t.arguments[argIdx]);
      if (inner?.type === 'NewExpression' || inner?.type === 'CallExpression') {
        const ip = accessPath(inner.arguments?.[0]);
        if (ip) out.push(withOwner(ip, mask));
      }
    }
    return out;
  }

  private withGuards<T>(ctx: FnCtx, guards: readonly Guard[], holds: boolean, run: () => T): T {
    const relevant = guards.filter((g) => g.whenTrue === holds);
    if (relevant.length === 0) return run();
    const layer = new Map<string, number>();
    this.applyGuards(layer, guards, holds);
    ctx.sanitized.push(layer);
    try {
      return run();
    } finally {
      ctx.sanitized.pop();
    }
  }

  private applyGuards(layer: Map<string, number>, guards: readonly Guard[], holds: boolean): void {
    for (const g of guards) {
      if (g.whenTrue !== holds) continue;
      layer.set(g.path, (layer.get(g.path) ?? 0) | g.mask);
      if (g.owner) layer.set(g.owner, (layer.get(g.owner) ?? 0) | (g.mask & classMask(['ssrf', 'open-redirect'])));
      if (g.parsedFrom) layer.set(g.parsedFrom, (layer.get(g.parsedFrom) ?? 0) | (g.mask & classMask(['ssrf', 'open-redirect'])));
    }
  }

  // ---------------------------------------------------------------------------------
  // Data-leak sources

  private recordRead(node: Node, callee: Node, method: string | undefined): Value | undefined {
    const modelFind = method === 'find' && callee.type === 'MemberExpression' && (/^[A-Z]|[Mm]odel$|[Rr]epo(sitory)?$|[Cc]ollection$/.test(lastName(callee.object) ?? '') || ORM_HANDLE_TYPES.test(this.typedField(callee) ?? '')) && !isFunctionNode(unwrap(node.arguments[0])) && staticValue(node.arguments[0]) === undefined;
    if (method && (RECORD_READ_METHODS.has(method) || modelFind) && callee.type === 'MemberExpression') {
      const recvName = lastName(callee.object) ?? '';
      if (/^(arr|array|list|items|rows|results|values|_|lodash|Object|Array|document|el|element|map|cache)$/.test(recvName)) return undefined;
      const opts = unwrap(node.arguments[method === 'findById' || method === 'findByPk' ? 1 : 0]);
      const opts2 = unwrap(node.arguments[1]);
      if (opts?.type === 'ObjectExpression' && [...PROJECTION_KEYS].some((k) => objectProp(opts, k))) return undefined;
      // prisma.order.findUnique({ include: { customer: { select: { id: true, name: true } } } }): an order
      // (no table of people) whose related person is narrowed to named fields.
      const include = opts?.type === 'ObjectExpression' ? unwrap(objectProp(opts, 'include')) : undefined;
      if (include?.type === 'ObjectExpression' && !SENSITIVE_TABLE.test(recvName) && include.properties.every((p: Node) => {
        const rel = p.type === 'Property' ? unwrap(p.value) : undefined;
        const name = p.type === 'Property' ? propertyName(p.key, p.computed) ?? '' : '';
        return rel?.type === 'ObjectExpression' ? !!objectProp(rel, 'select') : !SENSITIVE_TABLE.test(name);
      })) return undefined;
      if (method === 'findOne' || method === 'find' || method === 'findById') {
        // Mongoose: a projection as the second argument (or third for findById).
        if (opts2 && (opts2.type === 'ObjectExpression' || staticValue(opts2) !== undefined) && method !== 'findById') return undefined;
        if (method === 'findById' && opts2 && (opts2.type === 'ObjectExpression' || staticValue(opts2) !== undefined)) return undefined;
      }
      if (this.projectedByChain(node)) return undefined;
      const v = this.source(node, `${this.text(node, 40)} (whole records)`, 'medium', SENSITIVE_CLEARED);
      return { ...v, record: true };
    }
    // Knex-style builders: knex('users').where(...) selects every column unless a select()/pluck() follows.
    // Also a builder held in a field: this.db('customers'), this.knex('users').
    const builderName = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && unwrap(callee.object)?.type === 'ThisExpression' ? lastName(callee) : undefined;
    const table = builderName !== undefined && KNEX_BUILDER_NAMES.test(builderName) && node.arguments.length === 1 ? staticValue(node.arguments[0]) : undefined;
    if (table !== undefined && SENSITIVE_TABLE.test(table) && !this.projectedByChain(node)) {
      const v = this.source(node, `${this.text(node, 40)} (every column)`, 'medium', SENSITIVE_CLEARED);
      return { ...v, record: true };
    }
    // Drizzle and Knex: db.select().from(users) reads every column of the table (select({ id: users.id }) does not).
    if (method === 'from' && callee.type === 'MemberExpression' && node.arguments.length === 1) {
      const select = unwrap(callee.object);
      const tableArg = unwrap(node.arguments[0]);
      const tableName = tableArg?.type === 'Identifier' ? tableArg.name : tableArg?.type === 'MemberExpression' ? lastName(tableArg) : staticValue(tableArg);
      if (select?.type === 'CallExpression' && select.arguments.length === 0 && lastName(select.callee) === 'select' && tableName && SENSITIVE_TABLE.test(tableName) && !this.projectedByChain(node)) {
        const v = this.source(node, `${this.text(node, 40)} (every column)`, 'medium', SENSITIVE_CLEARED);
        return { ...v, record: true };
      }
    }
    // SELECT * / a secret column in SQL text; db.prepare('SELECT * ...').get(id) too.
    if (method && /^(query|execute|all|get|any|many|manyOrNone|one|oneOrNone|raw|iterate)$/.test(method) && callee.type === 'MemberExpression') {
      // Prepared inline, or once in a variable: `const byOwner = db.prepare('SELECT * ...')` ... `byOwner.all(id)`.
      const prepared = receiverMaker(node);
      const sqlNode = prepared?.type === 'CallExpression' && lastName(prepared.callee) === 'prepare' && /^(get|all|iterate)$/.test(method) ? prepared.arguments[0] : node.arguments[0];
      const sql = staticValue(sqlNode) ?? (unwrap(sqlNode)?.type === 'TemplateLiteral' ? unwrap(sqlNode)!.quasis.map((q: Node) => q.value.cooked).join(' ') : undefined);
      if (sql && /^\s*select\s/i.test(sql)) {
        const star = /^\s*select\s+(\w+\.)?\*/i.test(sql);
        const secretCol = /\b(password|password_hash|passwordhash|ssn|secret|api_key|token)\b/i.test(sql.split(/\bfrom\b/i)[0] ?? '');
        // SELECT * from a table of people or accounts: every column, password hashes and contact details included.
        const peopleTable = SENSITIVE_TABLE_IN_SQL.test(sql);
        if ((star && peopleTable) || secretCol) {
          const v = this.source(node, `${this.text(node, 50)} (${star ? 'SELECT *' : 'secret column'})`, 'medium', SENSITIVE_CLEARED);
          return { ...v, record: true };
        }
      }
    }
    return undefined;
  }

  private projectedByChain(node: Node): boolean {
    let cur: Node | null | undefined = node.parent;
    while (cur) {
      if (cur.type === 'MemberExpression' && cur.parent?.type === 'CallExpression' && cur.parent.callee === cur) {
        const m = propertyName(cur.property, cur.computed);
        if (m && PROJECTION_METHODS.has(m) && !selectsEverything(cur.parent)) return true;
        // knex: .first('id', 'name') selects those columns of the first row.
        const named = cur.parent.arguments;
        if (m === 'first' && named.length > 0 && named.every((a: Node) => staticValue(a) !== undefined || unwrap(a)?.type === 'ArrayExpression')) return true;
        cur = cur.parent.parent;
        continue;
      }
      if (cur.type === 'AwaitExpression' || cur.type === 'ChainExpression') {
        cur = cur.parent;
        continue;
      }
      break;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------
  // Functions

  /**
   * False when this file's package.json files (nested ones up its path, and the root's) are known and
   * list no library whose filters take operator objects: then `findOne(filter)` belongs to a SQL ORM.
   */
  private mayUseDocumentQueries(): boolean {
    const manifests = this.manifests();
    return manifests.length === 0 || manifests.some((deps) => Object.keys(deps).some(isDocumentQueryPackage));
  }

  private manifestChain?: readonly Readonly<Record<string, string>>[];

  /** The dependencies of the package.json files that apply to this file, nearest first (empty: unknown). */
  private manifests(): readonly Readonly<Record<string, string>>[] {
    return (this.manifestChain ??= manifestChain(this.tables, this.file));
  }

  /** The version range of a package for this file: its nearest nested package.json that names it, else the root's. */
  private dependencyRange(name: string): string | undefined {
    return this.manifests().find((deps) => deps[name] !== undefined)?.[name];
  }

  /** `: ExportRequest` where this file declares ExportRequest as an interface extending nothing or an object type: plain data. */
  private isPlainLocalType(annotation: Node): boolean {
    const t = unwrap(annotation.typeAnnotation);
    if (t?.type !== 'TSTypeReference' || t.typeName?.type !== 'Identifier') return false;
    const name = t.typeName.name;
    for (const d of nodesOfType(this.sourceCode, 'TSInterfaceDeclaration', 'TSTypeAliasDeclaration')) {
      if (d.id?.name !== name) continue;
      if (d.type === 'TSInterfaceDeclaration') return !d.extends || d.extends.length === 0;
      return d.typeAnnotation?.type === 'TSTypeLiteral';
    }
    return false;
  }

  /**
   * Whether the NestJS app around this file installs a ValidationPipe for every route:
   * `app.useGlobalPipes(new ValidationPipe())` in its main file, or an APP_PIPE provider in its app
   * module, found where Nest puts them (main.ts, app.module.ts) in this folder or one above it.
   */
  private globalValidationPipe(): boolean {
    const read = this.readFile;
    if (!read) return false;
    let byDir = globalPipes.get(read);
    if (!byDir) globalPipes.set(read, (byDir = new Map()));
    const dirs: string[] = [];
    for (let dir = posix.dirname(this.file); dirs.length < 8; dir = posix.dirname(dir)) {
      dirs.push(dir);
      if (dir === '.' || dir === '/' || dir === '') break;
    }
    for (const dir of dirs) {
      let found = byDir.get(dir);
      if (found === undefined) {
        found = ['main.ts', 'main.js', 'app.module.ts', 'app.module.js'].some((name) => {
          const text = read(dir === '.' ? name : `${dir}/${name}`);
          return text !== undefined && installsGlobalValidation(text);
        });
        byDir.set(dir, found);
      }
      if (found) return true;
    }
    return false;
  }

  /** `dto: Filter` where this file declares Filter as an interface or type alias: nothing at run time for a pipe to check. */
  private isLocalTypeOnly(param: Node): boolean {
    const name = unwrap(param.typeAnnotation?.typeAnnotation)?.typeName?.name;
    return typeof name === 'string' && this.namesTypeOnly(name, 0);
  }

  /**
   * `name` is an interface or type alias here, or in the relative module it is imported from: a
   * type the compiler erases, so no class reaches a ValidationPipe. So is anything imported with
   * `import type` (a class imported that way leaves Nest no metadata to validate against).
   */
  private namesTypeOnly(name: string, depth: number): boolean {
    if (nodesOfType(this.sourceCode, 'TSInterfaceDeclaration', 'TSTypeAliasDeclaration').some((d) => d.id?.name === name)) return true;
    for (const d of nodesOfType(this.sourceCode, 'ImportDeclaration')) {
      for (const s of d.specifiers ?? []) if (s.local?.name === name && (d.importKind === 'type' || s.importKind === 'type')) return true;
    }
    const binding = moduleBindings(this.sourceCode).get(name);
    if (!binding || !this.isProjectModule(binding.module) || binding.path.length !== 1 || depth >= 3) return false;
    return this.importedModule(binding.module)?.namesTypeOnly(binding.path[0], depth + 1) ?? false;
  }

  private paramValues(fn: Node, ctx: FnCtx, explicit?: readonly Value[]): Value[] {
    const parentMethod = fn.parent?.type === 'MethodDefinition' ? fn.parent : undefined;
    return fn.params.map((p: Node, i: number) => {
      if (explicit && explicit[i] !== undefined) return explicit[i];
      const param = p.type === 'TSParameterProperty' ? p.parameter : p;
      // NestJS: @Query('id') id, @Body() dto, @Req() req
      for (const d of (param.decorators ?? p.decorators ?? []) as Node[]) {
        const e = unwrap(d.expression);
        const name = e?.type === 'CallExpression' ? lastName(e.callee) : lastName(e);
        const kind = name ? this.tables.decorators.get(name) : undefined;
        if (kind === 'request') return { flows: [], obj: 'request' };
        // @Param('id', ParseIntPipe): a parsing pipe vouches for the value; a ValidationPipe for its type.
        const pipes = e?.type === 'CallExpression' ? e.arguments.map((a: Node) => this.text(a, 200)).join(' ') : '';
        if (kind && /Parse(Int|Float|Bool|UUID|Enum)Pipe/.test(pipes)) return CLEAN;
        // A ValidationPipe on the parameter, or one installed for the whole app (main.ts) when the
        // parameter is a DTO class: the pipe checks a class's decorated fields, never a primitive.
        const validated = /ValidationPipe/.test(pipes) || (kind === 'input' && isClassTyped(param) && !this.isLocalTypeOnly(param) && this.globalValidationPipe());
        if (kind && validated) return this.source(param, `@${name}()`, 'high', INPUT_CLEARED | classMask(['nosql-injection', 'prototype-pollution']));
        if (kind) return this.source(param, `@${name}(${e?.type === 'CallExpression' && e.arguments[0] ? this.text(e.arguments[0], 20) : ''})`, 'high', INPUT_CLEARED | (kind === 'string-input' ? classBit('nosql-injection') : 0));
      }
      const u = unwrap(param.type === 'AssignmentPattern' ? param.left : param);
      const name = u?.type === 'Identifier' ? u.name : undefined;
      // A TypeScript type says what a name does not: `req: ExportRequest` built by the caller is no HTTP request.
      const declared = u?.typeAnnotation ? this.text(u.typeAnnotation, 80) : undefined;
      const typedOtherwise = (kind: RegExp): boolean => declared !== undefined && (!kind.test(declared) || this.isPlainLocalType(u!.typeAnnotation));
      // Express error handlers (err, req, res, next): the error may carry input thrown by a route; only
      // its printing into HTML is followed (logging an error is what error handlers are for).
      if (i === 0 && name && fn.params.length === 4 && /^(err|error|e|ex|exception)$/.test(name)) {
        // Only the message holds the thrown text; fields such as err.status are set by the error's own class.
        const message: Value = { flows: [{ o: { k: 'f', name: THROWN_FIELD }, m: ALL_CLASSES_MASK & ~classBit('xss'), t: [this.step(param, 'the message of an error a route threw')] }] };
        return { flows: [], fields: new Map([['message', message]]) };
      }
      if (name && REQUEST_NAMES.has(name) && !typedOtherwise(REQUEST_TYPE)) return { flows: [], obj: name === 'ctx' || name === 'context' ? 'context' : 'request' };
      if (name && RESPONSE_NAMES.has(name) && !typedOtherwise(RESPONSE_TYPE)) return { flows: [], obj: 'response' };
      // Next.js getServerSideProps({ query, params, req }): a request context, however it is named or destructured.
      if (i === 0 && /^(getServerSideProps|getInitialProps)$/.test(functionName(fn) ?? '')) return { flows: [], obj: 'context' };
      // Next.js pages and route handlers: ({ searchParams }), (request, { params })
      if (u?.type === 'ObjectPattern' && this.isNextComponentOrHandler(fn, i)) {
        // A page's props come from its getServerSideProps/getStaticProps.
        const gssp = this.moduleScope.lookup('getServerSideProps') ?? this.moduleScope.lookup('getStaticProps');
        const props = gssp?.fn && gssp.fn.node !== fn ? this.summaryOf(gssp.fn).ctx.retValue?.fields?.get('props') : undefined;
        return props ?? { flows: [], obj: 'request' };
      }
      void parentMethod;
      return { flows: [{ o: { k: 'p', i, f: ctx.id }, m: 0, t: [] }] };
    });
  }

  private isNextComponentOrHandler(fn: Node, i: number): boolean {
    const p = fn.parent;
    const exported = p?.type === 'ExportDefaultDeclaration' || p?.type === 'ExportNamedDeclaration' || fn.type === 'FunctionDeclaration' && fn.parent?.type?.startsWith('Export');
    if (!exported) return false;
    const name = fn.id?.name ?? '';
    if (/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) return i === 1;
    return i === 0 && (p?.type === 'ExportDefaultDeclaration' || /^[A-Z]/.test(name) || name === 'generateMetadata');
  }

  private isController(fn: Node): boolean {
    const m = fn.parent;
    if (m?.type !== 'MethodDefinition') return false;
    const cls = m.parent?.parent;
    const isCtl = (cls?.decorators ?? []).some((d: Node) => /^Controller$/.test(lastName(unwrap(d.expression)?.type === 'CallExpression' ? unwrap(d.expression)!.callee : d.expression) ?? ''));
    if (!isCtl) return false;
    return (m.decorators ?? []).some((d: Node) => /^(Get|Post|Put|Patch|Delete|All|Head|Options)$/.test(lastName(unwrap(d.expression)?.type === 'CallExpression' ? unwrap(d.expression)!.callee : d.expression) ?? ''));
  }

  /** Interprets a function body with symbolic parameters once, and remembers the result. */
  private summaryOf(fn: FnVal): { ctx: FnCtx; done: boolean } {
    const known = this.summaries.get(fn.node);
    if (known) return known;
    const ctx = this.newCtx(fn.node, this.isController(fn.node));
    const entry = { ctx, done: false };
    this.summaries.set(fn.node, entry);
    this.evaluated.add(fn.node);
    const scope = new Scope(fn.scope, ctx);
    if (fn.thisVal) scope.vars.set('this', fn.thisVal);
    const params = this.paramValues(fn.node, ctx);
    fn.node.params.forEach((p: Node, i: number) => this.bindPattern(p.type === 'TSParameterProperty' ? p.parameter : p, params[i], scope, true, p));
    this.summaryDepth++;
    try {
      this.body(fn.node, scope);
    } finally {
      this.summaryDepth--;
    }
    entry.done = true;
    return entry;
  }

  private body(fn: Node, scope: Scope): void {
    if (fn.body?.type === 'BlockStatement') this.execBlock(fn.body.body, scope);
    else if (fn.body) this.returnValue(this.eval(fn.body, scope), fn.body, scope);
  }

  /** Interprets a callback where it is passed, with the values the caller gives its parameters. */
  private inline(fn: FnVal, args: readonly Value[], scope: Scope, returnsData = false, loop = false): Value {
    if (!returnsData && !this.worthReading(fn.node, args)) return CLEAN;
    if (this.evaluated.has(fn.node)) {
      const s = this.summaries.get(fn.node);
      return s ? this.applySummary(s.ctx, args, fn.node, fn.node) : CLEAN;
    }
    this.evaluated.add(fn.node);
    const ctx = this.newCtx(fn.node, false);
    if (returnsData) ctx.returnsData = true;
    if (args.some((a) => a?.responseSchema)) ctx.responseSchema = true;
    // A callback runs inside its caller: parameter flows of enclosing functions stay theirs.
    const inner = new Scope(fn.scope, ctx);
    const params = this.paramValues(fn.node, ctx, args.length > 0 ? args.map((a) => a ?? CLEAN) : undefined);
    fn.node.params.forEach((p: Node, i: number) => this.bindPattern(p.type === 'TSParameterProperty' ? p.parameter : p, params[i] ?? CLEAN, inner, true, p));
    ctx.sanitized.unshift(...scope.fn.sanitized);
    this.inlineDepth++;
    try {
      // A forEach/map callback is a loop body: read it twice, as loops are, so what one call assigns
      // to an outer variable (`node = node[key]`) reaches the next call.
      if (loop) this.loopBody(fn.node.body.type === 'BlockStatement' ? fn.node.body : { type: 'ExpressionStatement', expression: fn.node.body, parent: fn.node }, inner);
      else this.body(fn.node, inner);
    } finally {
      this.inlineDepth--;
    }
    // Sinks found on the callback's own symbolic parameters belong to it; record it as a summary.
    this.summaries.set(fn.node, { ctx, done: true });
    return ctx.retValue ?? { flows: ctx.ret };
  }

  private callFunction(fn: FnVal, args: Value[], call: Node, scope: Scope): Value {
    if (!this.summaries.has(fn.node) && !this.worthReading(fn.node, args)) return CLEAN;
    const s = this.summaryOf(fn);
    if (!s.done) return CLEAN; // recursion: the summary is still being computed
    return this.applySummary(s.ctx, args, call, fn.node, scope);
  }

  /** What a call does, from the callee's summary: its sinks reached through arguments and its return value. */
  private applySummary(ctx: FnCtx, args: readonly Value[], call: Node, fnNode: Node, scope?: Scope): Value {
    const name = fnNode.id?.name ?? lastName(call.callee) ?? 'function';
    const callStep = (i: number): Step => this.step(call.arguments?.[i] ?? call, `passed to \`${name}()\`${fnNode.params?.[i] ? ` as \`${this.text(fnNode.params[i], 20)}\`` : ''}`);
    // A flow of one field of a parameter takes that field of an object-literal argument, else the whole argument.
    const argOf = (i: number, fld: string | undefined): Value | undefined => {
      const a = args[i] && args[i].text !== undefined ? { ...args[i], flows: hostPinned(args[i]) } : args[i];
      if (fld === undefined || !a) return a;
      if (a.upload && UPLOAD_SERVER_FIELDS.has(fld) && !this.clientNamedField(fld)) return CLEAN;
      return a.fields?.get(fld) ?? a;
    };
    for (const ps of ctx.sinks) {
      const a = argOf(ps.i, ps.fld);
      if (!a) continue;
      // A merge/set helper pollutes where it is called with input: report the call.
      const sink = ps.sink;
      for (const f of a.flows) {
        const m = f.m | ps.m;
        if (blockedAt(m, ps.cls, sink.broadcast)) continue;
        const combined: Flow = { o: f.o, m, t: capSteps([...f.t, callStep(ps.i), ...ps.t]) };
        this.reach(combined, ps.cls, sink, call, scope ?? this.moduleScope);
      }
    }
    // Calls to imported functions inside the callee, made with its parameters: add this call's
    // arguments, to whole arguments and to the fields of object-literal ones (`save({ name })`).
    // Indexed loops: this runs on every call of a local function, over every call record so far.
    const withArguments = (flows: readonly Flow[]): Flow[] | undefined => {
      let add: Flow[] | undefined;
      for (let k = 0; k < flows.length; k++) {
        const f = flows[k];
        if (f.o.k !== 'p' || f.o.f !== ctx.id) continue;
        const a = argOf(f.o.i, f.o.fld);
        if (!a) continue;
        for (const af of a.flows) (add ??= []).push({ o: af.o, m: af.m | f.m, t: capSteps([...af.t, callStep(f.o.i), ...f.t]) });
      }
      return add && mergeFlows([flows, add]);
    };
    for (let r = 0; r < this.calls.length; r++) {
      const recArgs = this.calls[r].args;
      for (let j = 0; j < recArgs.length; j++) {
        const merged = withArguments(recArgs[j]);
        if (merged) recArgs[j] = merged;
      }
      const argFields = this.calls[r].argFields;
      if (!argFields) continue;
      for (let j = 0; j < argFields.length; j++) {
        const fields = argFields[j];
        if (!fields) continue;
        for (const [k, flows] of Object.entries(fields)) {
          const merged = withArguments(flows);
          if (merged) fields[k] = merged;
        }
      }
    }
    const out: Flow[] = [];
    for (const rf of ctx.ret) {
      if (rf.o.k === 'p' && rf.o.f === ctx.id) {
        const a = argOf(rf.o.i, rf.o.fld);
        if (!a) continue;
        for (const af of a.flows) out.push({ o: af.o, m: af.m | rf.m, t: capSteps([...af.t, callStep(rf.o.i), ...rf.t, this.step(call, `returned by \`${name}()\``)]) });
      } else {
        out.push(rf);
      }
    }
    const rv = ctx.retValue;
    const record = rv?.record || (rv?.flows ?? []).length === 0 ? rv?.record : undefined;
    return { flows: mergeFlows([out]), fn: rv?.fn, fields: rv?.fields && out.length === 0 ? rv.fields : undefined, record, object: rv?.object, cls: rv?.cls, obj: rv?.obj };
  }

  /**
   * For `this.m` or `super.m` inside a class that extends a class imported from a project module
   * and defines no `m` itself: that import, whose class has `m`.
   */
  private importedSuperclass(callee: Node): Binding | undefined {
    const obj = unwrap(callee.object);
    if (obj?.type !== 'ThisExpression' && obj?.type !== 'Super') return undefined;
    let cls: Node | null | undefined = callee.parent;
    while (cls && cls.type !== 'ClassDeclaration' && cls.type !== 'ClassExpression') cls = cls.parent;
    const superName = cls && unwrap(cls.superClass)?.type === 'Identifier' ? unwrap(cls.superClass)!.name : undefined;
    if (!superName) return undefined;
    const name = propertyName(callee.property, callee.computed);
    if (obj.type === 'ThisExpression' && cls!.body.body.some((m: Node) => propertyName(m.key, m.computed) === name)) return undefined;
    const b = moduleBindings(this.sourceCode).get(superName);
    return b && this.isProjectModule(b.module) ? b : undefined;
  }

  private importedCall(binding: Binding, args: Value[], node: Node, scope: Scope): Value {
    void scope;
    // Callbacks passed to another file's function are still read here.
    for (const a of args) if (a.fn && !this.evaluated.has(a.fn.node)) this.inline(a.fn, [], scope);
    if (this.calls.length >= 512) return CLEAN;
    const c = this.calls.length;
    // `{ account, reference }` written at the call: each field's flows, for callee sinks on one field.
    const argFields = args.map((a, i): Record<string, Flow[]> | null => {
      const lit = unwrap(node.arguments?.[i]);
      if (!a.fields || lit?.type !== 'ObjectExpression' || lit.properties.some((p: Node) => p.type !== 'Property') || a.fields.size > 32) return null;
      const out: Record<string, Flow[]> = {};
      for (const [k, v] of a.fields) if (v.flows.length > 0) out[k] = v.flows.slice(0, MAX_FLOWS) as Flow[];
      return out;
    });
    this.calls.push({
      spec: binding.module,
      path: binding.path,
      args: args.map((a) => hostPinned(a).slice(0, MAX_FLOWS) as Flow[]),
      ...(argFields.some((f) => f !== null) ? { argFields } : {}),
      step: this.step(node, `calls \`${this.text(node.callee, 30)}()\` in ${binding.module}`),
    });
    return { flows: [{ o: { k: 'r', c }, m: 0, t: [] }] };
  }

  // ---------------------------------------------------------------------------------
  // JSX

  private jsx(node: Node, scope: Scope): void {
    forEachNode(node, (n) => {
      if (n.type === 'JSXAttribute' && n.name?.name === 'dangerouslySetInnerHTML' && n.value?.type === 'JSXExpressionContainer') {
        const v = this.eval(n.value.expression, scope);
        const html = v.fields?.get('__html') ?? v;
        this.sinkValue('xss', html, n, scope, '`dangerouslySetInnerHTML`');
      } else if (n.type === 'JSXExpressionContainer' && n.parent?.type !== 'JSXAttribute') {
        this.eval(n.expression, scope);
      }
    });
  }
}

const MESSAGES: Record<TaintClass, string> = {
  'sql-injection': 'SQL injection: request input reaches SQL text',
  'nosql-injection': 'NoSQL injection: request input (possibly an operator object) reaches a query filter',
  'command-injection': 'Command injection: input reaches a shell command',
  'code-injection': 'Code injection: input is executed as code',
  'path-traversal': 'Path traversal: input chooses a file path without a containment check',
  ssrf: 'Server-side request forgery: input chooses where the server sends a request',
  'open-redirect': 'Open redirect: input chooses where the client is redirected',
  xss: 'Cross-site scripting: input is written into HTML without escaping',
  'prototype-pollution': 'Prototype pollution: input chooses the keys of an object write',
  redos: 'ReDoS: input becomes a regular expression',
  xxe: 'XML external entities: input is parsed with entity substitution on',
  'xpath-injection': 'XPath injection: input reaches an XPath expression',
  'xml-injection': 'XML injection: input is spliced into XML markup',
  'ldap-injection': 'LDAP injection: input reaches an LDAP filter',
  'log-injection': 'Log injection: input with line breaks reaches a log line',
  'insecure-deserialization': 'Insecure deserialization: input is deserialized by a library that can run code',
  'header-injection': 'Header injection: input reaches a response header value',
  'template-injection': 'Server-side template injection: input becomes template source',
  'data-leak': 'Data leak: whole records or secret fields reach a response',
};

/**
 * How a dynamic part of a built string shows in Value.text: \0 when it holds input read in this
 * function, \u0002 when it may hold input only through a parameter or another file's function
 * (decided later), \u0001 when not.
 */
function holeText(v: Value): string {
  // '_' stands for the first character, known to be no slash or backslash.
  if (v.noLeadingSlash) return `_${holeText({ ...v, noLeadingSlash: false })}`;
  if (v.text !== undefined && v.text.length < 2000) return v.text;
  const hostBits = classMask(['open-redirect', 'ssrf']);
  const open = v.flows.filter((f) => (f.m & hostBits) !== hostBits);
  if (open.length === 0) return '\u0001';
  return open.some((f) => f.o.k === 's') ? '\u0000' : '\u0002';
}

/**
 * The flows of a value handed to a function: a URL or path built with its host fixed before any
 * input (`'/unread?' + query`) carries that on its flows, since the callee sees flows, not text.
 */
function hostPinned(v: Value): readonly Flow[] {
  if (v.text === undefined || v.flows.length === 0 || !fixedHost(v.text.replace(/\u0002/g, '\u0000'))) return v.flows;
  const bits = classMask(['open-redirect', 'ssrf']);
  return v.flows.map((f) => ((f.m & bits) === bits ? f : { ...f, m: f.m | bits }));
}

/**
 * The flows of a built URL that may still choose its host: none when the text pins it; only the
 * parameter and cross-file flows when the pin holds for input read here but depends on them.
 */
function hostChoosers(v: Value): readonly Flow[] {
  const text = v.text;
  if (text === undefined) return v.flows;
  if (!text.includes('\u0002')) return fixedHost(text) ? [] : v.flows;
  if (fixedHost(text.replace(/\u0002/g, '\u0000'))) return [];
  return fixedHost(text.replace(/\u0002/g, '\u0001')) ? v.flows.filter((f) => f.o.k !== 's') : v.flows;
}

/** A URL whose scheme and host (or a single-slash path) come before any input. */
function fixedHost(text: string): boolean {
  const hole = text.indexOf('\u0000');
  const prefix = hole < 0 ? text : text.slice(0, hole);
  return (
    /^([a-z][a-z0-9+.-]*|\u0001):\/\/[^/?#@\u0000]+[/?#]/i.test(prefix) ||
    /^([a-z][a-z0-9+.-]*|\u0001):\/\/[^/?#@\u0000]*\u0001/i.test(prefix) ||
    /^\/[^/\\\u0000\u0001]/.test(prefix) ||
    // `${config.basePath}/user/${slug}`: a whole path segment written before the input ends any host part;
    // `${base}/?${params}`: after a ? or # the input is query or fragment.
    /\/[^/\\\u0001]+\//.test(prefix) ||
    /[?#]/.test(prefix)
  );
}

interface TableIndex {
  /** "method:query", "global:eval", "new:RegExp", "module:child_process:exec". */
  readonly sinks: Map<string, SinkSpec[]>;
  readonly properties: readonly SinkSpec[];
  readonly sanitizerNames: ReadonlySet<string>;
  readonly sanitizerPattern: RegExp;
  /** The sanitizers of each kind, in table order (a call is tested against one kind). */
  readonly returnSanitizers: readonly SanitizerSpec[];
  readonly guardSanitizers: readonly SanitizerSpec[];
}

const indexCache = new WeakMap<TaintTables, TableIndex>();

/** The tables keyed by what a call looks like, so each call looks at a handful of entries. */
function indexTables(tables: TaintTables): TableIndex {
  const known = indexCache.get(tables);
  if (known) return known;
  const sinks = new Map<string, SinkSpec[]>();
  const properties: SinkSpec[] = [];
  const add = (key: string, s: SinkSpec): void => {
    const list = sinks.get(key);
    if (list) list.push(s);
    else sinks.set(key, [s]);
  };
  for (const s of tables.sinks) {
    if (s.match === 'property') properties.push(s);
    else if (s.match === 'module') add(`module:${s.module}:${s.name}`, s);
    else if (s.match === 'new') add(`new:${s.name.slice(s.name.lastIndexOf('.') + 1)}`, s);
    else add(`${s.match}:${s.name}`, s);
  }
  const sanitizerNames = new Set<string>();
  const patterns: string[] = [];
  for (const s of tables.sanitizers) {
    if (typeof s.name === 'string') sanitizerNames.add(s.name.slice(s.name.lastIndexOf('.') + 1));
    else patterns.push(`(?:${s.name.source})`);
  }
  const index = {
    sinks, properties, sanitizerNames, sanitizerPattern: new RegExp(patterns.join('|') || '(?!)'),
    returnSanitizers: tables.sanitizers.filter((s) => s.kind === 'return'),
    guardSanitizers: tables.sanitizers.filter((s) => s.kind === 'guard'),
  };
  indexCache.set(tables, index);
  return index;
}

/** Whether a sanitizer's name (a string, or a pattern) names `n`. */
function specNameIs(spec: SanitizerSpec, n: string | undefined): boolean {
  return n !== undefined && (typeof spec.name === 'string' ? spec.name === n : spec.name.test(n));
}

function inputCleared(input: { string?: boolean; noNewlines?: boolean }): number {
  return INPUT_CLEARED | (input.string ? classBit('nosql-injection') : 0) | (input.noNewlines ? classMask(['log-injection', 'header-injection']) : 0);
}

/** A literal, or an object/array literal of nothing but literals: `ApiKey: { type: 'apiKey', in: 'query' }` in a schema. */
function constantStructure(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'ObjectExpression') return n.properties.every((p: Node) => p.type === 'Property' && !p.computed && constantStructure(p.value));
  if (n.type === 'ArrayExpression') return n.elements.every((e: Node | null) => e === null || constantStructure(e));
  if (n.type === 'Literal' && n.value === null) return true;
  if (n.type === 'Identifier' && (n.name === 'undefined' || n.name === 'String' || n.name === 'Number' || n.name === 'Boolean')) return true;
  return staticValue(n) !== undefined;
}

/** `opts.ip` of a parameter `opts`: its flows become flows of that field (one level deep). */
/**
 * The flows of each field of the object literals a function returns (`{ text, values }`), so a
 * caller in another file reading one field gets that field's flows only. None when the function
 * may return anything else, or the objects have too many fields to keep.
 */
function retFieldsOf(shape: Map<string, Value> | null | undefined, keep: (f: Flow) => boolean): { retFields?: Record<string, Flow[]> } {
  if (!shape || shape.size === 0 || shape.size > 32) return {};
  const out: Record<string, Flow[]> = {};
  for (const [k, v] of shape) out[k] = v.flows.filter(keep).slice(0, MAX_FLOWS) as Flow[];
  return { retFields: out };
}

/** Field `key` of a value: flows of a parameter, or of another file's return value, narrow to that field of it. */
function fieldOfParams(flows: readonly Flow[], key: string): Flow[] {
  const narrows = (f: Flow): boolean => (f.o.k === 'p' || f.o.k === 'r') && f.o.fld === undefined;
  if (!flows.some(narrows)) return flows as Flow[];
  return flows.map((f) => (narrows(f) ? { ...f, o: { ...f.o, fld: key } as Origin } : f));
}

function capSteps(steps: Step[]): Step[] {
  return steps.length <= MAX_STEPS ? steps : [...steps.slice(0, MAX_STEPS / 2), ...steps.slice(steps.length - MAX_STEPS / 2)];
}

function originKey(o: Origin): string {
  return o.k === 's' ? `s${o.src.step.line}:${o.src.step.column}:${o.src.label}` : o.k === 'p' ? `p${o.f}:${o.i}${o.fld === undefined ? '' : `.${o.fld}`}` : o.k === 'r' ? `r${o.c}${o.fld === undefined ? '' : `.${o.fld}`}` : `f${o.name}`;
}

/** Union of flow lists, one flow per origin and mask, at most MAX_FLOWS. */
export function mergeFlows(lists: readonly (readonly Flow[])[]): Flow[] {
  const out: Flow[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    for (const f of list) {
      const key = `${originKey(f.o)}|${f.m}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
      if (out.length >= MAX_FLOWS) return out;
    }
  }
  return out;
}

/** `.select()`, `.select('*')`, `.select('c.*')`: a projection call that still selects every column. */
function selectsEverything(call: Node): boolean {
  if (lastName(call.callee) !== 'select') return false;
  return call.arguments.every((a: Node) => /^(\w+\.)?\*$/.test(staticValue(a) ?? ''));
}

/**
 * A module of the project rather than a package, by its specifier alone: a relative or absolute
 * path, or a path alias in the `@/lib/x` and `~/lib/x` style of Next.js and Nuxt (no npm package
 * is named `@` or `~`).
 */
function isProjectPath(spec: string): boolean {
  return spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('@/') || spec.startsWith('~/');
}

/** An export of an SSRF-filtering agent package (request-filtering-agent's useAgent). */
function isFilteringAgent(binding: Binding | undefined): boolean {
  return !!binding && SSRF_FILTERING_AGENTS.some((a) => a.module === binding.module && a.name.test(binding.path.join('.')));
}

/** Request options whose agent filters addresses: `{ agent }`, axios `{ httpsAgent }`, got `{ agent: { https } }`. */
function carriesFilteringAgent(options: Value): boolean {
  return AGENT_FIELDS.some((k) => {
    const agent = options.fields?.get(k);
    return !!agent && (!!agent.filteringAgent || [...(agent.fields?.values() ?? [])].some((a) => a.filteringAgent));
  });
}

/** Whether a class member carries the decorator `@name` or `@name(...)`. */
function hasDecorator(member: Node | null | undefined, name: string): boolean {
  return (member?.decorators ?? []).some((d: Node) => {
    const e = unwrap(d.expression);
    return lastName(e?.type === 'CallExpression' ? e.callee : e) === name;
  });
}

function objectProp(obj: Node, name: string): Node | undefined {
  for (const p of obj.properties) if (p.type === 'Property' && propertyName(p.key, p.computed) === name) return unwrap(p.value) ?? undefined;
  return undefined;
}

function isResponseChain(node: Node | undefined): boolean {
  // res.status(404).send(...), reply.code(200).type('text/html').send(...)
  let n = unwrap(node);
  while (n && n.type === 'CallExpression' && unwrap(n.callee)?.type === 'MemberExpression') n = unwrap(unwrap(n.callee)!.object);
  return !!n && n.type === 'Identifier' && RESPONSE_NAMES.has(n.name);
}

const methodsCache = new WeakMap<Node, Map<string, Node>>();

/** A class's methods (and function-valued fields) by name. */
function classMethods(cls: Node): Map<string, Node> {
  let m = methodsCache.get(cls);
  if (!m) {
    m = new Map();
    for (const member of cls.body.body) {
      if (member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') continue;
      const name = propertyName(member.key, member.computed);
      const fnNode = member.type === 'MethodDefinition' ? member.value : unwrap(member.value);
      if (name && isFunctionNode(fnNode) && !m.has(name)) m.set(name, fnNode!);
    }
    methodsCache.set(cls, m);
  }
  return m;
}

const classCache = new WeakMap<Node, Node | null>();

function enclosingClass(node: Node): Node | undefined {
  const fn = node.parent;
  if (fn && classCache.has(fn)) return classCache.get(fn) ?? undefined;
  const found = enclosingClassUncached(node);
  if (fn) classCache.set(fn, found ?? null);
  return found;
}

function enclosingClassUncached(node: Node): Node | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) if (cur.type === 'ClassBody') return cur.parent ?? undefined;
  return undefined;
}

/** Every node below `root` (iterative). */
function forEachNode(root: Node, visit: (n: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    for (const key in n) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) if (v[i] && typeof v[i].type === 'string') stack.push(v[i]);
      } else if (v && typeof v === 'object' && typeof v.type === 'string') stack.push(v);
    }
  }
}

const hintCache = new WeakMap<TaintTables, RegExp>();

/**
 * A cheap test on a file's text: could it hold a source at all (request objects, handlers, input globals)?
 * Global (`g`), for listing every hint with exec; compiled once per table set, not once per file.
 */
function sourceHint(tables: TaintTables): RegExp {
  let re = hintCache.get(tables);
  if (!re) {
    const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const extra = [...tables.globalInputs.filter((g) => g.path !== 'process.env').map((g) => g.path), ...tables.requestInputs.filter((r) => r.frameworks === 'config').map((r) => r.name)].map(escape);
    re = new RegExp(
      [
        // Request objects in use (a bare word "context" or "request" is everywhere in libraries).
        String.raw`\b(req|request|ctx|context|incomingMessage)\s*\??\.\s*(query|params|body|headers|cookies|signedCookies|get|header|param|url|originalUrl|path|payload|json|text|formData|request|nextUrl|files?|rawBody|search|querystring|href|on|state|hostname)\b`,
        String.raw`\(\s*\{[^)]{0,200}\b(query|body|params|headers|payload|searchParams|cookies)\b[^)]{0,200}\}\s*[,)]`,
        String.raw`\(\s*(req|request|ctx)\s*[,)]`,
        String.raw`\b(location|searchParams|nextUrl|getServerSideProps|getStaticProps|createServer)\b`,
        String.raw`document\.(URL|referrer)|window\.name`,
        String.raw`@(Query|Body|Param|Headers|Req|Request|Cookies|Args)\b`,
        String.raw`\.on\(\s*['"](message|data|connection|request)`,
        String.raw`\.(get|post|put|patch|delete|all|use|route|head|options)\(\s*['"\`/{]`,
        ...extra.map((e) => String.raw`\b${e}`),
      ].join('|'),
      'g',
    );
    hintCache.set(tables, re);
  }
  return re;
}

const cache = new WeakMap<object, FileTaint>();
/** Notes a response content type a handler declares: not HTML (no XSS there), XML (XML injection there). */
function markContentType(fn: FnCtx, type: string | undefined): void {
  if (type === undefined) return;
  if (NON_HTML_TYPE.test(type)) fn.nonHtml = true;
  if (/xml/i.test(type)) fn.xmlBody = true;
}

/** A response written in this file (`res.json(`, `reply.send(`, `ctx.body =`, `h.response(`). */
const RESPONSE_WRITE = /\b(res|response|reply|ctx)\s*\.\s*(json|jsonp|send|end|write|render|redirect)\s*\(|\bctx\.body\s*=|\bh\.response\(/;

/** The taint results of a file, computed once per syntax tree and shared by the taint rules. */
export function taintOf(sourceCode: RuleSourceCode, file: string, tables?: TaintTables, readFile?: ProjectFileReader, deferExports = false): FileTaint {
  const known = cache.get(sourceCode.ast);
  if (known) return known;
  // TypeScript files are parsed in worker processes only (see scan.ts), so they are never re-read
  // later. A file writing responses is read whole: a helper like sendAll(res) may send records.
  const defer = deferExports && !/\.[cm]?tsx?$/.test(file) && !RESPONSE_WRITE.test(sourceCode.text);
  const result = new TaintAnalyzer(sourceCode, file, tables, readFile, defer).run();
  cache.set(sourceCode.ast, result);
  return result;
}

/** The taint results if a taint rule already computed them for this tree. */
export function cachedTaint(ast: Node): FileTaint | undefined {
  return cache.get(ast);
}

export type { ExportSummary };
