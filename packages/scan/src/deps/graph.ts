import type { EdgeKind, LockGraph } from './model.js';

/** What the audit needs to know about one package instance, derived from the whole graph. */
export interface NodeFacts {
  /** Only reachable through devDependencies. */
  readonly dev: boolean;
  /** Only reachable through optional dependencies. */
  readonly optional: boolean;
  /** Only reachable through peer dependencies. */
  readonly peer: boolean;
  /** Depth of the shortest path from an importer (1 = direct dependency); 0 when unreachable. */
  readonly depth: number;
}

/** How many shortest paths are kept per package: huge graphs have millions of paths to a popular package. */
export const MAX_PATHS_PER_PACKAGE = 5;

export interface GraphFacts {
  readonly facts: readonly NodeFacts[];
  /** Up to MAX_PATHS_PER_PACKAGE shortest paths, as node indexes from a direct dependency, plus the importer. */
  paths(node: number): { importer: number; nodes: number[] }[];
}

/** The graph as flat arrays (compressed rows): the walks below touch only integers. */
interface Adjacency {
  readonly start: Uint32Array;
  readonly to: Uint32Array;
  readonly kind: Uint8Array;
}

const KIND_CODE: Readonly<Record<EdgeKind, number>> = { prod: 0, dev: 1, optional: 2, peer: 3 };

function adjacency(graph: LockGraph): Adjacency {
  const n = graph.nodes.length;
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + graph.nodes[i]!.deps.length;
  const to = new Uint32Array(start[n]!);
  const kind = new Uint8Array(start[n]!);
  for (let i = 0; i < n; i++) {
    let k = start[i]!;
    for (const e of graph.nodes[i]!.deps) {
      to[k] = e.to;
      kind[k++] = KIND_CODE[e.kind];
    }
  }
  return { start, to, kind };
}

/** Breadth-first reachability from every importer over the edges whose kind `follow` accepts. */
function reach(graph: LockGraph, adj: Adjacency, follow: readonly boolean[], followFromImporter: readonly boolean[]): Uint8Array {
  const seen = new Uint8Array(graph.nodes.length);
  const queue = new Uint32Array(graph.nodes.length);
  let tail = 0;
  for (const imp of graph.importers) {
    for (const e of imp.deps) {
      if (followFromImporter[KIND_CODE[e.kind]] && !seen[e.to]) {
        seen[e.to] = 1;
        queue[tail++] = e.to;
      }
    }
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    for (let k = adj.start[u]!; k < adj.start[u + 1]!; k++) {
      const v = adj.to[k]!;
      if (follow[adj.kind[k]!] && !seen[v]) {
        seen[v] = 1;
        queue[tail++] = v;
      }
    }
  }
  return seen;
}

/**
 * What analyzeGraph derives from a graph, as flat arrays: what the parsed-graph cache stores so
 * that a warm run does not walk the graph again.
 */
export interface GraphAnalysis {
  /** Depth of the shortest path from an importer per node (1 = direct), 0 when unreachable. */
  readonly depth: Int32Array;
  /** The final flags per node: bit 0 dev, bit 1 optional, bit 2 peer. */
  readonly flags: Uint8Array;
  /** Predecessors on shortest paths, MAX_PATHS_PER_PACKAGE slots per node, `predCount` used: a node index or -1 - importerIndex. */
  readonly predFrom: Int32Array;
  readonly predCount: Uint8Array;
}

/** Analyses already known for a graph object (read from the parsed-graph cache, or computed to write it). */
const knownAnalyses = new WeakMap<LockGraph, GraphAnalysis>();

/** Records the analysis of a graph, so that analyzeGraph does not compute it again. */
export function rememberAnalysis(graph: LockGraph, analysis: GraphAnalysis): void {
  knownAnalyses.set(graph, analysis);
}

/**
 * Flags and shortest-path predecessors of every package. Flags the lockfile records (npm
 * computes its own) win over the graph's answer; paths keep the first few shortest ones only.
 */
export function computeAnalysis(graph: LockGraph): GraphAnalysis {
  const known = knownAnalyses.get(graph);
  if (known) return known;
  const n = graph.nodes.length;
  const adj = adjacency(graph);
  // Indexed by KIND_CODE: prod, dev, optional, peer. Packages never declare dev edges of their own.
  const prod = reach(graph, adj, [true, false, true, true], [true, false, true, true]);
  const required = reach(graph, adj, [true, true, false, true], [true, true, false, true]);
  const nonPeer = reach(graph, adj, [true, true, true, false], [true, true, true, false]);

  const depth = new Int32Array(n);
  const predFrom = new Int32Array(n * MAX_PATHS_PER_PACKAGE);
  const predCount = new Uint8Array(n);
  const addPred = (v: number, from: number): void => {
    const c = predCount[v]!;
    if (c >= MAX_PATHS_PER_PACKAGE) return;
    const base = v * MAX_PATHS_PER_PACKAGE;
    for (let j = 0; j < c; j++) if (predFrom[base + j] === from) return;
    predFrom[base + c] = from;
    predCount[v] = c + 1;
  };
  const queue = new Uint32Array(n);
  let tail = 0;
  graph.importers.forEach((imp, i) => {
    for (const e of imp.deps) {
      if (depth[e.to] === 0) {
        depth[e.to] = 1;
        queue[tail++] = e.to;
      }
      if (depth[e.to] === 1) addPred(e.to, -1 - i);
    }
  });
  // Breadth-first: nodes leave the queue in order of depth, so every shortest predecessor is seen.
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    const d = depth[u]! + 1;
    for (let k = adj.start[u]!; k < adj.start[u + 1]!; k++) {
      const v = adj.to[k]!;
      if (depth[v] === 0) {
        depth[v] = d;
        queue[tail++] = v;
      }
      if (depth[v] === d) addPred(v, u);
    }
  }

  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const node = graph.nodes[i]!;
    const reachable = depth[i]! > 0;
    const dev = node.flags?.dev ?? (reachable ? !prod[i] : false);
    const optional = node.flags?.optional ?? (reachable ? !required[i] : false);
    const peer = node.flags?.peer ?? (reachable ? !nonPeer[i] : false);
    flags[i] = (dev ? 1 : 0) | (optional ? 2 : 0) | (peer ? 4 : 0);
  }
  const analysis = { depth, flags, predFrom, predCount };
  knownAnalyses.set(graph, analysis);
  return analysis;
}

/** Flags and shortest paths for every package (see computeAnalysis). */
export function analyzeGraph(graph: LockGraph): GraphFacts {
  const { depth, flags, predFrom, predCount } = computeAnalysis(graph);
  const facts: NodeFacts[] = new Array<NodeFacts>(depth.length);
  for (let i = 0; i < depth.length; i++) facts[i] = { dev: (flags[i]! & 1) !== 0, optional: (flags[i]! & 2) !== 0, peer: (flags[i]! & 4) !== 0, depth: depth[i]! };

  const paths = (node: number): { importer: number; nodes: number[] }[] => {
    const out: { importer: number; nodes: number[] }[] = [];
    // Depth-first over shortest-path predecessors, in their order, with an explicit stack and
    // shared suffixes (graphs can be deep), stopping at the bound.
    type Suffix = { readonly node: number; readonly next?: Suffix };
    type Item = { readonly expand: number; readonly suffix?: Suffix } | { readonly importer: number; readonly suffix: Suffix };
    const stack: Item[] = [{ expand: node }];
    while (stack.length > 0 && out.length < MAX_PATHS_PER_PACKAGE) {
      const item = stack.pop()!;
      if ('importer' in item) {
        const nodes: number[] = [];
        for (let s: Suffix | undefined = item.suffix; s; s = s.next) nodes.push(s.node);
        out.push({ importer: item.importer, nodes });
        continue;
      }
      const suffix: Suffix = { node: item.expand, ...(item.suffix ? { next: item.suffix } : {}) };
      const base = item.expand * MAX_PATHS_PER_PACKAGE;
      for (let k = predCount[item.expand]! - 1; k >= 0; k--) {
        const from = predFrom[base + k]!;
        stack.push(from < 0 ? { importer: -1 - from, suffix } : { expand: from, suffix });
      }
    }
    return out;
  };
  return { facts, paths };
}
