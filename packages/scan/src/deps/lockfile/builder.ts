import { LockfileError, lineOfAnchor, type Anchor, type Edge, type EdgeKind, type Importer, type LockGraph, type LockNode } from '../model.js';

/** A dependency the lockfile declares but has no entry for. */
interface Missing {
  readonly from: string;
  readonly anchor: Anchor;
  readonly dep: string;
  readonly kind: EdgeKind;
}

/** How many missing entries a message lists before "and N more". */
const MISSING_SHOWN = 3;

/** Collects nodes and edges while a parser walks its lockfile, then checks the graph is complete. */
export class GraphBuilder {
  readonly nodes: LockNode[] = [];
  readonly importers: Importer[] = [];
  readonly notes: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly missing: Missing[] = [];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  add(node: Omit<LockNode, 'deps'>): number {
    const existing = this.byKey.get(node.key);
    if (existing !== undefined) return existing;
    const index = this.nodes.length;
    (node as LockNode & { deps: Edge[] }).deps = [];
    this.nodes.push(node as LockNode);
    this.byKey.set(node.key, index);
    return index;
  }

  index(key: string): number | undefined {
    return this.byKey.get(key);
  }

  edge(from: Edge[], to: number, kind: EdgeKind): void {
    from.push({ to, kind });
  }

  /** Records a dependency that resolves to nothing; `requiredEntry` deps must exist in a complete lockfile. */
  unresolved(from: string, anchor: Anchor, dep: string, kind: EdgeKind): void {
    this.missing.push({ from, anchor, dep, kind });
  }

  /**
   * Lockfiles are written whole by the package manager: a required dependency without an entry
   * means the file was cut short or edited by hand, and auditing what is left would hide
   * packages. Optional and peer dependencies may legitimately be absent.
   */
  finish(format: LockGraph['format'], formatVersion: string, { strict }: { strict: boolean }): LockGraph {
    const required = this.missing.filter((m) => m.kind === 'prod' || m.kind === 'dev');
    if (required.length > 0) {
      const list = required
        .slice(0, MISSING_SHOWN)
        .map((m) => `${m.from} (line ${lineOfAnchor(this.text, m.anchor)}) needs ${m.dep}`)
        .join('; ');
      const more = required.length > MISSING_SHOWN ? `, and ${required.length - MISSING_SHOWN} more` : '';
      const message = `${this.file}: ${required.length} dependenc${required.length === 1 ? 'y has' : 'ies have'} no entry in the lockfile: ${list}${more}`;
      if (strict) throw new LockfileError(`${message}. The file is truncated or was edited by hand; run your package manager's install to rewrite it.`);
      this.notes.push(message);
    }
    return { format, formatVersion, file: this.file, text: this.text, nodes: this.nodes, importers: this.importers, notes: this.notes };
  }
}
