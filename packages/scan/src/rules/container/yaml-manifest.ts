/**
 * Reading Kubernetes and Compose YAML with positions. Wraps eemeli/yaml's node API so the
 * rules can ask "what is spec.template.spec here, and on which line" while following
 * anchors, aliases and `<<` merge keys. Documents that do not parse (an unrendered Helm
 * template, a typo) are skipped; the others in the same file are still read.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, YAMLMap } from 'yaml';

// Loaded on the first YAML file: most scans read none, and the library is 70 modules to load.
let yamlLibrary: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

export interface Entry {
  /** The key node, for the line of `name:` or `privileged:`. */
  readonly key: unknown;
  readonly value: unknown;
}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  if (!node || typeof node !== 'object' || !('range' in node)) return undefined;
  return (node as { range?: [number, number, number] | null }).range ?? undefined;
}

/** One parsed YAML document and the line index of its file. */
export class ManifestDocument {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  get root(): unknown {
    return this.doc.contents;
  }

  /** Follows aliases (`*anchor`) to the node they name. */
  resolve(node: unknown): unknown {
    for (let i = 0; i < 16 && yaml().isAlias(node); i++) node = node.resolve(this.doc);
    return yaml().isAlias(node) ? undefined : node;
  }

  private asMap(node: unknown): YAMLMap<unknown, unknown> | undefined {
    const n = this.resolve(node);
    return yaml().isMap(n) ? n : undefined;
  }

  /** The entry for `key` in a mapping: its own keys first (the last one wins), then `<<` merges in order. */
  get(node: unknown, key: string, depth = 0): Entry | undefined {
    const map = this.asMap(node);
    if (!map || depth > 8) return undefined;
    let found: Entry | undefined;
    const merges: unknown[] = [];
    for (const pair of map.items) {
      if (!yaml().isPair(pair)) continue;
      const k = this.scalar(pair.key);
      if (k === key) found = { key: pair.key, value: pair.value };
      else if (k === '<<') merges.push(...(yaml().isSeq(this.resolve(pair.value)) ? this.items(pair.value) : [pair.value]));
    }
    if (found) return found;
    for (const source of merges) {
      const merged = this.get(source, key, depth + 1);
      if (merged) return merged;
    }
    return undefined;
  }

  /** The value at a path of keys, e.g. ["spec", "template", "spec"]. */
  getIn(node: unknown, path: readonly string[]): unknown {
    let cur: unknown = node;
    for (const key of path) {
      cur = this.get(cur, key)?.value;
      if (cur === undefined || cur === null) return undefined;
    }
    return cur;
  }

  /** Every key of a mapping, merged keys included, with its value. */
  entries(node: unknown): { name: string; key: unknown; value: unknown }[] {
    const map = this.asMap(node);
    if (!map) return [];
    const out: { name: string; key: unknown; value: unknown }[] = [];
    for (const pair of map.items) {
      if (!yaml().isPair(pair)) continue;
      const name = this.scalar(pair.key);
      if (typeof name === 'string' && name !== '<<') out.push({ name, key: pair.key, value: pair.value });
    }
    return out;
  }

  /** Items of a sequence; [] for anything else. */
  items(node: unknown): unknown[] {
    const n = this.resolve(node);
    return yaml().isSeq(n) ? n.items : [];
  }

  isMap(node: unknown): boolean {
    return this.asMap(node) !== undefined;
  }

  /** The value of a scalar node (string, number, boolean, null); undefined for collections. */
  scalar(node: unknown): unknown {
    const n = this.resolve(node);
    return yaml().isScalar(n) ? n.value : undefined;
  }

  /** `true`, and the YAML 1.1 spellings Kubernetes' parser also accepts as true (yes, on). */
  isTrue(node: unknown): boolean {
    const n = this.resolve(node);
    if (!yaml().isScalar(n)) return false;
    if (n.value === true) return true;
    return n.type === 'PLAIN' && typeof n.value === 'string' && /^(yes|on|y)$/i.test(n.value);
  }

  /** Whether `inner` is written inside `outer`, rather than reached through an alias or merge. */
  contains(outer: unknown, inner: unknown): boolean {
    const a = rangeOf(outer);
    const b = rangeOf(inner);
    return !!a && !!b && b[0] >= a[0] && b[0] < a[2];
  }

  /** 1-based line and column where a node starts. */
  position(node: unknown, fallback: unknown = this.doc.contents): { line: number; column: number } {
    const range = rangeOf(node) ?? rangeOf(fallback);
    if (!range) return { line: 1, column: 1 };
    const p = this.lines.linePos(range[0]);
    return { line: p.line, column: p.col };
  }
}

let cached: { text: string; docs: ManifestDocument[] } | undefined;

/** The documents of a YAML file that parse cleanly; [] when none does. Never throws. */
export function readYamlDocuments(text: string): ManifestDocument[] {
  if (cached?.text === text) return cached.docs;
  let docs: ManifestDocument[] = [];
  try {
    const lines = new (yaml().LineCounter)();
    const parsed = yaml().parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false, logLevel: 'silent', prettyErrors: false });
    docs = parsed.filter((d) => d.errors.length === 0 && d.contents !== null).map((d) => new ManifestDocument(d, lines));
  } catch {
    docs = []; // e.g. an alias bomb the parser refuses: nothing we can read
  }
  cached = { text, docs };
  return docs;
}
