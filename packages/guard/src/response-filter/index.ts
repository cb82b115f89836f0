import { GuardSetupError } from '../setup-error.js';
import { compileSchema, type Schema, type SchemaCheck } from '../validation/schema.js';

export interface ResponseFilterOptions {
  /**
   * Field names that must never leave in a response body, matched whatever the case or
   * separators: `passwordHash` also catches `password_hash`, `PasswordHash`, `password-hash`.
   */
  readonly denyFields: readonly string[];
}

export const RESPONSE_FILTER_DEFAULTS: ResponseFilterOptions = Object.freeze({
  denyFields: Object.freeze(['password', 'passwordHash', 'passwordSalt', 'ssn', 'socialSecurityNumber', 'token', 'secret', 'clientSecret', 'apiKey', 'privateKey', 'creditCardNumber', 'cvv']),
});

/** `password_hash`, `PasswordHash`, `password-hash` → `passwordhash`. */
export function normalizeFieldName(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

export interface DenyList {
  readonly names: ReadonlySet<string>;
  /** Field name to denied-or-not, remembered for names seen before (responses repeat their keys). */
  readonly seen: Map<string, boolean>;
}

export function compileDenyList(options: ResponseFilterOptions): DenyList {
  if (!Array.isArray(options.denyFields) || options.denyFields.some((f) => typeof f !== 'string' || normalizeFieldName(f) === '')) {
    throw new GuardSetupError('rampart(): `responseFilter.denyFields` must be an array of field names, e.g. ["password", "apiKey"].');
  }
  return { names: new Set(options.denyFields.map(normalizeFieldName)), seen: new Map() };
}

/** Containers visited per response and nesting inspected; beyond them subtrees are dropped. */
const MAX_NODES = 200_000;
const MAX_DEPTH = 64;
/** Names remembered per deny list (up to 64 characters each): keys are the app's field names, but maps keyed by user data must not grow it without bound. */
const MAX_SEEN_NAMES = 4096;

export interface Redaction {
  readonly value: unknown;
  /** Paths of removed fields (`user.passwordHash`), at most 20. */
  readonly removed: string[];
}

function plain(value: unknown): unknown {
  // What JSON.stringify would see: toJSON() first (Mongoose documents, Dates, Decimal128...).
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    try {
      return (value as { toJSON(): unknown }).toJSON();
    } catch {
      return value;
    }
  }
  return value;
}

function isDenied(key: string, deny: DenyList): boolean {
  let denied = deny.seen.get(key);
  if (denied === undefined) {
    denied = deny.names.has(normalizeFieldName(key));
    if (key.length <= 64 && deny.seen.size < MAX_SEEN_NAMES) deny.seen.set(key, denied);
  }
  return denied;
}

/** One walk over a response: the state lives here, so a call allocates no closure and builds a path only for a removal. */
class DenyWalk {
  readonly removed: string[] = [];
  budget = MAX_NODES;
  /** Keys from the root to the object being walked (array items add none). */
  readonly path: string[] = [];

  constructor(
    readonly deny: DenyList,
    readonly allowed: ReadonlySet<string> | undefined,
  ) {}

  note(last: string | undefined, suffix: string): void {
    if (this.removed.length >= 20) return;
    const parts = last === undefined ? this.path : [...this.path, last];
    const text = parts.length === 0 ? '(root)' : parts.join('.');
    this.removed.push((text.length > 120 ? `${text.slice(0, 120)}…` : text) + suffix);
  }

  walk(value: unknown, depth: number): unknown {
    const v = plain(value);
    if (v === null || typeof v !== 'object') return v;
    // Past these bounds nothing is inspected, so nothing is sent: a denied field cannot hide
    // under 65 levels of nesting or after 200 000 objects.
    if (depth > MAX_DEPTH || --this.budget < 0) {
      this.note(undefined, ' (not inspected: too deep or too large)');
      return undefined;
    }
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        // Scalars need no call (a long array of numbers is common).
        const next = item !== null && typeof item === 'object' ? this.walk(item, depth + 1) : item;
        if (next !== item) {
          copy ??= v.slice();
          copy[i] = next;
        }
      }
      return copy ?? v;
    }
    if (ArrayBuffer.isView(v) || v instanceof Map || v instanceof Set) return v;
    let copy: Record<string, unknown> | undefined;
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (isDenied(key, this.deny) && !this.allowed?.has(normalizeFieldName(key))) {
        copy ??= { ...(v as Record<string, unknown>) };
        delete copy[key];
        this.note(key, '');
        continue;
      }
      const child = (v as Record<string, unknown>)[key];
      if (child === null || typeof child !== 'object') continue;
      this.path.push(key);
      const next = this.walk(child, depth + 1);
      this.path.pop();
      if (next !== child) {
        copy ??= { ...(v as Record<string, unknown>) };
        copy[key] = next;
      }
    }
    return copy ?? v;
  }
}

/**
 * Removes every denied field at any depth. Copy-on-write: the app's own objects (a cached user,
 * a Mongoose document) are never mutated; only containers on the way to a denied field are copied.
 */
export function redactDenied(body: unknown, deny: DenyList, allowed?: ReadonlySet<string>): Redaction {
  const walk = new DenyWalk(deny, allowed);
  const value = walk.walk(body, 0);
  return { value, removed: walk.removed };
}

/** A field allowlist as a tree: ['id', 'orders.total'] → { id: true, orders: { total: true } }. */
type FieldTree = { [key: string]: FieldTree | true };

function fieldTree(fields: readonly string[]): FieldTree {
  const root: FieldTree = {};
  for (const f of fields) {
    if (typeof f !== 'string' || f.length === 0) throw new GuardSetupError('rampart(): a response `fields` allowlist takes dotted field paths such as "id" or "orders.total".');
    let node = root;
    const parts = f.split('.');
    parts.forEach((p, i) => {
      if (i === parts.length - 1) node[p] = true;
      else {
        const next = node[p];
        if (next === true) return;
        node = (node[p] = next ?? {}) as FieldTree;
      }
    });
  }
  return root;
}

function project(value: unknown, tree: FieldTree, depth: number): unknown {
  const v = plain(value);
  if (v === null || typeof v !== 'object' || depth > 64) return v;
  if (Array.isArray(v)) return v.map((item) => project(item, tree, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(tree)) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
    const child = (v as Record<string, unknown>)[key];
    out[key] = sub === true ? child : project(child, sub, depth + 1);
  }
  return out;
}

/** A route's response rule: a schema (unlisted fields dropped) or a field allowlist. */
export interface ResponseRule {
  /** zod object (strips unknown keys) or JSON Schema (additional properties removed). */
  readonly schema?: Schema;
  /** Dotted paths kept; everything else is dropped. Arrays are mapped item by item. */
  readonly fields?: readonly string[];
  /** Denied field names this route may send anyway (a login route returning `token`). */
  readonly allowDenied?: readonly string[];
}

export interface CompiledResponseRule {
  apply(body: unknown): { ok: true; value: unknown } | { ok: false; issues: string[] };
  readonly allowDenied: ReadonlySet<string> | undefined;
}

export function compileResponseRule(rule: ResponseRule): CompiledResponseRule {
  let check: SchemaCheck | undefined;
  if (rule.schema !== undefined) check = compileSchema(rule.schema, 'response', 'stripping');
  const tree = rule.fields ? fieldTree(rule.fields) : undefined;
  if (rule.fields !== undefined && !Array.isArray(rule.fields)) throw new GuardSetupError('rampart(): `response.fields` must be an array of field paths.');
  const allowDenied = rule.allowDenied ? new Set(rule.allowDenied.map(normalizeFieldName)) : undefined;
  return {
    allowDenied,
    apply(body) {
      let value = body;
      if (tree) value = project(value, tree, 0);
      if (check) {
        const r = check(plainDeep(value));
        if (!r.ok) return r;
        value = r.value;
      }
      return { ok: true, value };
    },
  };
}

/** Schemas validate what will be serialised, so toJSON() results rather than class instances. */
function plainDeep(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return value;
  }
}
