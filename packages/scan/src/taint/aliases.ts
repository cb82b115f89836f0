/**
 * Path aliases of TypeScript and JavaScript projects: `compilerOptions.paths` and `baseUrl` in
 * tsconfig.json / jsconfig.json (`import { db } from '@app/db'`, `from 'services/users'`), so that
 * the taint pass follows a call into a module imported by alias as it does a relative import.
 * Read once per scan from the configs above the scanned files, following relative `extends`.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';

/** One `paths` entry: `@app/*` is prefix `@app/`, suffix '', wildcard; targets are folders relative to the scan root. */
interface PathPattern {
  readonly prefix: string;
  readonly suffix: string;
  readonly wildcard: boolean;
  readonly targets: readonly string[];
}

/** The aliases of one config, for the files in its folder and below (unless a nearer config takes over). */
export interface AliasScope {
  /** The config's folder, relative to the scan root ('' for the root). */
  readonly dir: string;
  /** `baseUrl`, relative to the scan root. */
  readonly baseUrl?: string;
  readonly paths: readonly PathPattern[];
}

/** Every config's aliases, nearest-first lookups by folder. Plain data: it is sent to worker processes. */
export type PathAliases = readonly AliasScope[];

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_CONFIG_READS = 200;
const MAX_EXTENDS_DEPTH = 5;

interface RawOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** Folder `paths` targets are relative to when there is no baseUrl (the config that set them). */
  pathsBase?: string;
}

/** Reads a config's compilerOptions (baseUrl and paths made relative to the root), following relative `extends`. */
function readOptions(root: string, file: string, depth: number, budget: { reads: number }): RawOptions | undefined {
  if (depth > MAX_EXTENDS_DEPTH || budget.reads >= MAX_CONFIG_READS) return undefined;
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return undefined; // most folders have none: only configs read count against the budget
  }
  budget.reads++;
  const config = parseJsonc(text, [], { allowTrailingComma: true }) as unknown;
  if (!config || typeof config !== 'object') return undefined;
  const { extends: parent, compilerOptions } = config as { extends?: unknown; compilerOptions?: unknown };
  const dir = posix.dirname(file);
  let out: RawOptions = {};
  // A package's shared config (`@tsconfig/node20/tsconfig.json`) sets no project paths: only relative ones are read.
  for (const p of (Array.isArray(parent) ? parent : [parent]).filter((p): p is string => typeof p === 'string' && p.startsWith('.'))) {
    const base = posix.normalize(posix.join(dir, p));
    const inherited = readOptions(root, base.endsWith('.json') ? base : `${base}.json`, depth + 1, budget);
    if (inherited) out = { ...out, ...inherited };
  }
  const options = compilerOptions && typeof compilerOptions === 'object' ? (compilerOptions as Record<string, unknown>) : {};
  if (typeof options.baseUrl === 'string') out.baseUrl = posix.normalize(posix.join(dir, options.baseUrl));
  if (options.paths && typeof options.paths === 'object') {
    out.paths = options.paths as Record<string, string[]>;
    out.pathsBase = dir;
  }
  return out;
}

function patternsOf(options: RawOptions): PathPattern[] {
  const base = options.baseUrl ?? options.pathsBase ?? '.';
  const out: PathPattern[] = [];
  for (const [key, targets] of Object.entries(options.paths ?? {})) {
    if (!Array.isArray(targets)) continue;
    const star = key.indexOf('*');
    if (star !== key.lastIndexOf('*')) continue; // TypeScript allows one wildcard at most
    out.push({
      prefix: star < 0 ? key : key.slice(0, star),
      suffix: star < 0 ? '' : key.slice(star + 1),
      wildcard: star >= 0,
      targets: targets.filter((t): t is string => typeof t === 'string').map((t) => posix.normalize(posix.join(base, t))),
    });
  }
  return out;
}

/**
 * The aliases of the configs found in the folders holding `files` (paths relative to the root)
 * and every folder above them up to the root, at most MAX_CONFIG_READS configs read in all
 * (shallow folders first: the root's config matters most).
 */
export function readPathAliases(root: string, files: readonly string[]): PathAliases {
  const dirs = new Set<string>(['']);
  for (const f of files) {
    for (let d = posix.dirname(f); d !== '.' && d !== '/' && d !== '' && !dirs.has(d); d = posix.dirname(d)) dirs.add(d);
  }
  const scopes: AliasScope[] = [];
  const budget = { reads: 0 };
  for (const dir of [...dirs].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))) {
    if (budget.reads >= MAX_CONFIG_READS) break;
    for (const name of CONFIG_NAMES) {
      const options = readOptions(root, dir ? `${dir}/${name}` : name, 0, budget);
      if (!options) continue;
      scopes.push({ dir, ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}), paths: patternsOf(options) });
      break; // tsconfig.json wins over jsconfig.json in one folder, as in TypeScript
    }
  }
  // Deepest folders first: the nearest config decides for a file.
  return scopes.sort((a, b) => b.dir.length - a.dir.length);
}

/** The config that decides for `from` (a file relative to the root): the one in its folder or the nearest above. */
function scopeOf(aliases: PathAliases, from: string): AliasScope | undefined {
  return aliases.find((s) => s.dir === '' || from.startsWith(`${s.dir}/`));
}

/**
 * Where `spec` imported from `from` may point through the aliases, as paths relative to the root
 * without an extension (the caller tries extensions and index files and takes the first file that
 * exists), in TypeScript's order: the `paths` pattern with the longest prefix (an exact one first),
 * each of its targets in turn, then `baseUrl`. None for relative specifiers. A bare `express` is
 * a package unless baseUrl holds an express.js: only existing files count.
 */
export function aliasTargets(aliases: PathAliases | undefined, from: string, spec: string): string[] {
  if (!aliases || aliases.length === 0 || spec.startsWith('.') || spec.startsWith('/')) return [];
  const scope = scopeOf(aliases, from);
  if (!scope) return [];
  let best: PathPattern | undefined;
  for (const p of scope.paths) {
    const matches = p.wildcard ? spec.length >= p.prefix.length + p.suffix.length && spec.startsWith(p.prefix) && spec.endsWith(p.suffix) : spec === p.prefix;
    if (!matches) continue;
    if (!p.wildcard) {
      best = p;
      break; // an exact pattern beats every wildcard
    }
    if (!best || p.prefix.length > best.prefix.length) best = p;
  }
  const out: string[] = [];
  if (best) {
    const star = spec.slice(best.prefix.length, spec.length - best.suffix.length);
    for (const t of best.targets) out.push(best.wildcard ? t.replace('*', star) : t);
  }
  if (scope.baseUrl !== undefined) out.push(posix.normalize(posix.join(scope.baseUrl, spec)));
  return out;
}
