import { NO_ATTACK, type Inspection } from '../attack.js';

const MAX_DEPTH = 16;
const REGEX_META = /[.*+?()[\]{}|^$\\]/;

function sameShape(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > MAX_DEPTH || !a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameShape((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1));
}

/** Every object and string the client sent (parsed body, query, params), for NoSQL comparison. */
function userValues(sources: readonly unknown[]): { objects: object[]; strings: Set<string> } {
  const objects: object[] = [];
  const strings = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (depth > MAX_DEPTH || objects.length > 512) return;
    if (typeof v === 'string') strings.add(v);
    else if (v && typeof v === 'object') {
      objects.push(v);
      for (const x of Object.values(v)) walk(x, depth + 1);
    }
  };
  for (const s of sources) walk(s, 0);
  return { objects, strings };
}

/**
 * NoSQL injection in a MongoDB filter: an operator object (`{ $ne: null }`, `{ $gt: "" }`) that
 * the client sent as JSON or qs brackets (`password[$ne]=`), a `$where` or `$function` string from
 * the client, or a client `$regex` pattern with regex metacharacters.
 */
export function detectNoSqlInjection(filter: unknown, sources: readonly unknown[]): Inspection & { source?: string } {
  if (!filter || typeof filter !== 'object') return NO_ATTACK;
  const user = userValues(sources);
  if (user.objects.length === 0 && user.strings.size === 0) return NO_ATTACK;
  const hit = (payload: string, reason: string): Inspection & { source?: string } => ({ attack: true, kind: 'nosql-injection', payload, reason, source: 'input' });
  const visit = (node: unknown, depth: number): (Inspection & { source?: string }) | undefined => {
    if (depth > MAX_DEPTH || !node || typeof node !== 'object') return undefined;
    const keys = Object.keys(node);
    const record = node as Record<string, unknown>;
    if (keys.some((k) => k.startsWith('$')) && user.objects.some((o) => sameShape(o, node))) {
      return hit(JSON.stringify(node).slice(0, 200), 'the filter carries a query operator object the client sent');
    }
    for (const key of keys) {
      const value = record[key];
      if ((key === '$where' || key === '$function' || key === '$accumulator') && typeof value === 'string' && user.strings.has(value)) {
        return hit(value, `the client's string runs as ${key} JavaScript`);
      }
      if (key === '$regex' && typeof value === 'string' && user.strings.has(value) && REGEX_META.test(value)) {
        return hit(value, "the client's regular expression is used as $regex");
      }
      const found = visit(value, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return visit(filter, 0) ?? NO_ATTACK;
}
