import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { LockfileError, type LockGraph } from '../model.js';
import { parseBunLockfile } from './bun.js';
import { graphCacheKey, MIN_CACHED_BYTES, readCachedGraph, writeCachedGraph } from './graph-cache.js';
import { readManifest, readWorkspaceManifests, type Manifest } from './manifest.js';
import { parseNpmLockfile } from './npm.js';
import { parsePnpmLockfile } from './pnpm.js';
import { parseYarnLockfile } from './yarn.js';

/** Lockfile names looked for in a project folder, in the order they are reported. */
export const LOCKFILE_NAMES = Object.freeze(['npm-shrinkwrap.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock']);

export type LockfileKind = 'npm' | 'yarn' | 'pnpm' | 'bun';

/** Which parser reads a file: by its name first, by its first bytes when the name says nothing. */
export function detectLockfileKind(path: string, text: string): LockfileKind | undefined {
  const name = basename(path);
  if (name === 'package-lock.json' || name === 'npm-shrinkwrap.json') return 'npm';
  if (name === 'yarn.lock') return 'yarn';
  if (name === 'pnpm-lock.yaml' || name === 'pnpm-lock.yml') return 'pnpm';
  if (name === 'bun.lock') return 'bun';
  const head = text.slice(0, 2000);
  if (/^\s*\{/.test(head)) {
    if (/"workspaces"\s*:\s*\{/.test(head) && /"lockfileVersion"\s*:\s*\d/.test(head) && !/"packages"\s*:\s*\{\s*""/.test(head)) return 'bun';
    if (/"lockfileVersion"\s*:/.test(head)) return 'npm';
    return undefined;
  }
  if (/^lockfileVersion:/m.test(head)) return 'pnpm';
  if (/^# yarn lockfile v1/m.test(head) || /^__metadata:/m.test(head)) return 'yarn';
  return undefined;
}

// Lockfiles of huge monorepos reach tens of MB; beyond this the file is not a lockfile we should trust.
const MAX_LOCKFILE_BYTES = 512 * 1024 * 1024;

export interface ParseOptions {
  /**
   * Cache folder: a lockfile of MIN_CACHED_BYTES or more is parsed once, and its graph reused
   * while the lockfile, its package.json files and the parsers are unchanged. No cache when absent.
   */
  readonly cacheDir?: string;
}

/**
 * Parses one lockfile. `displayPath` names it in messages and reports (relative to the project).
 * Formats that do not record the project's own dependencies read package.json beside the file.
 */
export function parseLockfile(path: string, displayPath = path, options: ParseOptions = {}): LockGraph {
  const info = statSync(path);
  if (info.size > MAX_LOCKFILE_BYTES) throw new LockfileError(`${displayPath}: ${info.size} bytes is larger than any lockfile Rampart reads (${MAX_LOCKFILE_BYTES})`);
  const buffer = readFileSync(path);
  if (buffer.includes(0)) throw new LockfileError(`${displayPath}: binary file (bun.lockb?); Rampart reads the text bun.lock: run \`bun install --save-text-lockfile\``);
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new LockfileError(`${displayPath}: empty lockfile`);
  const kind = detectLockfileKind(path, text);
  if (!kind) throw new LockfileError(`${displayPath}: not a lockfile Rampart reads (package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, bun.lock)`);
  const dir = dirname(path);
  // package.json files first: the npm (v1) and yarn parsers read them, so the cache key includes them.
  const manifests: Manifest[] = [];
  if (kind === 'npm' || kind === 'yarn') {
    const root = readManifest(dir);
    if (root) manifests.push(root, ...(kind === 'yarn' ? readWorkspaceManifests(dir, root) : []));
  }
  const cache =
    options.cacheDir !== undefined && buffer.length >= MIN_CACHED_BYTES
      ? graphCacheKey(options.cacheDir, path, displayPath, kind, buffer, manifests.length > 0 ? manifests.map((m) => ({ path: m.path, text: m.text })) : [{ path: '', text: undefined }])
      : undefined;
  if (cache) {
    const cached = readCachedGraph(cache, displayPath, text);
    if (cached) return cached;
  }
  let graph: LockGraph;
  switch (kind) {
    case 'npm':
      graph = parseNpmLockfile(text, displayPath, manifests[0]);
      break;
    case 'yarn':
      graph = parseYarnLockfile(text, displayPath, manifests);
      break;
    case 'pnpm':
      graph = parsePnpmLockfile(text, displayPath);
      break;
    case 'bun':
      graph = parseBunLockfile(text, displayPath);
      break;
  }
  if (cache) writeCachedGraph(cache, graph);
  return graph;
}

/**
 * The lockfiles of a project: `target` is a folder (every known lockfile in it) or one lockfile.
 * npm ignores package-lock.json when npm-shrinkwrap.json is present, so we do too.
 */
export function findLockfiles(target: string): { root: string; files: string[] } {
  const info = statSync(target, { throwIfNoEntry: false });
  if (!info) throw new LockfileError(`${target}: no such file or folder`);
  if (info.isFile()) return { root: dirname(target), files: [target] };
  const found = LOCKFILE_NAMES.map((n) => join(target, n)).filter((p) => existsSync(p));
  const files = found.some((p) => basename(p) === 'npm-shrinkwrap.json') ? found.filter((p) => basename(p) !== 'package-lock.json') : found;
  if (files.length === 0) {
    const binary = existsSync(join(target, 'bun.lockb'))
      ? ' (bun.lockb is binary: run `bun install --save-text-lockfile` to write bun.lock)'
      : existsSync(join(target, 'package.json'))
        ? ' (`npm install --package-lock-only` writes package-lock.json without installing anything)'
        : '';
    throw new LockfileError(`${target}: no lockfile found; looked for ${LOCKFILE_NAMES.join(', ')}${binary}`);
  }
  return { root: target, files };
}

export function displayName(root: string, file: string): string {
  return relative(root, file).split('\\').join('/') || basename(file);
}
