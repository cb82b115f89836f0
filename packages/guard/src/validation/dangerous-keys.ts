/**
 * Structural checks on untrusted input, before any route sees it:
 * - prototype keys (`__proto__`, `constructor`, `prototype`) in bodies and query strings, the
 *   raw material of prototype pollution through merge/set-by-path helpers;
 * - operator objects (`{"$ne": null}`, `user[$ne]=`), which turn a string comparison into a
 *   MongoDB query operator (NoSQL injection).
 * Iterative with a node budget: hostile nesting can neither blow the stack nor burn CPU.
 */

export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface DangerousKeyOptions {
  /** Refuse `__proto__`, `constructor` and `prototype` keys. Default true. */
  readonly prototypeKeys: boolean;
  /** Refuse `$`-prefixed keys (MongoDB operators) in bodies and nested query keys. Default true. */
  readonly operatorKeys: boolean;
}

export interface DangerousKey {
  readonly kind: 'prototype-key' | 'operator-key';
  /** Where: `body.user.$ne`, `query.user[$ne]`. Built from keys, truncated. */
  readonly path: string;
}

/** Objects and arrays visited before giving up (the input is then refused as too complex). */
export const MAX_NODES = 100_000;

function isOperator(key: string): boolean {
  return key.length > 1 && key.charCodeAt(0) === 36 /* $ */;
}

/** The first dangerous key in a parsed value (JSON body, parsed form or query object), or undefined. */
export function findDangerousKey(value: unknown, options: DangerousKeyOptions, root: string): DangerousKey | { readonly kind: 'too-complex'; readonly path: string } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const stack: { node: object; path: string }[] = [{ node: value, path: root }];
  let visited = 0;
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (++visited > MAX_NODES) return { kind: 'too-complex', path: root };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child = node[i];
        if (child !== null && typeof child === 'object') stack.push({ node: child, path: `${path}[${i}]` });
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      if (options.prototypeKeys && PROTOTYPE_KEYS.has(key)) return { kind: 'prototype-key', path: shorten(`${path}.${key}`) };
      if (options.operatorKeys && isOperator(key)) return { kind: 'operator-key', path: shorten(`${path}.${key}`) };
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push({ node: child, path: `${path}.${key}` });
    }
  }
  return undefined;
}

/**
 * Checks the raw query string's keys, whatever parser the framework uses later: qs
 * (Express 4) turns `user[$ne]=` into an operator object and `a[__proto__][x]=` into a
 * pollution attempt, while flat parsers keep them as odd keys. Segments are split on `[`, `]`
 * and `.`; an operator counts only below the top level, so OData-style `?$top=10` stays usable.
 */
export function findDangerousQueryKey(rawQuery: string, options: DangerousKeyOptions): DangerousKey | undefined {
  let start = 0;
  const end = rawQuery.length;
  while (start < end) {
    let amp = rawQuery.indexOf('&', start);
    if (amp < 0) amp = end;
    const eq = rawQuery.indexOf('=', start);
    const keyEnd = eq >= 0 && eq < amp ? eq : amp;
    const rawKey = rawQuery.slice(start, keyEnd);
    start = amp + 1;
    if (rawKey.length === 0) continue;
    // Cheap pre-filter: nothing to decode or split unless a suspicious character is there.
    if (!rawKey.includes('%') && !rawKey.includes('$') && !rawKey.includes('proto') && !rawKey.includes('constructor')) continue;
    const key = decodeKey(rawKey);
    const segments = key.split(/[[\].]/);
    let depth = 0;
    for (const segment of segments) {
      if (segment.length === 0) continue;
      if (options.prototypeKeys && PROTOTYPE_KEYS.has(segment)) return { kind: 'prototype-key', path: shorten(`query.${key}`) };
      if (options.operatorKeys && depth > 0 && isOperator(segment)) return { kind: 'operator-key', path: shorten(`query.${key}`) };
      depth++;
    }
  }
  return undefined;
}

function decodeKey(raw: string): string {
  const plus = raw.includes('+') ? raw.replace(/\+/g, ' ') : raw;
  if (!plus.includes('%')) return plus;
  try {
    return decodeURIComponent(plus);
  } catch {
    // Malformed escapes: qs and querystring keep such a key as is; so do we.
    return plus;
  }
}

function shorten(path: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = path.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 120)}…` : clean;
}

/**
 * A copy of `value` without prototype and operator keys (at any depth), for bodies a parser
 * produces after the guard already let the request through, where refusing is no longer
 * possible: the handler gets the harmless rest. Containers past MAX_NODES are dropped.
 */
export function withoutDangerousKeys(value: unknown, options: DangerousKeyOptions): unknown {
  let budget = MAX_NODES;
  function copy(node: unknown, depth: number): unknown {
    if (node === null || typeof node !== 'object') return node;
    if (--budget < 0 || depth > 64) return undefined;
    if (Array.isArray(node)) return node.map((item) => copy(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      if ((options.prototypeKeys && PROTOTYPE_KEYS.has(key)) || (options.operatorKeys && isOperator(key))) continue;
      out[key] = copy((node as Record<string, unknown>)[key], depth + 1);
    }
    return out;
  }
  return copy(value, 0);
}
