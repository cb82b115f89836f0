import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseError } from 'jsonc-parser';
import { jsonc } from '../lockfile/json-text.js';
import { positionOf } from '../model.js';
import type { CompactAdvisory } from './match.js';
import { OsvDatabaseError, type IndexStats } from './record.js';

/** Marks a folder as a Rampart advisory index (and not a folder of raw OSV files). */
export const INDEX_FORMAT = 'rampart-osv-index';
export const INDEX_FORMAT_VERSION = 1;
export const META_FILE = 'meta.json';
export const INDEX_FILE = 'index.json';
export const DATA_FILE = 'advisories.ndjson';

export interface IndexMeta extends IndexStats {
  readonly format: typeof INDEX_FORMAT;
  readonly formatVersion: number;
  /** Where the advisories came from: a URL, a path, or "shipped snapshot". */
  readonly source: string;
  /** When `rampart db update` downloaded them (absent for the shipped snapshot and --db folders). */
  readonly fetchedAt?: string;
  /** npm packages with at least one advisory. */
  readonly packages: number;
  /** Advisories kept (not withdrawn, with an npm package). */
  readonly advisories: number;
}

/** Advisories per package name, built in memory from OSV records. */
export class IndexBuilder {
  readonly byName = new Map<string, CompactAdvisory[]>();
  readonly ids = new Set<string>();
  readonly stats: IndexStats = { records: 0, withdrawn: 0, otherEcosystems: 0, skippedRanges: 0, invalid: 0, invalidExamples: [], newestModified: '' };

  add(perPackage: Map<string, CompactAdvisory>): void {
    for (const [name, adv] of perPackage) {
      const list = this.byName.get(name);
      if (list) list.push(adv);
      else this.byName.set(name, [adv]);
      this.ids.add(adv.id);
    }
  }
}

function jsonAt(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    jsonc().parse(text, errors, { allowTrailingComma: false, disallowComments: true });
    const e = errors[0];
    const at = e ? positionOf(text, e.offset) : undefined;
    throw new OsvDatabaseError(`${file}${at ? `:${at.line}:${at.column}` : ''}: corrupt ${what}${e ? ` (${jsonc().printParseErrorCode(e.error)})` : ''}; run \`rampart db update\` or point --db at a good copy`);
  }
}

/**
 * Writes the index into `dir` (created; must not exist yet): one NDJSON line of advisories per
 * package name, an offsets file to read only the lines a lockfile needs, and meta.json. The
 * output depends only on the records, so rebuilding the shipped snapshot changes nothing.
 */
export function writeIndex(dir: string, builder: IndexBuilder, info: { source: string; fetchedAt?: string }): IndexMeta {
  mkdirSync(dir, { recursive: true });
  const names = [...builder.byName.keys()].sort();
  const offsets: Record<string, [number, number]> = {};
  const lines: string[] = [];
  let offset = 0;
  for (const name of names) {
    const list = builder.byName.get(name)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const line = JSON.stringify(list);
    const bytes = Buffer.byteLength(line);
    offsets[name] = [offset, bytes];
    lines.push(line);
    offset += bytes + 1;
  }
  const meta: IndexMeta = {
    format: INDEX_FORMAT,
    formatVersion: INDEX_FORMAT_VERSION,
    source: info.source,
    ...(info.fetchedAt ? { fetchedAt: info.fetchedAt } : {}),
    ...builder.stats,
    packages: names.length,
    advisories: builder.ids.size,
  };
  writeFileSync(join(dir, DATA_FILE), lines.length > 0 ? `${lines.join('\n')}\n` : '');
  writeFileSync(join(dir, INDEX_FILE), `${JSON.stringify(offsets)}\n`);
  // meta.json last: a folder without it is an unfinished build and is never read.
  writeFileSync(join(dir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

/** Builds into a temporary sibling folder and renames it into place, so readers never see half an index. */
export function writeIndexAtomically(dir: string, builder: IndexBuilder, info: { source: string; fetchedAt?: string }): IndexMeta {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    const meta = writeIndex(tmp, builder, info);
    try {
      renameSync(tmp, dir);
    } catch (err) {
      // Another process built the same index first: theirs is as good as ours.
      if (!existsSync(join(dir, META_FILE))) throw err;
      rmSync(tmp, { recursive: true, force: true });
    }
    return meta;
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

export function isIndexDir(dir: string): boolean {
  return existsSync(join(dir, META_FILE)) && existsSync(join(dir, INDEX_FILE)) && existsSync(join(dir, DATA_FILE));
}

export function readIndexMeta(dir: string): IndexMeta {
  const file = join(dir, META_FILE);
  const meta = jsonAt(readFileSync(file, 'utf8'), file, 'database metadata') as Partial<IndexMeta>;
  if (meta?.format !== INDEX_FORMAT) throw new OsvDatabaseError(`${file}: not a Rampart advisory index ("format" is not "${INDEX_FORMAT}")`);
  if (meta.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new OsvDatabaseError(`${file}: advisory index format ${String(meta.formatVersion)} is not the one this Rampart reads (${INDEX_FORMAT_VERSION}); run \`rampart db update\``);
  }
  return meta as IndexMeta;
}

// Past this many names, one read of the whole data file beats a read per name.
const WHOLE_FILE_LOOKUPS = 256;

/** A built index on disk: reads only the advisories of the packages asked for. */
export class AdvisoryIndex {
  readonly meta: IndexMeta;
  private offsets: Record<string, [number, number]> | undefined;

  constructor(readonly dir: string) {
    this.meta = readIndexMeta(dir);
  }

  private loadOffsets(): Record<string, [number, number]> {
    if (!this.offsets) {
      const file = join(this.dir, INDEX_FILE);
      const value = jsonAt(readFileSync(file, 'utf8'), file, 'advisory index');
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new OsvDatabaseError(`${file}: corrupt advisory index (not an object)`);
      this.offsets = value as Record<string, [number, number]>;
    }
    return this.offsets;
  }

  /** Advisories per package name, for the names that have any. */
  lookup(names: Iterable<string>): Map<string, CompactAdvisory[]> {
    const offsets = this.loadOffsets();
    const wanted: [string, number, number][] = [];
    for (const name of new Set(names)) {
      const at = Object.hasOwn(offsets, name) ? offsets[name] : undefined;
      if (at) wanted.push([name, at[0], at[1]]);
    }
    const out = new Map<string, CompactAdvisory[]>();
    if (wanted.length === 0) return out;
    const file = join(this.dir, DATA_FILE);
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const whole = wanted.length > WHOLE_FILE_LOOKUPS ? readFileSync(fd) : undefined;
      for (const [name, offset, length] of wanted.sort((a, b) => a[1] - b[1])) {
        if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > size) {
          throw new OsvDatabaseError(`${join(this.dir, INDEX_FILE)}: corrupt advisory index: the entry of "${name}" points past the end of ${DATA_FILE}; run \`rampart db update\``);
        }
        let chunk: Buffer;
        if (whole) chunk = whole.subarray(offset, offset + length);
        else {
          chunk = Buffer.alloc(length);
          readSync(fd, chunk, 0, length, offset);
        }
        let list: unknown;
        try {
          list = JSON.parse(chunk.toString('utf8'));
        } catch {
          throw new OsvDatabaseError(`${file}: byte ${offset}: corrupt advisory data for "${name}"; run \`rampart db update\` or point --db at a good copy`);
        }
        if (!Array.isArray(list)) throw new OsvDatabaseError(`${file}: byte ${offset}: corrupt advisory data for "${name}" (not a list)`);
        out.set(name, list as CompactAdvisory[]);
      }
    } finally {
      closeSync(fd);
    }
    return out;
  }
}
