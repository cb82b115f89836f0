import { LockfileError, sourceOf, splitNameAt, type Edge, type EdgeKind, type LockGraph, type PackageSource } from '../model.js';
import { GraphBuilder } from './builder.js';
import { isObject, parseJsoncFile, stringMap } from './json-text.js';

/** "a/@s/b/c" → ["a", "@s/b", "c"]: a bun key is the chain of names it is nested under. */
function namesOfKey(key: string): string[] {
  const parts = key.split('/');
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]!.startsWith('@') && i + 1 < parts.length) {
      names.push(`${parts[i]}/${parts[i + 1]}`);
      i++;
    } else names.push(parts[i]!);
  }
  return names;
}

function classify(ref: string): PackageSource {
  if (/^\d/.test(ref)) return 'registry';
  if (ref.startsWith('workspace:')) return 'workspace';
  if (ref.startsWith('root:')) return 'workspace';
  const s = sourceOf(ref);
  return s === 'registry' ? 'tarball' : s;
}

const FIELDS: [string, EdgeKind][] = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
];

/** bun.lock (the text lockfile, JSONC with trailing commas), lockfileVersion 0 and 1. */
export function parseBunLockfile(text: string, file: string): LockGraph {
  const data = parseJsoncFile(text, file);
  if (!isObject(data) || !isObject(data.packages)) throw new LockfileError(`${file}: not a bun.lock (no "packages" object)`);
  const b = new GraphBuilder(file, text);
  const packages = data.packages;
  for (const [key, raw] of Object.entries(packages)) {
    if (!Array.isArray(raw) || typeof raw[0] !== 'string') throw new LockfileError(`${file}: packages["${key}"] is not a [ "name@version", ... ] array`);
    const split = splitNameAt(raw[0]);
    if (!split) throw new LockfileError(`${file}: packages["${key}"] names no version: ${JSON.stringify(raw[0])}`);
    const [name, ref] = split;
    const installedAs = namesOfKey(key).at(-1)!;
    const source = classify(ref);
    b.add({
      key,
      name,
      version: source === 'registry' ? ref : '',
      ...(installedAs !== name ? { alias: installedAs } : {}),
      source,
      ...(source !== 'registry' ? { sourceDetail: ref } : {}),
      anchor: { needle: `${JSON.stringify(key)}: [` },
    });
  }
  // Node-style lookup: "a/b" then "a" then the hoisted root, for the nearest copy.
  const resolve = (chain: readonly string[], dep: string): number | undefined => {
    for (let n = chain.length; n >= 0; n--) {
      const idx = b.index([...chain.slice(0, n), dep].join('/'));
      if (idx !== undefined) return idx;
    }
    return undefined;
  };
  for (const node of b.nodes) {
    const info = (packages[node.key] as unknown[]).find((x, i) => i > 0 && isObject(x)) as Record<string, unknown> | undefined;
    if (!info || node.source === 'workspace') continue;
    const optionalPeers = new Set(Array.isArray(info.optionalPeers) ? info.optionalPeers : []);
    const chain = namesOfKey(node.key);
    for (const [field, kind] of FIELDS) {
      for (const dep of Object.keys(stringMap(info[field]))) {
        const to = resolve(chain, dep);
        const k: EdgeKind = kind === 'peer' && optionalPeers.has(dep) ? 'optional' : kind;
        if (to === undefined) b.unresolved(node.key, node.anchor, dep, k === 'peer' ? 'optional' : k);
        else b.edge(node.deps, to, k);
      }
    }
  }
  const workspaces = isObject(data.workspaces) ? data.workspaces : {};
  const workspaceNames = new Set(Object.values(workspaces).map((w) => (isObject(w) && typeof w.name === 'string' ? w.name : '')));
  for (const [path, raw] of Object.entries(workspaces)) {
    const ws = isObject(raw) ? raw : {};
    const deps: Edge[] = [];
    const wsName = typeof ws.name === 'string' ? ws.name : undefined;
    for (const [field, kind] of [...FIELDS, ['devDependencies', 'dev'] as [string, EdgeKind]]) {
      for (const [dep, range] of Object.entries(stringMap(ws[field]))) {
        if (workspaceNames.has(dep) || range.startsWith('workspace:')) continue;
        // A workspace's own copy is nested under its name; the hoisted one is at the root.
        const to = (wsName && path !== '' ? b.index(`${wsName}/${dep}`) : undefined) ?? b.index(dep);
        if (to === undefined) b.unresolved(path === '' ? 'the root workspace' : `workspace ${path}`, { needle: `${JSON.stringify(path)}: {` }, dep, kind === 'peer' ? 'optional' : kind);
        else b.edge(deps, to, kind);
      }
    }
    b.importers.push({ path, ...(wsName ? { name: wsName } : {}), deps });
  }
  if (b.importers.length === 0) throw new LockfileError(`${file}: a bun.lock without "workspaces"`);
  return b.finish('bun', `lockfileVersion ${String(data.lockfileVersion)}`, { strict: false });
}
