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

interface Pred {
  /** Node index, or -1 - importerIndex for a direct dependency. */
  readonly from: number;
}

export interface GraphFacts {
  readonly facts: readonly NodeFacts[];
  /** Up to MAX_PATHS_PER_PACKAGE shortest paths, as node indexes from a direct dependency, plus the importer. */
  paths(node: number): { importer: number; nodes: number[] }[];
}

/** Breadth-first reachability from every importer over the edges whose kind `follow` accepts. */
function reach(graph: LockGraph, follow: (kind: EdgeKind, fromImporter: boolean) => boolean): Uint8Array {
  const seen = new Uint8Array(graph.nodes.length);
  const queue: number[] = [];
  for (const imp of graph.importers) {
    for (const e of imp.deps) {
      if (follow(e.kind, true) && !seen[e.to]) {
        seen[e.to] = 1;
        queue.push(e.to);
      }
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const e of graph.nodes[queue[i]!]!.deps) {
      if (follow(e.kind, false) && !seen[e.to]) {
        seen[e.to] = 1;
        queue.push(e.to);
      }
    }
  }
  return seen;
}

/**
 * Flags and shortest paths for every package. Flags the lockfile records (npm computes its own)
 * win over the graph's answer; paths keep the first few shortest ones only.
 */
export function analyzeGraph(graph: LockGraph): GraphFacts {
  const n = graph.nodes.length;
  const prod = reach(graph, (k) => k !== 'dev');
  const required = reach(graph, (k) => k === 'prod' || k === 'dev' || k === 'peer');
  const nonPeer = reach(graph, (k) => k !== 'peer');

  const depth = new Int32Array(n);
  const preds: Pred[][] = Array.from({ length: n }, () => []);
  let frontier: number[] = [];
  graph.importers.forEach((imp, i) => {
    for (const e of imp.deps) {
      if (depth[e.to] === 0) {
        depth[e.to] = 1;
        frontier.push(e.to);
      }
      if (depth[e.to] === 1 && preds[e.to]!.length < MAX_PATHS_PER_PACKAGE && !preds[e.to]!.some((p) => p.from === -1 - i)) preds[e.to]!.push({ from: -1 - i });
    }
  });
  for (let d = 1; frontier.length > 0; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (const e of graph.nodes[u]!.deps) {
        if (depth[e.to] === 0) {
          depth[e.to] = d + 1;
          next.push(e.to);
        }
        if (depth[e.to] === d + 1 && preds[e.to]!.length < MAX_PATHS_PER_PACKAGE && !preds[e.to]!.some((p) => p.from === u)) preds[e.to]!.push({ from: u });
      }
    }
    frontier = next;
  }

  const facts: NodeFacts[] = graph.nodes.map((node, i) => {
    const reachable = depth[i]! > 0;
    return {
      dev: node.flags?.dev ?? (reachable ? !prod[i] : false),
      optional: node.flags?.optional ?? (reachable ? !required[i] : false),
      peer: node.flags?.peer ?? (reachable ? !nonPeer[i] : false),
      depth: depth[i]!,
    };
  });

  const paths = (node: number): { importer: number; nodes: number[] }[] => {
    const out: { importer: number; nodes: number[] }[] = [];
    // Depth-first over shortest-path predecessors, stopping at the bound.
    const walk = (at: number, suffix: number[]): void => {
      for (const p of preds[at]!) {
        if (out.length >= MAX_PATHS_PER_PACKAGE) return;
        if (p.from < 0) out.push({ importer: -1 - p.from, nodes: [at, ...suffix] });
        else walk(p.from, [at, ...suffix]);
      }
    };
    walk(node, []);
    return out;
  };
  return { facts, paths };
}
