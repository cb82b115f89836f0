import { createRequire } from 'node:module';
import { GuardSetupError, isPlainObject } from '../setup-error.js';

/**
 * What a route schema can be, duck-typed so neither zod nor ajv is a dependency:
 * - anything with `safeParse(value)` answering `{ success, data, error }` (zod 3 and 4, and
 *   libraries that copy its shape);
 * - a JSON Schema object (has `type`, `properties`, `$ref`, `anyOf`…), compiled with ajv, an
 *   optional peer dependency loaded at setup.
 */
export interface SafeParseSchema {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: unknown };
}
export type JsonSchema = Readonly<Record<string, unknown>>;
export type Schema = SafeParseSchema | JsonSchema;

export type SchemaCheck = (value: unknown) => { ok: true; value: unknown } | { ok: false; issues: string[] };

/** Issues shown to clients: where and what, never the offending value. */
const MAX_ISSUES = 5;

function isSafeParse(schema: unknown): schema is SafeParseSchema {
  return schema !== null && (typeof schema === 'object' || typeof schema === 'function') && typeof (schema as SafeParseSchema).safeParse === 'function';
}

const JSON_SCHEMA_KEYS = ['type', 'properties', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'items', 'required'];

function zodIssues(error: unknown, where: string): string[] {
  const issues = (error as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [`${where}: invalid`];
  return issues.slice(0, MAX_ISSUES).map((i: { path?: unknown[]; message?: unknown }) => {
    const path = Array.isArray(i.path) && i.path.length > 0 ? `${where}.${i.path.map(String).join('.')}` : where;
    return `${path}: ${typeof i.message === 'string' ? i.message.slice(0, 160) : 'invalid'}`;
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ajvInstances: { coercing: any; strict: any; stripping: any } | undefined;

function ajv(kind: 'coercing' | 'strict' | 'stripping') {
  if (!ajvInstances) {
    const require = createRequire(import.meta.url);
    let Ajv: new (options: object) => unknown;
    try {
      const mod = require('ajv');
      Ajv = mod.default ?? mod;
    } catch {
      throw new GuardSetupError('rampart(): a JSON Schema route schema needs ajv: `npm install ajv`. Or pass a zod schema (anything with safeParse).');
    }
    ajvInstances = {
      // Query strings, params and headers arrive as strings: coerce "42" to 42 where the schema says integer.
      coercing: new Ajv({ allErrors: true, coerceTypes: 'array', strict: false }),
      strict: new Ajv({ allErrors: true, strict: false }),
      // Response schemas drop what they do not list.
      stripping: new Ajv({ allErrors: false, removeAdditional: 'all', strict: false }),
    };
  }
  return ajvInstances[kind];
}

/** Compiles a schema once at setup; `where` names the part (`body`, `query`) in messages. */
export function compileSchema(schema: unknown, where: string, mode: 'coercing' | 'strict' | 'stripping'): SchemaCheck {
  if (isSafeParse(schema)) {
    return (value) => {
      const r = schema.safeParse(value);
      return r.success ? { ok: true, value: r.data } : { ok: false, issues: zodIssues(r.error, where) };
    };
  }
  if (isPlainObject(schema) && JSON_SCHEMA_KEYS.some((k) => k in schema)) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let validateFn: any;
    try {
      validateFn = ajv(mode).compile(schema);
    } catch (err) {
      if (err instanceof GuardSetupError) throw err;
      throw new GuardSetupError(`rampart(): the JSON Schema for \`${where}\` does not compile: ${(err as Error).message}`);
    }
    return (value) => {
      // ajv coerces and strips in place: work on a copy so the original request stays as sent.
      const copy = mode === 'strict' ? value : structuredCloneSafe(value);
      if (validateFn(copy)) return { ok: true, value: copy };
      const errors = (validateFn.errors ?? []) as { instancePath?: string; message?: string }[];
      return {
        ok: false,
        issues: errors.slice(0, MAX_ISSUES).map((e) => `${where}${(e.instancePath ?? '').replace(/\//g, '.')}: ${(e.message ?? 'invalid').slice(0, 160)}`),
      };
    };
  }
  throw new GuardSetupError(`rampart(): the schema for \`${where}\` is neither a zod-style schema (with safeParse) nor a JSON Schema object (with type/properties).`);
}

function structuredCloneSafe(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  try {
    return structuredClone(value);
  } catch {
    return JSON.parse(JSON.stringify(value));
  }
}
