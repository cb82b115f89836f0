import type * as YarnParsers from '@yarnpkg/parsers';
import { lazy } from '../lazy.js';
import { LockfileError, sourceOf, splitNameAt, type Edge, type EdgeKind, type LockGraph, type PackageSource } from '../model.js';
import { GraphBuilder } from './builder.js';
import { isObject, stringMap } from './json-text.js';
import type { Manifest } from './manifest.js';

const yarnParsers = lazy<typeof YarnParsers>('@yarnpkg/parsers');

/** The position parseSyml reports ("line 12, column 3" style), if any. */
function symlError(err: unknown, file: string): LockfileError {
  const e = err as { message?: string; location?: { start?: { line: number; column: number } } };
  const at = e.location?.start;
  const where = at ? `${file}:${at.line}:${at.column}` : file;
  return new LockfileError(`${where}: not a valid yarn.lock: ${(e.message ?? String(err)).split('\n')[0]}`);
}

/** yarn's descriptor keys: "a@^1.0.0, a@^1.2.0" (one entry for several ranges). */
function descriptors(key: string): string[] {
  return key.split(',').map((d) => d.trim().replace(/^"|"$/g, '')).filter((d) => d !== '');
}

/** What a resolution such as "lodash@npm:4.17.21" or "x@https://..." says about the package. */
function classifyBerry(resolution: string): { name: string; source: PackageSource; detail: string } {
  const split = splitNameAt(resolution);
  if (!split) return { name: resolution, source: 'tarball', detail: resolution };
  const [name, ref] = split;
  if (ref.startsWith('npm:')) return { name, source: 'registry', detail: ref };
  // A patch of a registry package keeps the registry version: audit it as that version.
  if (ref.startsWith('patch:')) return { name, source: /npm%3A/.test(ref) ? 'registry' : 'file', detail: ref };
  if (ref.startsWith('workspace:')) return { name, source: 'workspace', detail: ref.slice('workspace:'.length) };
  if (ref.startsWith('portal:') || ref.startsWith('link:')) return { name, source: 'link', detail: ref };
  if (ref.startsWith('file:')) return { name, source: 'file', detail: ref };
  const s = sourceOf(ref);
  return { name, source: s === 'registry' ? 'tarball' : s, detail: ref };
}

interface Entry {
  readonly descriptors: string[];
  readonly data: Record<string, unknown>;
  readonly node: number;
}

function manifestEdges(b: GraphBuilder, manifest: Manifest, lookup: (name: string, range: string) => number | undefined, workspaces: ReadonlySet<string>): Edge[] {
  const deps: Edge[] = [];
  const fields: [string, EdgeKind][] = [
    ['dependencies', 'prod'],
    ['devDependencies', 'dev'],
    ['optionalDependencies', 'optional'],
  ];
  for (const [field, kind] of fields) {
    for (const [dep, range] of Object.entries(stringMap(manifest.raw[field]))) {
      if (workspaces.has(dep) || range.startsWith('workspace:') || range.startsWith('link:') || range.startsWith('portal:')) continue;
      const to = lookup(dep, range);
      // package.json edited after the last install: say so, the lockfile itself is complete.
      if (to === undefined) b.notes.push(`${manifest.path || '.'}/package.json: ${dep}@${range} is not in ${b.file} (run yarn install)`);
      else b.edge(deps, to, kind);
    }
  }
  return deps;
}

/**
 * yarn.lock, classic (v1) and Berry (v2+), read with @yarnpkg/parsers' parseSyml, the Yarn
 * team's own parser for both syntaxes. Classic lockfiles do not record the project's own
 * dependencies: `manifests` (package.json and workspaces) give the direct ones and the dev flags.
 */
export function parseYarnLockfile(text: string, file: string, manifests: readonly Manifest[]): LockGraph {
  let data: Record<string, unknown>;
  try {
    data = yarnParsers().parseSyml(text) as Record<string, unknown>;
  } catch (err) {
    throw symlError(err, file);
  }
  if (!isObject(data)) throw new LockfileError(`${file}: not a yarn.lock (no entries)`);
  const meta = isObject(data.__metadata) ? data.__metadata : undefined;
  const berry = meta !== undefined;
  const b = new GraphBuilder(file, text);
  const byDescriptor = new Map<string, number>();
  const entries: Entry[] = [];
  // First descriptors of the entries whose key line is quoted ("@scope/a@^1", ...), in one pass.
  const quotedKeys = new Set<string>();
  for (let i = text.indexOf('\n"'); i !== -1; i = text.indexOf('\n"', i + 1)) {
    const end = text.slice(i + 2, i + 2 + 1024).search(/[",]/);
    if (end > 0) quotedKeys.add(text.slice(i + 2, i + 2 + end));
  }
  for (const [key, raw] of Object.entries(data)) {
    if (key === '__metadata') continue;
    if (!isObject(raw)) throw new LockfileError(`${file}: entry "${key}" is not a mapping`);
    const descs = descriptors(key);
    const first = descs[0] ?? key;
    const version = typeof raw.version === 'string' ? raw.version : typeof raw.version === 'number' ? String(raw.version) : '';
    let name: string;
    let source: PackageSource;
    let detail: string;
    let alias: string | undefined;
    const declaredName = splitNameAt(first)?.[0] ?? first;
    if (berry) {
      const resolution = typeof raw.resolution === 'string' ? raw.resolution : first;
      ({ name, source, detail } = classifyBerry(resolution));
    } else {
      const range = splitNameAt(first)?.[1] ?? '';
      name = declaredName;
      if (range.startsWith('npm:')) {
        const target = splitNameAt(range.slice(4));
        name = target ? target[0] : range.slice(4);
      }
      const resolved = typeof raw.resolved === 'string' ? raw.resolved : undefined;
      source = resolved ? sourceOf(resolved) : range.startsWith('file:') ? 'file' : range.startsWith('link:') ? 'link' : 'registry';
      detail = resolved ?? range;
    }
    if (name !== declaredName) alias = declaredName;
    // Classic splits one multi-descriptor line into one key per descriptor: they share a node.
    const nodeKey = berry ? (typeof raw.resolution === 'string' ? raw.resolution : key) : `${name}@${version}#${typeof raw.resolved === 'string' ? raw.resolved : ''}`;
    const node = b.add({
      key: nodeKey,
      name,
      version: source === 'registry' ? version : '',
      ...(alias ? { alias } : {}),
      source,
      ...(source !== 'registry' ? { sourceDetail: detail } : {}),
      // Keys start their line, quoted or not; a bare search could land inside "@types/<name>@...".
      anchor: { needle: quotedKeys.has(first) ? `\n"${first}` : `\n${first}`, near: berry ? `version: ${version}` : `version "${version}"` },
    });
    for (const d of descs) byDescriptor.set(d, node);
    entries.push({ descriptors: descs, data: raw, node });
  }
  const byName = new Map<string, number[]>();
  for (const e of entries) {
    const n = b.nodes[e.node]!;
    const list = byName.get(n.alias ?? n.name) ?? [];
    if (!list.includes(e.node)) list.push(e.node);
    byName.set(n.alias ?? n.name, list);
  }
  const overridden = new Set<string>();
  const lookup = (dep: string, range: string, quiet = false): number | undefined => {
    const exact = byDescriptor.get(`${dep}@${range}`) ?? (berry && !range.includes(':') ? byDescriptor.get(`${dep}@npm:${range}`) : undefined);
    if (exact !== undefined) return exact;
    // package.json "resolutions" replace a descriptor without an entry of its own: the
    // package's only entry is the one the override installed.
    const only = byName.get(dep);
    if (only?.length === 1) {
      if (!overridden.has(dep) && !quiet) b.notes.push(`${file}: ${dep}@${range} has no entry of its own; taken as ${dep}@${b.nodes[only[0]!]!.version} (a "resolutions" override)`);
      if (!quiet) overridden.add(dep);
      return only[0];
    }
    return undefined;
  };

  const seen = new Set<number>();
  for (const e of entries) {
    if (seen.has(e.node)) continue;
    seen.add(e.node);
    const node = b.nodes[e.node]!;
    const meta = isObject(e.data.dependenciesMeta) ? e.data.dependenciesMeta : {};
    const fields: [string, EdgeKind][] = [
      ['dependencies', 'prod'],
      ['optionalDependencies', 'optional'],
      ['peerDependencies', 'peer'],
    ];
    for (const [field, kind] of fields) {
      for (const [dep, range] of Object.entries(stringMap(e.data[field]))) {
        const depMeta = meta[dep];
        const k: EdgeKind = kind === 'prod' && isObject(depMeta) && depMeta.optional === true ? 'optional' : kind;
        const to = lookup(dep, range, kind === 'peer');
        // Peer dependencies are provided by the parent, not by an entry of their own.
        if (kind === 'peer') {
          if (to !== undefined) b.edge(node.deps, to, 'peer');
          continue;
        }
        if (to === undefined) b.unresolved(node.alias ?? node.name, node.anchor, `${dep}@${range}`, k);
        else b.edge(node.deps, to, k);
      }
    }
  }

  const manifestFor = new Map(manifests.map((m) => [m.path, m]));
  if (berry) {
    // Workspaces are entries of their own ("name@workspace:path"); they are the importers.
    for (const node of b.nodes) {
      if (node.source !== 'workspace') continue;
      const path = node.sourceDetail === '.' ? '' : (node.sourceDetail ?? '');
      const manifest = manifestFor.get(path);
      let deps = node.deps;
      if (manifest) {
        // Berry merges devDependencies into a workspace's "dependencies": package.json tells them apart.
        const dev = new Set(Object.keys(stringMap(manifest.raw.devDependencies)));
        const prod = new Set([...Object.keys(stringMap(manifest.raw.dependencies)), ...Object.keys(stringMap(manifest.raw.optionalDependencies))]);
        deps = node.deps.map((edge) => {
          const target = b.nodes[edge.to]!;
          const n = target.alias ?? target.name;
          return dev.has(n) && !prod.has(n) && edge.kind === 'prod' ? { ...edge, kind: 'dev' as const } : edge;
        });
      }
      b.importers.push({ path, name: node.name, deps });
    }
    if (b.importers.length === 0) throw new LockfileError(`${file}: a Berry yarn.lock without any workspace entry ("name@workspace:.")`);
    if (!manifestFor.has('')) b.notes.push(`${file}: no package.json beside this lockfile: dev dependencies of the workspaces cannot be told from production ones`);
  } else if (manifests.length > 0) {
    const workspaceNames = new Set(manifests.map((m) => m.name).filter((n): n is string => !!n));
    for (const m of manifests) {
      b.importers.push({ path: m.path, ...(m.name ? { name: m.name } : {}), deps: manifestEdges(b, m, lookup, workspaceNames) });
    }
  } else {
    b.notes.push(`${file}: no package.json beside this yarn.lock: direct dependencies were inferred and dev dependencies cannot be told from production ones`);
    const depended = new Set<number>();
    for (const node of b.nodes) for (const e of node.deps) depended.add(e.to);
    b.importers.push({ path: '', deps: b.nodes.map((_, i) => i).filter((i) => !depended.has(i)).map((to) => ({ to, kind: 'prod' as const })) });
  }
  const formatVersion = berry ? `Berry, __metadata.version ${String(meta!.version)}` : 'classic v1';
  // YAML-like text can be cut at an entry boundary and still parse: a missing entry is an error.
  return b.finish(berry ? 'yarn-berry' : 'yarn-classic', formatVersion, { strict: true });
}
