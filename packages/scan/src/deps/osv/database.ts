import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OsvDatabaseError } from './record.js';
import { AdvisoryIndex, INDEX_FORMAT_VERSION, isIndexDir, writeIndexAtomically } from './store.js';

/** The advisory database shipped inside @rampart/scan (data/osv-npm), built by `npm run generate:osv`. */
export const SHIPPED_DB_DIR = fileURLToPath(new URL('../../../data/osv-npm', import.meta.url));

/** Where `rampart db update` keeps the downloaded database, and where --db indexes are cached. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RAMPART_CACHE_DIR) return resolve(env.RAMPART_CACHE_DIR);
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'rampart', 'cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rampart');
}

/** The pointer file naming the current downloaded database folder; replaced atomically by updates. */
export const CURRENT_POINTER = 'osv-npm.current.json';

/** The folder of the downloaded database, if `rampart db update` has run and left a complete one. */
export function downloadedDbDir(cacheDir: string): string | undefined {
  const pointer = join(cacheDir, CURRENT_POINTER);
  if (!existsSync(pointer)) return undefined;
  let name: unknown;
  try {
    name = (JSON.parse(readFileSync(pointer, 'utf8')) as { dir?: unknown }).dir;
  } catch {
    throw new OsvDatabaseError(`${pointer}: corrupt; delete it or run \`rampart db update\``);
  }
  if (typeof name !== 'string' || name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new OsvDatabaseError(`${pointer}: corrupt ("dir" must name a folder beside it)`);
  const dir = join(cacheDir, name);
  if (!isIndexDir(dir)) throw new OsvDatabaseError(`${dir}: the downloaded advisory database is incomplete; run \`rampart db update\` again`);
  return dir;
}

export interface OpenedDatabase {
  readonly index: AdvisoryIndex;
  /** What the user chose: "shipped", "downloaded" or "--db". */
  readonly kind: 'shipped' | 'downloaded' | 'custom';
  /** Shown in reports and by `rampart db status`. */
  readonly description: string;
  /** True when the index was built during this call (a cold run for --db sources). */
  readonly built: boolean;
}

/** Cache key of a raw source: path plus what changes when its content does. */
function signature(path: string): string {
  const info = statSync(path);
  // The index format is part of the key: versions that write different formats never share a cached index.
  const h = createHash('sha256').update(`${INDEX_FORMAT_VERSION}\0${resolve(path)}`);
  if (info.isDirectory()) {
    // Plain concatenation: path.join's normalisation, 500 times or 200,000, costs more than the stats.
    const prefix = `${path}${sep}`;
    for (const f of readdirSync(path).filter((n) => n.endsWith('.json')).sort()) {
      const s = statSync(`${prefix}${f}`);
      h.update(`\0${f}\0${s.size}\0${s.mtimeMs}`);
    }
  } else h.update(`\0${info.size}\0${info.mtimeMs}`);
  return h.digest('hex').slice(0, 24);
}

export interface OpenOptions {
  /** A folder of OSV JSON files, a zip of them, or a folder that is already a Rampart index. */
  readonly db?: string;
  readonly cacheDir?: string;
}

/**
 * Opens the advisory database: --db when given (raw OSV sources are indexed once into the
 * cache and reused while unchanged), else the one `rampart db update` downloaded, else the
 * snapshot shipped with Rampart.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<OpenedDatabase> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  if (options.db) {
    const path = resolve(options.db);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) throw new OsvDatabaseError(`--db ${options.db}: no such file or folder`);
    if (info.isDirectory() && isIndexDir(path)) return { index: new AdvisoryIndex(path), kind: 'custom', description: path, built: false };
    if (!info.isDirectory() && !/\.zip$/i.test(path)) throw new OsvDatabaseError(`--db ${options.db}: expected a folder of OSV JSON files or a .zip of them`);
    const cached = join(cacheDir, 'indexes', signature(path));
    if (isIndexDir(cached)) return { index: new AdvisoryIndex(cached), kind: 'custom', description: path, built: false };
    // The raw-source readers (zip, OSV validation, CVSS) load only for a cold build.
    const { indexOsvFolder, indexOsvZip } = await import('./sources.js');
    const builder = info.isDirectory() ? indexOsvFolder(path) : await indexOsvZip(path);
    writeIndexAtomically(cached, builder, { source: path });
    return { index: new AdvisoryIndex(cached), kind: 'custom', description: path, built: true };
  }
  const downloaded = downloadedDbDir(cacheDir);
  if (downloaded) return { index: new AdvisoryIndex(downloaded), kind: 'downloaded', description: downloaded, built: false };
  if (!isIndexDir(SHIPPED_DB_DIR)) throw new OsvDatabaseError(`${SHIPPED_DB_DIR}: the shipped advisory database is missing; reinstall Rampart or run \`rampart db update\``);
  return { index: new AdvisoryIndex(SHIPPED_DB_DIR), kind: 'shipped', description: 'snapshot shipped with Rampart', built: false };
}
