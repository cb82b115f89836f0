import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeAnalysis, MAX_PATHS_PER_PACKAGE, rememberAnalysis, type GraphAnalysis } from '../graph.js';
import type { Anchor, Edge, EdgeKind, Importer, LockGraph, LockNode, PackageSource } from '../model.js';

/**
 * A cache of parsed lockfile graphs, so that a warm `rampart deps` does not parse a large
 * lockfile again. An entry is used only when its key matches: a SHA-256 of the lockfile's
 * bytes, of every package.json the parser read, of the parsers' own code and of the parsing
 * library's version. The payload carries its own SHA-256 and is checked for shape; anything
 * that does not verify is ignored and the lockfile is parsed, so a corrupt or stale entry
 * never changes the answer.
 */

/** Bumped when the entry layout changes. */
const CACHE_LAYOUT = 2;
/** Folder under the cache folder (beside the advisory indexes). */
export const GRAPH_CACHE_FOLDER = 'lockfile-graphs';
/** Smaller lockfiles parse in a few milliseconds: caching them would only fill the folder. */
export const MIN_CACHED_BYTES = 64 * 1024;
/** Entries kept; the oldest go first. One per lockfile path. */
const MAX_ENTRIES = 32;

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The parsing library whose output the graph depends on, per lockfile kind (npm uses JSON.parse). */
const LIBRARY: Readonly<Record<string, string | undefined>> = { yarn: '@yarnpkg/parsers', pnpm: 'js-yaml', bun: 'jsonc-parser' };

let codeHash: string | undefined;

/** What the parsers and the graph analysis are: their own source (this folder, model, graph), so changed code never reads an old entry. */
function parserCode(): string {
  if (codeHash === undefined) {
    const h = createHash('sha256');
    const files = [...readdirSync(HERE).filter((f) => /\.[cm]?[jt]s$/.test(f) && !f.endsWith('.d.ts')).sort().map((f) => join(HERE, f))];
    for (const base of ['model', 'graph']) {
      const file = ['js', 'ts'].map((ext) => join(HERE, '..', `${base}.${ext}`)).find((f) => statSync(f, { throwIfNoEntry: false }));
      if (file) files.push(file);
    }
    for (const f of files) h.update(f.slice(HERE.length)).update('\0').update(readFileSync(f)).update('\0');
    codeHash = h.digest('hex');
  }
  return codeHash;
}

function libraryVersion(kind: string): string {
  const id = LIBRARY[kind];
  if (!id) return '';
  try {
    return `${id}@${String((require(`${id}/package.json`) as { version?: unknown }).version)}`;
  } catch {
    return `${id}@unknown`;
  }
}

/** The inputs a parse depends on besides the lockfile: package.json files (absent ones count too). */
export interface CacheInput {
  readonly path: string;
  readonly text: string | undefined;
}

export interface GraphCacheKey {
  /** The entry's file. */
  readonly file: string;
  /** SHA-256 of everything the graph depends on. */
  readonly key: string;
}

export function graphCacheKey(cacheDir: string, lockfile: string, displayPath: string, kind: string, bytes: Uint8Array, inputs: readonly CacheInput[]): GraphCacheKey {
  const h = createHash('sha256');
  h.update(`rampart-lockfile-graph\0${CACHE_LAYOUT}\0${parserCode()}\0${libraryVersion(kind)}\0${kind}\0${displayPath}\0${bytes.length}\0`);
  h.update(bytes);
  for (const input of inputs) h.update(`\0${input.path}\0${input.text === undefined ? '\u0001absent' : `${input.text.length}\0${input.text}`}`);
  const name = createHash('sha256').update(resolve(lockfile)).digest('hex').slice(0, 32);
  return { file: join(cacheDir, GRAPH_CACHE_FOLDER, `${name}.json`), key: h.digest('hex') };
}

// Compact columns: one string per node and field, edges as flat arrays.
const SOURCES: readonly PackageSource[] = ['registry', 'git', 'tarball', 'file', 'link', 'workspace'];
const KINDS: readonly EdgeKind[] = ['prod', 'dev', 'optional', 'peer'];

interface Payload {
  format: LockGraph['format'];
  formatVersion: string;
  notes: string[];
  key: string[];
  name: string[];
  version: string[];
  /** Index → alias, sourceDetail, anchor.near (sparse). */
  alias: Record<string, string>;
  detail: Record<string, string>;
  near: Record<string, string>;
  /** Anchor needle, null when it is npm's `"<key>": {`. */
  needle: (string | null)[];
  /** Index into SOURCES per node. */
  source: number[];
  /** Flags: 0 none, else 1 + dev + 3 * optional + 9 * peer, each 0 absent, 1 false, 2 true. */
  flags: number[];
  /** Edges per node, then their targets and kinds (index into KINDS). */
  degree: number[];
  to: number[];
  kind: number[];
  importers: { path: string; name?: string; to: number[]; kind: number[] }[];
  /** The graph's analysis (graph.ts): depth, flags and predecessor counts per node, then the predecessors. */
  depth: number[];
  facts: number[];
  predCount: number[];
  preds: number[];
}

const tri = (v: boolean | undefined): number => (v === undefined ? 0 : v ? 2 : 1);
const untri = (n: number): boolean | undefined => (n === 0 ? undefined : n === 2);

/** Every flags value by its code, shared: most nodes of a large lockfile have the same few. */
const FLAGS: readonly (LockNode['flags'] | undefined)[] = Array.from({ length: 28 }, (_, f) => {
  if (f === 0) return undefined;
  const dev = untri((f - 1) % 3);
  const optional = untri(Math.floor((f - 1) / 3) % 3);
  const peer = untri(Math.floor((f - 1) / 9));
  return Object.freeze({ ...(dev !== undefined ? { dev } : {}), ...(optional !== undefined ? { optional } : {}), ...(peer !== undefined ? { peer } : {}) });
});

function encode(graph: LockGraph, analysis: GraphAnalysis): Payload {
  const preds: number[] = [];
  analysis.predCount.forEach((count, i) => {
    for (let j = 0; j < count; j++) preds.push(analysis.predFrom[i * MAX_PATHS_PER_PACKAGE + j]!);
  });
  const p: Payload = {
    format: graph.format,
    formatVersion: graph.formatVersion,
    notes: graph.notes,
    key: [],
    name: [],
    version: [],
    alias: {},
    detail: {},
    near: {},
    needle: [],
    source: [],
    flags: [],
    degree: [],
    to: [],
    kind: [],
    importers: [],
    depth: Array.from(analysis.depth),
    facts: Array.from(analysis.flags),
    predCount: Array.from(analysis.predCount),
    preds,
  };
  graph.nodes.forEach((n, i) => {
    p.key.push(n.key);
    p.name.push(n.name);
    p.version.push(n.version);
    if (n.alias !== undefined) p.alias[i] = n.alias;
    if (n.sourceDetail !== undefined) p.detail[i] = n.sourceDetail;
    if (n.anchor.near !== undefined) p.near[i] = n.anchor.near;
    p.needle.push(n.anchor.needle === `"${n.key}": {` ? null : n.anchor.needle);
    p.source.push(SOURCES.indexOf(n.source));
    p.flags.push(n.flags ? 1 + tri(n.flags.dev) + 3 * tri(n.flags.optional) + 9 * tri(n.flags.peer) : 0);
    p.degree.push(n.deps.length);
    for (const e of n.deps) {
      p.to.push(e.to);
      p.kind.push(KINDS.indexOf(e.kind));
    }
  });
  for (const imp of graph.importers) {
    p.importers.push({ path: imp.path, ...(imp.name !== undefined ? { name: imp.name } : {}), to: imp.deps.map((e) => e.to), kind: imp.deps.map((e) => KINDS.indexOf(e.kind)) });
  }
  return p;
}

const isString = (v: unknown): v is string => typeof v === 'string';

function sparse(v: unknown, n: number): v is Record<string, string> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) {
    const i = Number(k);
    if (!(Number.isInteger(i) && i >= 0 && i < n) || String(i) !== k || !isString((v as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function column(v: unknown, n: number): v is unknown[] {
  return Array.isArray(v) && v.length === n;
}

/** Edges from flat columns, or undefined when a target or kind is out of range. */
function edgeList(to: readonly unknown[], kind: readonly unknown[], from: number, count: number, n: number): Edge[] | undefined {
  const out = new Array<Edge>(count);
  for (let d = 0; d < count; d++) {
    const t = to[from + d];
    const k = kind[from + d];
    if (typeof t !== 'number' || !(t >= 0 && t < n && t % 1 === 0) || typeof k !== 'number' || KINDS[k] === undefined) return undefined;
    out[d] = { to: t, kind: KINDS[k] };
  }
  return out;
}

/**
 * The graph back from a payload, or undefined when anything about it is off. One pass that
 * checks as it builds: it runs once per warm run, before the JIT has warmed up.
 */
function decode(value: unknown, file: string, text: string): LockGraph | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Partial<Payload>;
  if (!Array.isArray(p.key)) return undefined;
  const n = p.key.length;
  if (!['npm', 'yarn-classic', 'yarn-berry', 'pnpm', 'bun'].includes(p.format as string) || !isString(p.formatVersion) || !Array.isArray(p.notes) || !p.notes.every(isString)) return undefined;
  if (!column(p.name, n) || !column(p.version, n) || !column(p.needle, n) || !column(p.source, n) || !column(p.flags, n) || !column(p.degree, n)) return undefined;
  if (!sparse(p.alias, n) || !sparse(p.detail, n) || !sparse(p.near, n) || !Array.isArray(p.to) || !column(p.kind, p.to.length) || !Array.isArray(p.importers)) return undefined;
  const { key, name, version, needle: needles, source, flags: flagCodes, degree, to, kind, alias, detail, near } = p as Payload;
  const nodes = new Array<LockNode>(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const nodeKey = key[i];
    const nodeName = name[i];
    const nodeVersion = version[i];
    const needle = needles[i] === null ? `"${nodeKey}": {` : needles[i];
    const src = SOURCES[source[i]!];
    const count = degree[i];
    const f = flagCodes[i];
    if (typeof nodeKey !== 'string' || typeof nodeName !== 'string' || typeof nodeVersion !== 'string' || typeof needle !== 'string' || src === undefined || typeof f !== 'number' || !(f >= 0 && f < FLAGS.length && f % 1 === 0)) return undefined;
    if (typeof count !== 'number' || !(count >= 0 && count % 1 === 0) || k + count > to.length) return undefined;
    const deps = edgeList(to, kind, k, count, n);
    if (!deps) return undefined;
    k += count;
    const nodeNear = near[i];
    const node: { -readonly [K in keyof LockNode]: LockNode[K] } = { key: nodeKey, name: nodeName, version: nodeVersion, source: src, anchor: nodeNear === undefined ? { needle } : { needle, near: nodeNear }, deps };
    // Assigned, not spread: optional fields stay absent, as the parsers leave them.
    if (alias[i] !== undefined) node.alias = alias[i];
    if (detail[i] !== undefined) node.sourceDetail = detail[i];
    const nodeFlags = FLAGS[f];
    if (nodeFlags) node.flags = nodeFlags;
    nodes[i] = node;
  }
  if (k !== to.length) return undefined;
  const importers: Importer[] = [];
  for (const raw of p.importers as unknown[]) {
    const imp = raw as Partial<Payload['importers'][number]> | null;
    if (typeof imp !== 'object' || imp === null || !isString(imp.path) || (imp.name !== undefined && !isString(imp.name)) || !Array.isArray(imp.to) || !column(imp.kind, imp.to.length)) return undefined;
    const deps = edgeList(imp.to, imp.kind, 0, imp.to.length, n);
    if (!deps) return undefined;
    importers.push(imp.name !== undefined ? { path: imp.path, name: imp.name, deps } : { path: imp.path, deps });
  }
  const graph: LockGraph = { format: p.format!, formatVersion: p.formatVersion!, file, text, nodes, importers, notes: p.notes as string[] };
  const analysis = decodeAnalysis(p, n, importers.length);
  if (!analysis) return undefined;
  rememberAnalysis(graph, analysis);
  return graph;
}

/**
 * The stored analysis, checked: every predecessor sits one level closer to an importer (so the
 * path walk cannot loop), importers only precede direct dependencies.
 */
function decodeAnalysis(p: Partial<Payload>, n: number, importers: number): GraphAnalysis | undefined {
  if (!column(p.depth, n) || !column(p.facts, n) || !column(p.predCount, n) || !Array.isArray(p.preds)) return undefined;
  const depth = new Int32Array(n);
  const flags = new Uint8Array(n);
  const predCount = new Uint8Array(n);
  const predFrom = new Int32Array(n * MAX_PATHS_PER_PACKAGE);
  const preds = p.preds as unknown[];
  for (let i = 0; i < n; i++) {
    const d = p.depth[i];
    const f = p.facts[i];
    const c = p.predCount[i];
    if (typeof d !== 'number' || !(d >= 0 && d <= n && d % 1 === 0) || typeof f !== 'number' || !(f >= 0 && f <= 7 && f % 1 === 0)) return undefined;
    if (typeof c !== 'number' || !(c >= 0 && c <= MAX_PATHS_PER_PACKAGE && c % 1 === 0) || (c > 0) !== (d > 0)) return undefined;
    depth[i] = d;
    flags[i] = f;
    predCount[i] = c;
  }
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < predCount[i]!; j++, k++) {
      const from = preds[k];
      if (typeof from !== 'number' || from % 1 !== 0) return undefined;
      if (from < 0 ? !(from >= -importers && depth[i] === 1) : !(from < n && depth[from] === depth[i]! - 1)) return undefined;
      predFrom[i * MAX_PATHS_PER_PACKAGE + j] = from;
    }
  }
  return k === preds.length ? { depth, flags, predFrom, predCount } : undefined;
}

/**
 * The cached graph for this key, or undefined (no entry, another key, corrupt entry). Never
 * throws: a cache that cannot be read is a cache miss.
 */
export function readCachedGraph(at: GraphCacheKey, file: string, text: string): LockGraph | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(at.file);
  } catch {
    return undefined;
  }
  try {
    const eol = bytes.indexOf(10);
    if (eol < 0) return undefined;
    const header = JSON.parse(bytes.subarray(0, eol).toString('utf8')) as { key?: unknown; sha256?: unknown };
    if (header.key !== at.key) return undefined;
    const payload = bytes.subarray(eol + 1);
    if (header.sha256 !== createHash('sha256').update(payload).digest('hex')) return undefined;
    return decode(JSON.parse(payload.toString('utf8')), file, text);
  } catch {
    return undefined;
  }
}

/** Stores a parsed graph; a cache that cannot be written (read-only, full disk) is skipped silently. */
export function writeCachedGraph(at: GraphCacheKey, graph: LockGraph): void {
  const dir = dirname(at.file);
  const tmp = `${at.file}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    const payload = Buffer.from(JSON.stringify(encode(graph, computeAnalysis(graph))));
    const header = JSON.stringify({ key: at.key, sha256: createHash('sha256').update(payload).digest('hex') });
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${header}\n`), payload]));
    // Renamed into place: a reader sees the old entry or the new one, never half of one.
    renameSync(tmp, at.file);
    prune(dir);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** Keeps the folder bounded: the least recently written entries go. */
function prune(dir: string): void {
  const entries = readdirSync(dir).filter((f) => f.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const dated = entries.map((f) => ({ f, t: statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => a.t - b.t);
  for (const { f } of dated.slice(0, entries.length - MAX_ENTRIES)) rmSync(join(dir, f), { force: true });
}
