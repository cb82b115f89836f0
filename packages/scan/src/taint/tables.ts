/**
 * The tables in force: the built-in sources, sinks and sanitizers plus the user's own
 * (`taint` in rampart.config.json), validated with errors that name the entry and the fix.
 */
import { isTaintClass, TAINT_CLASSES, type TaintClass } from './classes.js';
import { GLOBAL_INPUTS, INPUT_DECORATORS, INPUT_EVENTS, REQUEST_INPUTS, type GlobalInput, type RequestInput } from './sources.js';
import { SINKS, type SinkSpec } from './sinks.js';
import { SANITIZERS, type SanitizerSpec } from './sanitizers.js';

export interface TaintTables {
  readonly requestInputs: readonly RequestInput[];
  readonly globalInputs: readonly GlobalInput[];
  readonly inputEvents: typeof INPUT_EVENTS;
  readonly decorators: ReadonlyMap<string, 'input' | 'string-input' | 'request'>;
  readonly sinks: readonly SinkSpec[];
  readonly sanitizers: readonly SanitizerSpec[];
  /** The scanned project's dependencies (package.json), for sinks that depend on a version (js-yaml 3). */
  readonly dependencies?: Readonly<Record<string, string>>;
  /**
   * Dependencies of the nested package.json files of a monorepo, by folder (relative to the root,
   * '/'-separated), for the packages whose version decides a sink (VERSIONED_PACKAGES); a file
   * reads its nearest package.json's ranges first.
   */
  readonly packageDependencies?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Packages whose installed version decides whether a call is a sink (js-yaml 3's `load` runs code, lodash before 4.17.21 merges `__proto__`). */
export const VERSIONED_PACKAGES: readonly string[] = ['js-yaml', 'lodash'];

/**
 * Libraries whose query filters take operator objects ({ "$ne": null }, { not: "" }) straight from
 * JSON: where a project depends on none of them, `findOne(filter)` is some other ORM's (Bookshelf,
 * Objection, Knex) and no NoSQL operator injection can happen there.
 */
export const DOCUMENT_QUERY_PACKAGES: readonly string[] = [
  'mongodb', 'mongoose', 'mongojs', 'monk', 'mongoist', 'mquery', '@typegoose/typegoose', 'typeorm', '@mikro-orm/mongodb',
  'nedb', '@seald-io/nedb', 'nedb-promises', 'lokijs', 'camo', 'mongorito', 'waterline', 'sails', 'sails-mongo',
  '@prisma/client', 'prisma', 'sequelize', 'dynamoose', 'rethinkdb', 'rethinkdbdash', 'thinky', 'couchbase', 'nano', 'pouchdb', 'firebase-admin',
];

/** A library of DOCUMENT_QUERY_PACKAGES, or a framework's MongoDB plugin (`@fastify/mongodb`, `@nestjs/mongoose`, `koa-mongo`). */
export function isDocumentQueryPackage(name: string): boolean {
  return DOCUMENT_QUERY_PACKAGES.includes(name) || /(^|[-/@])mongo/.test(name);
}

/** What a package.json must list for the scanner to decide: versioned packages, document-query libraries, Express's major version. */
export function isDecidingPackage(name: string): boolean {
  return name === 'express' || VERSIONED_PACKAGES.includes(name) || isDocumentQueryPackage(name);
}

/** A source in the config: a request property or method, or a global path. */
export type SourceConfig =
  | { readonly property: string; readonly string?: boolean }
  | { readonly method: string; readonly string?: boolean }
  | { readonly global: string };

/** A sink in the config: a package export (`module` + `function`) or a method (optionally of a receiver name). */
export interface SinkConfig {
  readonly class: TaintClass;
  readonly module?: string;
  readonly function?: string;
  readonly method?: string;
  /** A regular expression the receiver's name must match, e.g. "^db$". */
  readonly receiver?: string;
  /** Arguments that are sinks (default [0]). */
  readonly args?: readonly number[];
}

/** A sanitizer in the config: its result (or, with guard: true, its argument where it returns true) is clean. */
export interface SanitizerConfig {
  readonly module?: string;
  readonly function?: string;
  readonly method?: string;
  readonly classes: 'all' | readonly TaintClass[];
  readonly guard?: boolean;
}

/** The `taint` section of the config. */
export interface TaintConfig {
  readonly sources?: readonly SourceConfig[];
  readonly sinks?: readonly SinkConfig[];
  readonly sanitizers?: readonly SanitizerConfig[];
}

export class TaintConfigError extends Error {}

const CLASSES_HINT = `one of: ${TAINT_CLASSES.join(', ')}`;

function obj(v: unknown, where: string, example: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TaintConfigError(`${where} must be an object such as ${example}`);
  return v as Record<string, unknown>;
}

function onlyKeys(o: Record<string, unknown>, keys: readonly string[], where: string): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new TaintConfigError(`${where} has an unknown key "${k}" (known: ${keys.join(', ')})`);
}

function str(o: Record<string, unknown>, k: string, where: string): string | undefined {
  const v = o[k];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length === 0) throw new TaintConfigError(`${where}.${k} must be a non-empty string`);
  return v;
}

function regex(source: string, where: string): RegExp {
  try {
    return new RegExp(source);
  } catch (err) {
    throw new TaintConfigError(`${where} is not a valid regular expression: ${(err as Error).message}`);
  }
}

/** Validates the `taint` section; throws TaintConfigError naming the entry and the fix. */
export function validateTaintConfig(raw: unknown): TaintConfig {
  const root = obj(raw, '"taint"', '{ "sinks": [{ "class": "sql-injection", "method": "unsafeQuery" }] }');
  onlyKeys(root, ['sources', 'sinks', 'sanitizers'], '"taint"');
  const list = (k: string): unknown[] => {
    const v = root[k];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new TaintConfigError(`"taint.${k}" must be an array`);
    return v;
  };
  const sources = list('sources').map((s, i): SourceConfig => {
    const where = `taint.sources[${i}]`;
    const o = obj(s, where, '{ "property": "rawQuery" }, { "method": "input" } or { "global": "Deno.args" }');
    onlyKeys(o, ['property', 'method', 'global', 'string'], where);
    const kinds = ['property', 'method', 'global'].filter((k) => o[k] !== undefined);
    if (kinds.length !== 1) throw new TaintConfigError(`${where} needs exactly one of "property" (a request field), "method" (a request method) or "global" (a dotted path such as "Deno.args")`);
    if (o.string !== undefined && typeof o.string !== 'boolean') throw new TaintConfigError(`${where}.string must be true or false`);
    const k = kinds[0];
    const value = str(o, k, where)!;
    return k === 'global' ? { global: value } : k === 'property' ? { property: value, string: o.string as boolean | undefined } : { method: value, string: o.string as boolean | undefined };
  });
  const sinks = list('sinks').map((s, i): SinkConfig => {
    const where = `taint.sinks[${i}]`;
    const o = obj(s, where, '{ "class": "sql-injection", "module": "my-db", "function": "unsafe" }');
    onlyKeys(o, ['class', 'module', 'function', 'method', 'receiver', 'args'], where);
    if (!isTaintClass(o.class)) throw new TaintConfigError(`${where}.class must be ${CLASSES_HINT}`);
    const module = str(o, 'module', where);
    const fn = str(o, 'function', where);
    const method = str(o, 'method', where);
    const receiver = str(o, 'receiver', where);
    if (!method && !fn) throw new TaintConfigError(`${where} needs "function" (with "module", or a global function) or "method"`);
    if (method && fn) throw new TaintConfigError(`${where}: give "function" or "method", not both`);
    if (receiver) regex(receiver, `${where}.receiver`);
    if (o.args !== undefined && (!Array.isArray(o.args) || !o.args.every((a) => Number.isInteger(a) && a >= 0))) throw new TaintConfigError(`${where}.args must be an array of argument positions such as [0, 1]`);
    return { class: o.class, module, function: fn, method, receiver, args: o.args as number[] | undefined };
  });
  const sanitizers = list('sanitizers').map((s, i): SanitizerConfig => {
    const where = `taint.sanitizers[${i}]`;
    const o = obj(s, where, '{ "function": "cleanSql", "classes": ["sql-injection"] }');
    onlyKeys(o, ['module', 'function', 'method', 'classes', 'guard'], where);
    const fn = str(o, 'function', where);
    const method = str(o, 'method', where);
    if (!method && !fn) throw new TaintConfigError(`${where} needs "function" or "method"`);
    const classes = o.classes;
    if (classes !== 'all' && !(Array.isArray(classes) && classes.length > 0 && classes.every(isTaintClass))) {
      throw new TaintConfigError(`${where}.classes must be "all" or a list of classes, ${CLASSES_HINT}`);
    }
    if (o.guard !== undefined && typeof o.guard !== 'boolean') throw new TaintConfigError(`${where}.guard must be true or false`);
    return { module: str(o, 'module', where), function: fn, method, classes: classes as SanitizerConfig['classes'], guard: o.guard as boolean | undefined };
  });
  return { sources, sinks, sanitizers };
}

const builtIn: TaintTables = Object.freeze({
  requestInputs: REQUEST_INPUTS,
  globalInputs: GLOBAL_INPUTS,
  inputEvents: INPUT_EVENTS,
  decorators: INPUT_DECORATORS,
  sinks: SINKS,
  sanitizers: SANITIZERS,
});

/** The built-in tables with the user's entries added. */
export function mergeTables(config?: TaintConfig, dependencies?: Readonly<Record<string, string>>, packageDependencies?: TaintTables['packageDependencies']): TaintTables {
  if (!config || ((config.sources?.length ?? 0) === 0 && (config.sinks?.length ?? 0) === 0 && (config.sanitizers?.length ?? 0) === 0)) {
    return dependencies || packageDependencies ? { ...builtIn, dependencies, packageDependencies } : builtIn;
  }
  const requestInputs = [...REQUEST_INPUTS];
  const globalInputs = [...GLOBAL_INPUTS];
  for (const s of config.sources ?? []) {
    if ('global' in s) globalInputs.push({ path: s.global, label: s.global, confidence: 'medium' });
    else if ('property' in s) requestInputs.push({ name: s.property, kind: 'property', string: s.string, frameworks: 'config' });
    else requestInputs.push({ name: s.method, kind: 'call', string: s.string, frameworks: 'config' });
  }
  const sinks: SinkSpec[] = [...SINKS];
  for (const s of config.sinks ?? []) {
    if (s.method) sinks.push({ class: s.class, match: 'method', name: s.method, receiver: s.receiver ? new RegExp(s.receiver) : undefined, args: s.args });
    else if (s.module) sinks.push({ class: s.class, match: 'module', module: s.module, name: s.function ?? '', args: s.args });
    else sinks.push({ class: s.class, match: 'global', name: s.function!, args: s.args });
  }
  const sanitizers: SanitizerSpec[] = [...SANITIZERS];
  for (const s of config.sanitizers ?? []) {
    const kind = s.guard ? 'guard' : 'return';
    if (s.method) sanitizers.push({ kind, match: 'method', name: s.method, classes: s.classes });
    else if (s.module) sanitizers.push({ kind, match: 'module', module: s.module, name: s.function ?? '', classes: s.classes });
    else sanitizers.push({ kind, match: 'global', name: s.function!, classes: s.classes });
  }
  return { requestInputs, globalInputs, inputEvents: INPUT_EVENTS, decorators: INPUT_DECORATORS, sinks, sanitizers, dependencies, packageDependencies };
}
