import type * as JsYaml from 'js-yaml';
import { lazy } from '../lazy.js';
import { LockfileError, splitNameAt, type Edge, type EdgeKind, type LockGraph, type PackageSource } from '../model.js';
import { GraphBuilder } from './builder.js';
import { isObject } from './json-text.js';

// js-yaml, the YAML parser of pnpm's own lockfile code: about 10x faster than \`yaml\` on
// pnpm-lock.yaml (23 ms against 276 ms on vue-core's 238 KB lockfile, warm), safe schema by default.
const jsYaml = lazy<typeof JsYaml>('js-yaml');

type Dialect = 5 | 6 | 9;

/** Splits a package key into name and version: "/a/1.0.0_peer" (v5), "/a@1.0.0(peer)" (v6), "a@1.0.0(peer)" (v9). */
function nameVersionOfKey(key: string, dialect: Dialect): { name: string; version: string } | undefined {
  const bare = key.startsWith('/') ? key.slice(1) : key;
  if (dialect === 5) {
    const slash = bare.lastIndexOf('/');
    if (slash <= 0) return undefined;
    const rest = bare.slice(slash + 1);
    const underscore = rest.indexOf('_');
    return { name: bare.slice(0, slash), version: underscore === -1 ? rest : rest.slice(0, underscore) };
  }
  const paren = bare.indexOf('(');
  const split = splitNameAt(paren === -1 ? bare : bare.slice(0, paren));
  return split ? { name: split[0], version: split[1] } : undefined;
}

/** The snapshot key a dependency reference points at. */
function keyOfReference(dep: string, ref: string, dialect: Dialect): string {
  if (dialect === 9) {
    const head = ref.split('(', 1)[0]!;
    // "string-width@4.2.3": an alias, the reference is already a key.
    return head.indexOf('@', 1) > 0 ? ref : `${dep}@${ref}`;
  }
  if (ref.startsWith('/')) return ref;
  // Non-registry packages (tarball, git) are keyed by their host path in v5/v6.
  if (/^[a-z0-9.-]+\.[a-z]{2,}\//i.test(ref)) return ref;
  return dialect === 5 ? `/${dep}/${ref}` : `/${dep}@${ref}`;
}

function yamlError(err: unknown, file: string): LockfileError {
  if (err instanceof jsYaml().YAMLException) {
    // js-yaml's marks are 0-based.
    const at = err.mark;
    return new LockfileError(`${at ? `${file}:${at.line + 1}:${at.column + 1}` : file}: not valid YAML: ${err.reason}`);
  }
  return new LockfileError(`${file}: not valid YAML: ${(err as Error).message}`);
}

function sourceOfResolution(resolution: unknown): { source: PackageSource; detail?: string } {
  if (!isObject(resolution)) return { source: 'registry' };
  if (typeof resolution.integrity === 'string' && resolution.tarball === undefined) return { source: 'registry' };
  if (resolution.type === 'git' || typeof resolution.repo === 'string') return { source: 'git', detail: String(resolution.repo ?? '') };
  if (resolution.type === 'directory' || typeof resolution.directory === 'string') return { source: 'file', detail: String(resolution.directory ?? '') };
  if (typeof resolution.tarball === 'string') {
    const t = resolution.tarball;
    if (t.startsWith('file:')) return { source: 'file', detail: t };
    // A registry tarball carries its integrity and sits under ".../-/".
    return /\/-\/[^/]+\.tgz$/.test(t) ? { source: 'registry' } : { source: 'tarball', detail: t };
  }
  return { source: 'registry' };
}

/** A reference in an importer: v5 "1.0.0", v6+ { specifier, version }. */
function refOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.version === 'string') return value.version;
  return undefined;
}

/** pnpm-lock.yaml, lockfileVersion 5.x, 6.x and 9.x, with every importer (workspace). */
export function parsePnpmLockfile(text: string, file: string): LockGraph {
  let data: unknown;
  try {
    // Aliases stay references (a hostile file cannot make them expand), duplicate keys are errors.
    data = jsYaml().load(text, { filename: file });
  } catch (err) {
    throw yamlError(err, file);
  }
  if (!isObject(data)) throw new LockfileError(`${file}: not a pnpm lockfile (expected a YAML mapping)`);
  const rawVersion = String(data.lockfileVersion ?? '');
  const major = Number.parseInt(rawVersion, 10);
  if (!(major >= 5 && major <= 9)) throw new LockfileError(`${file}: unsupported pnpm lockfileVersion "${rawVersion}" (Rampart reads 5.x, 6.x and 9.x)`);
  const dialect: Dialect = major >= 9 ? 9 : major >= 6 ? 6 : 5;
  const packages = isObject(data.packages) ? data.packages : {};
  // v9 splits metadata (packages) from the dependency graph (snapshots).
  const graph = dialect === 9 ? (isObject(data.snapshots) ? data.snapshots : {}) : packages;
  const b = new GraphBuilder(file, text);
  const quoted = (key: string): string[] => [`\n  ${key}:`, `\n  '${key}':`, `\n  "${key}":`];

  for (const [key, raw] of Object.entries(graph)) {
    const entry = isObject(raw) ? raw : {};
    const nv = nameVersionOfKey(key, dialect);
    const metaKey = dialect === 9 ? (nv ? `${nv.name}@${nv.version}` : key) : key;
    const meta = dialect === 9 ? (isObject(packages[metaKey]) ? (packages[metaKey] as Record<string, unknown>) : {}) : entry;
    const name = typeof meta.name === 'string' ? meta.name : nv?.name;
    const version = typeof meta.version === 'string' ? meta.version : nv?.version;
    if (!name) throw new LockfileError(`${file}: cannot tell the package name of "${key}"`);
    const { source, detail } = sourceOfResolution(meta.resolution);
    const needles = quoted(key);
    const present = needles.find((n) => text.includes(n)) ?? needles[0]!;
    b.add({
      key,
      name,
      version: source === 'registry' ? (version ?? '') : '',
      source,
      ...(source !== 'registry' ? { sourceDetail: detail ?? key } : {}),
      anchor: { needle: present },
      ...(typeof entry.dev === 'boolean' || entry.optional === true
        ? { flags: { ...(typeof entry.dev === 'boolean' ? { dev: entry.dev } : {}), optional: entry.optional === true } }
        : {}),
    });
  }

  const connect = (fromLabel: string, needle: string, deps: Record<string, unknown>, kind: EdgeKind, edges: Edge[], importerPath?: string): void => {
    for (const [dep, value] of Object.entries(deps)) {
      const ref = refOf(value);
      if (ref === undefined) continue;
      // Links point at other importers (workspaces) or local folders: not registry packages.
      if (ref.startsWith('link:') || ref.startsWith('file:') && importerPath !== undefined && b.index(keyOfReference(dep, ref, dialect)) === undefined) continue;
      const to = b.index(keyOfReference(dep, ref, dialect));
      if (to === undefined) b.unresolved(fromLabel, { needle }, `${dep}@${ref}`, kind);
      else b.edge(edges, to, kind);
    }
  };
  const fieldKinds: [string, EdgeKind][] = [
    ['dependencies', 'prod'],
    ['optionalDependencies', 'optional'],
  ];
  for (const node of b.nodes) {
    const entry = graph[node.key];
    if (!isObject(entry)) continue;
    for (const [field, kind] of fieldKinds) if (isObject(entry[field])) connect(node.key, node.anchor.needle, entry[field], kind, node.deps);
  }

  const importerFields: [string, EdgeKind][] = [...fieldKinds, ['devDependencies', 'dev']];
  const addImporter = (path: string, entry: Record<string, unknown>): void => {
    const deps: Edge[] = [];
    const label = path === '.' || path === '' ? 'the root importer' : `importer ${path}`;
    for (const [field, kind] of importerFields) if (isObject(entry[field])) connect(label, `\n  ${path}:`, entry[field], kind, deps, path);
    b.importers.push({ path: path === '.' ? '' : path, deps });
  };
  if (isObject(data.importers)) {
    for (const [path, entry] of Object.entries(data.importers)) if (isObject(entry)) addImporter(path, entry);
  } else {
    addImporter('', data);
  }
  return b.finish('pnpm', `lockfileVersion ${rawVersion}`, { strict: true });
}
