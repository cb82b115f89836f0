import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Picomatch from 'picomatch';
import { lazy } from '../lazy.js';
import { LockfileError } from '../model.js';
import { isObject, parseJsonFile } from './json-text.js';

// Only yarn workspaces need glob matching.
const picomatch = lazy<typeof Picomatch>('picomatch');

/** A package.json: the lockfile formats that do not record the direct dependencies need it. */
export interface Manifest {
  /** Folder relative to the lockfile's folder, "" for the root. */
  readonly path: string;
  readonly name?: string;
  readonly raw: Record<string, unknown>;
  /** The file as read: part of the parsed-graph cache key. */
  readonly text: string;
}

export function readManifest(root: string, path = ''): Manifest | undefined {
  const file = join(root, path, 'package.json');
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const raw = parseJsonFile(text, file);
  if (!isObject(raw)) throw new LockfileError(`${file}: package.json must be a JSON object`);
  return { path, ...(typeof raw.name === 'string' ? { name: raw.name } : {}), raw, text };
}

// Workspace globs are expanded this deep at most ("packages/**").
const MAX_WORKSPACE_DEPTH = 4;

/** The workspace folders the root manifest's "workspaces" globs name, each with its manifest. */
export function readWorkspaceManifests(root: string, manifest: Manifest): Manifest[] {
  const field = manifest.raw.workspaces;
  const globs = Array.isArray(field) ? field : isObject(field) && Array.isArray(field.packages) ? field.packages : [];
  const patterns = globs.filter((g): g is string => typeof g === 'string').map((g) => g.replace(/^\.\//, '').replace(/\/$/, ''));
  if (patterns.length === 0) return [];
  const isMatch = picomatch()(patterns);
  const found: Manifest[] = [];
  const visit = (rel: string, depth: number): void => {
    if (depth > MAX_WORKSPACE_DEPTH) return;
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (!e.isDirectory() || e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (isMatch(child)) {
        const m = readManifest(root, child);
        if (m) found.push(m);
      }
      visit(child, depth + 1);
    }
  };
  visit('', 1);
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}
