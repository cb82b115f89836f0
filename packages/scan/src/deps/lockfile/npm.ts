import { LockfileError, sourceOf, splitNameAt, type Edge, type EdgeKind, type LockGraph, type PackageSource } from '../model.js';
import { GraphBuilder } from './builder.js';
import { isObject, parseJsonFile, stringMap } from './json-text.js';
import type { Manifest } from './manifest.js';

const NM = 'node_modules/';
/** npm's flags of a plain production package, shared: most entries of a large lockfile have them. */
const PRODUCTION = Object.freeze({ dev: false, optional: false, peer: false });

/** The install path of the folder that contains `path` ("" for the root). */
function parentOf(path: string): string | undefined {
  if (path === '') return undefined;
  const i = path.lastIndexOf(`/${NM}`);
  return i >= 0 ? path.slice(0, i) : '';
}

/** Node's lookup: the nearest node_modules/<name> from `path` up to the root. */
function* lookupPaths(path: string, name: string): Generator<string> {
  for (let cur: string | undefined = path; cur !== undefined; cur = parentOf(cur)) yield cur === '' ? `${NM}${name}` : `${cur}/${NM}${name}`;
}

function installedName(path: string): string {
  const i = path.lastIndexOf(NM);
  return path.slice(i + NM.length);
}

/** Calls `visit` for every dependency a manifest-like object declares, with the edge kind it declares. */
function forEachDeclared(entry: Record<string, unknown>, withDev: boolean, visit: (dep: string, kind: EdgeKind) => void): void {
  const optional = isObject(entry.optionalDependencies) ? entry.optionalDependencies : undefined;
  if (isObject(entry.dependencies)) {
    // npm lists optional dependencies under "dependencies" too: the optional kind wins.
    for (const dep in entry.dependencies) if (!optional || !(dep in optional)) visit(dep, 'prod');
  }
  if (optional) for (const dep in optional) visit(dep, 'optional');
  if (isObject(entry.peerDependencies)) {
    const meta = isObject(entry.peerDependenciesMeta) ? entry.peerDependenciesMeta : undefined;
    for (const dep in entry.peerDependencies) {
      const m = meta?.[dep];
      visit(dep, isObject(m) && m.optional === true ? 'optional' : 'peer');
    }
  }
  if (withDev && isObject(entry.devDependencies)) for (const dep in entry.devDependencies) visit(dep, 'dev');
}

/** package-lock.json / npm-shrinkwrap.json, lockfileVersion 2 and 3: the flat `packages` map. */
function parsePackagesMap(b: GraphBuilder, packages: Record<string, unknown>, version: number): void {
  const importerPaths: string[] = [];
  const linkTarget = new Map<string, string>();
  for (const path in packages) {
    const raw = packages[path];
    if (!isObject(raw)) throw new LockfileError(`${b.file}: packages["${path}"] is not an object`);
    if (!path.includes(NM) || path.startsWith('../') || path.startsWith('/')) {
      importerPaths.push(path);
      continue;
    }
    const name = installedName(path);
    if (raw.link === true) {
      const target = typeof raw.resolved === 'string' ? raw.resolved : '';
      linkTarget.set(path, target);
      const outside = target.startsWith('../') || target.startsWith('/') || /^[A-Za-z]:/.test(target);
      if (outside) {
        const targetEntry = packages[target];
        const v = isObject(targetEntry) && typeof targetEntry.version === 'string' ? targetEntry.version : '';
        b.add({ key: path, name, version: v, source: 'link', sourceDetail: target, anchor: { needle: `"${path}": {` } });
      }
      continue;
    }
    const realName = typeof raw.name === 'string' ? raw.name : name;
    const resolved = typeof raw.resolved === 'string' ? raw.resolved : undefined;
    let source: PackageSource = sourceOf(resolved);
    const ver = typeof raw.version === 'string' ? raw.version : '';
    if (source === 'registry' && !resolved && ver === '') source = 'file';
    b.add({
      key: path,
      name: realName,
      version: ver,
      ...(realName !== name ? { alias: name } : {}),
      source,
      ...(source !== 'registry' ? { sourceDetail: resolved ?? ver } : {}),
      anchor: { needle: `"${path}": {` },
      flags: raw.dev === true || raw.optional === true || raw.devOptional === true || raw.peer === true ? { dev: raw.dev === true, optional: raw.optional === true || raw.devOptional === true, peer: raw.peer === true } : PRODUCTION,
    });
  }
  const importerSet = new Set(importerPaths);
  const resolve = (from: string, dep: string): number | 'importer' | undefined => {
    for (const candidate of lookupPaths(from, dep)) {
      const target = linkTarget.get(candidate);
      if (target !== undefined) return importerSet.has(target) && b.index(candidate) === undefined ? 'importer' : b.index(candidate);
      const idx = b.index(candidate);
      if (idx !== undefined) return idx;
    }
    return undefined;
  };
  const connect = (from: string, entry: Record<string, unknown>, edges: Edge[], withDev: boolean): void => {
    forEachDeclared(entry, withDev, (dep, kind) => {
      const to = resolve(from, dep);
      if (to === 'importer') return;
      if (to === undefined) b.unresolved(from === '' ? 'the root package' : from, { needle: `"${from}": {` }, dep, kind);
      else b.edge(edges, to, kind);
    });
  };
  for (const node of b.nodes) {
    if (node.source === 'link') continue;
    connect(node.key, packages[node.key] as Record<string, unknown>, node.deps, false);
  }
  for (const path of importerPaths) {
    const entry = packages[path] as Record<string, unknown>;
    const deps: Edge[] = [];
    connect(path, entry, deps, true);
    b.importers.push({ path, ...(typeof entry.name === 'string' ? { name: entry.name } : {}), deps });
  }
  if (!importerSet.has('')) throw new LockfileError(`${b.file}: lockfileVersion ${version} has no root entry packages[""]`);
}

/** lockfileVersion 1: nested `dependencies`, `requires` resolved the way Node resolves modules. */
function parseNestedDependencies(b: GraphBuilder, top: Record<string, unknown>, manifest: Manifest | undefined): void {
  const entries = new Map<number, Record<string, unknown>>();
  // Iterative: a hostile file can nest thousands of levels (JSON.parse accepts more than the stack).
  const pending: [Record<string, unknown>, string][] = [[top, '']];
  const walk = (deps: Record<string, unknown>, parent: string): void => {
    for (const [name, raw] of Object.entries(deps)) {
      if (!isObject(raw)) throw new LockfileError(`${b.file}: dependencies["${name}"] under ${parent || 'the root'} is not an object`);
      const path = parent === '' ? `${NM}${name}` : `${parent}/${NM}${name}`;
      const spec = typeof raw.version === 'string' ? raw.version : '';
      let realName = name;
      let version = spec;
      let source: PackageSource = 'registry';
      if (spec.startsWith('npm:')) {
        const split = splitNameAt(spec.slice(4));
        if (split) [realName, version] = split;
      } else if (!/^\d/.test(spec)) {
        source = sourceOf(spec);
        if (source === 'registry') source = 'tarball';
      } else if (typeof raw.resolved === 'string') {
        source = sourceOf(raw.resolved);
      }
      const idx = b.add({
        key: path,
        name: realName,
        version: source === 'registry' ? version : '',
        ...(realName !== name ? { alias: name } : {}),
        source,
        ...(source !== 'registry' ? { sourceDetail: spec } : {}),
        anchor: { needle: `"${name}": {`, near: `"version": ${JSON.stringify(spec)}` },
        flags: { dev: raw.dev === true, optional: raw.optional === true },
      });
      entries.set(idx, raw);
      if (isObject(raw.dependencies)) pending.push([raw.dependencies, path]);
    }
  };
  for (let next = pending.pop(); next; next = pending.pop()) walk(next[0], next[1]);
  const resolve = (from: string, dep: string): number | undefined => {
    for (const candidate of lookupPaths(from, dep)) {
      const idx = b.index(candidate);
      if (idx !== undefined) return idx;
    }
    return undefined;
  };
  const required = new Set<number>();
  for (const [idx, raw] of entries) {
    const node = b.nodes[idx]!;
    for (const dep of Object.keys(stringMap(raw.requires))) {
      const to = resolve(node.key, dep);
      // v1 does not say which `requires` are optional; an optional one may be missing legitimately.
      if (to === undefined) b.unresolved(node.key, node.anchor, dep, 'optional');
      else {
        b.edge(node.deps, to, 'prod');
        required.add(to);
      }
    }
  }
  const deps: Edge[] = [];
  if (manifest) {
    forEachDeclared(manifest.raw, true, (dep, kind) => {
      const to = b.index(`${NM}${dep}`);
      if (to === undefined) b.unresolved('package.json', { needle: '' }, dep, 'optional');
      else b.edge(deps, to, kind);
    });
  } else {
    // Without package.json, the direct dependencies are the top-level packages nothing else requires.
    b.notes.push(`${b.file}: no package.json beside this lockfile (lockfileVersion 1): direct dependencies were inferred`);
    for (let i = 0; i < b.nodes.length; i++) {
      const node = b.nodes[i]!;
      if (!node.key.includes(`/${NM}`) && !required.has(i)) b.edge(deps, i, node.flags?.dev ? 'dev' : 'prod');
    }
  }
  b.importers.push({ path: '', ...(manifest?.name ? { name: manifest.name } : {}), deps });
}

/** package-lock.json or npm-shrinkwrap.json, lockfileVersion 1, 2 or 3. */
export function parseNpmLockfile(text: string, file: string, manifest?: Manifest): LockGraph {
  const data = parseJsonFile(text, file);
  if (!isObject(data)) throw new LockfileError(`${file}: an npm lockfile must be a JSON object`);
  const version = data.lockfileVersion;
  if (version !== 1 && version !== 2 && version !== 3) {
    throw new LockfileError(`${file}: unsupported lockfileVersion ${JSON.stringify(version)} (Rampart reads 1, 2 and 3)`);
  }
  const b = new GraphBuilder(file, text);
  if (version >= 2) {
    if (!isObject(data.packages)) throw new LockfileError(`${file}: lockfileVersion ${version} without a "packages" object`);
    parsePackagesMap(b, data.packages, version);
  } else {
    parseNestedDependencies(b, isObject(data.dependencies) ? data.dependencies : {}, manifest);
  }
  // JSON cannot be cut short and still parse, so a missing entry is the package manager's choice
  // (an optional or platform package left out): note it, do not fail.
  return b.finish('npm', `lockfileVersion ${version}`, { strict: false });
}
