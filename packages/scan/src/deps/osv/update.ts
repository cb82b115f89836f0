import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CURRENT_POINTER, defaultCacheDir, downloadedDbDir } from './database.js';
import { OsvDatabaseError } from './record.js';
import { indexOsvZip } from './sources.js';
import { writeIndex, type IndexMeta } from './store.js';

/** The OSV project's export of every npm advisory. */
export const DEFAULT_OSV_URL = 'https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip';
/** A mirror of the export can be named with this environment variable (or `--url`). */
export const OSV_URL_ENV = 'RAMPART_OSV_URL';

export interface UpdateOptions {
  readonly url?: string;
  readonly cacheDir?: string;
  /** Gives up when the server sends nothing for this long. */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

export interface UpdateResult {
  readonly meta: IndexMeta;
  readonly dir: string;
  readonly bytes: number;
}

const DB_PREFIX = 'osv-npm-';

/**
 * Downloads the OSV npm export, checks it (a readable zip of valid OSV records, not empty),
 * builds the index in a new folder and only then points the database at it with an atomic
 * rename of a small pointer file. An interrupted or failed update leaves the previous
 * database in use and removes its own leftovers.
 */
export async function updateDatabase(options: UpdateOptions = {}): Promise<UpdateResult> {
  const url = options.url ?? process.env[OSV_URL_ENV] ?? DEFAULT_OSV_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OsvDatabaseError(`--url ${url}: not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new OsvDatabaseError(`--url ${url}: only http and https URLs are supported`);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  mkdirSync(cacheDir, { recursive: true });
  const stamp = (options.now?.() ?? new Date()).toISOString();
  const id = `${stamp.replace(/[:.]/g, '-')}-${process.pid}`;
  const zipPath = join(cacheDir, `download-${id}.zip.part`);
  const dir = join(cacheDir, `${DB_PREFIX}${id}`);
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 60_000;
  let timer = setTimeout(() => controller.abort(), timeoutMs);
  const keepAlive = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), timeoutMs);
  };
  try {
    let response: Response;
    try {
      response = await fetch(parsed, { signal: controller.signal, redirect: 'follow' });
    } catch (err) {
      throw new OsvDatabaseError(`cannot download ${url}: ${(err as Error).cause ? String((err as { cause: unknown }).cause) : (err as Error).message}`);
    }
    if (!response.ok || !response.body) throw new OsvDatabaseError(`cannot download ${url}: HTTP ${response.status} ${response.statusText}`);
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
    body.on('data', keepAlive);
    try {
      await pipeline(body, createWriteStream(zipPath));
    } catch (err) {
      throw new OsvDatabaseError(`download of ${url} was interrupted: ${(err as Error).message}`);
    }
    const bytes = statSync(zipPath).size;
    if (bytes === 0) throw new OsvDatabaseError(`${url}: the server sent an empty file`);
    const builder = await indexOsvZip(zipPath);
    if (builder.byName.size === 0) throw new OsvDatabaseError(`${url}: the archive has no npm advisories`);
    const meta = writeIndex(dir, builder, { source: url, fetchedAt: stamp });
    // The switch: write the pointer beside, then rename over the old one (atomic on POSIX and NTFS).
    const pointer = join(cacheDir, CURRENT_POINTER);
    const pointerTmp = `${pointer}.${id}.tmp`;
    writeFileSync(pointerTmp, `${JSON.stringify({ dir: `${DB_PREFIX}${id}`, fetchedAt: stamp })}\n`);
    renameSync(pointerTmp, pointer);
    removeStale(cacheDir, `${DB_PREFIX}${id}`);
    return { meta, dir, bytes };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    clearTimeout(timer);
    rmSync(zipPath, { force: true });
  }
}

/** Old database folders and leftovers of interrupted updates; the current one stays. */
function removeStale(cacheDir: string, keep: string): void {
  let current: string | undefined;
  try {
    current = downloadedDbDir(cacheDir);
  } catch {
    current = undefined;
  }
  for (const name of readdirSync(cacheDir)) {
    const stale = (name.startsWith(DB_PREFIX) && name !== keep && join(cacheDir, name) !== current) || (name.startsWith('download-') && name.endsWith('.zip.part')) || (name.startsWith(CURRENT_POINTER) && name.endsWith('.tmp'));
    if (stale) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}
