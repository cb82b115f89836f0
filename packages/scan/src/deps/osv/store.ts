import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import type { ParseError } from 'jsonc-parser';
import { jsonc } from '../lockfile/json-text.js';
import { positionOf } from '../model.js';
import type { CompactAdvisory } from './match.js';
import { OsvDatabaseError, type IndexStats } from './record.js';

/** Marks a folder as a Rampart advisory index (and not a folder of raw OSV files). */
export const INDEX_FORMAT = 'rampart-osv-index';
/** 2: a binary table searched in place (index.bin); 1: one JSON object of offsets (index.json), still read. */
export const INDEX_FORMAT_VERSION = 2;
export const META_FILE = 'meta.json';
export const INDEX_FILE = 'index.bin';
export const DATA_FILE = 'advisories.ndjson';
const INDEX_FILE_V1 = 'index.json';

/**
 * index.bin, little-endian: the magic, the number of names N, the CRC-32 of everything after
 * the 16-byte header; then u32 tables nameStart[N + 1], dataOffset[N], dataLength[N],
 * dataCrc[N]; then the names, UTF-8, sorted by bytes, back to back. A run opens it with one
 * read and a checksum, and binary-searches the names it needs: nothing is parsed, so opening
 * costs the same for 500 advisories as for the 200,000 of the full OSV export.
 */
const MAGIC = 'RAMPOSV2';
const HEADER_BYTES = 16;

// zlib.crc32 is native from Node 20.15; a table for older 20.x.
let crcTable: Uint32Array | undefined;
function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

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
  // Byte order, the order the reader's Buffer comparisons search in.
  const names = [...builder.byName.keys()].map((name) => [name, Buffer.from(name, 'utf8')] as const).sort((a, b) => Buffer.compare(a[1], b[1]));
  const n = names.length;
  const nameStart = new Uint32Array(n + 1);
  const dataOffset = new Uint32Array(n);
  const dataLength = new Uint32Array(n);
  const dataCrc = new Uint32Array(n);
  const lines: Buffer[] = [];
  let offset = 0;
  names.forEach(([name, bytes], i) => {
    const list = builder.byName.get(name)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const line = Buffer.from(JSON.stringify(list));
    nameStart[i + 1] = nameStart[i]! + bytes.length;
    dataOffset[i] = offset;
    dataLength[i] = line.length;
    dataCrc[i] = crc32(line);
    lines.push(line, Buffer.from('\n'));
    offset += line.length + 1;
  });
  if (offset > 0xffffffff) throw new OsvDatabaseError(`${join(dir, DATA_FILE)}: ${offset} bytes of advisories is more than the index can address (4 GiB)`);
  const tables = Buffer.alloc(4 * (n + 1 + 3 * n));
  [nameStart, dataOffset, dataLength, dataCrc].reduce((at, table) => {
    for (let i = 0; i < table.length; i++) tables.writeUInt32LE(table[i]!, at + 4 * i);
    return at + 4 * table.length;
  }, 0);
  const body = Buffer.concat([tables, ...names.map(([, bytes]) => bytes)]);
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(n, 8);
  header.writeUInt32LE(crc32(body), 12);
  const meta: IndexMeta = {
    format: INDEX_FORMAT,
    formatVersion: INDEX_FORMAT_VERSION,
    source: info.source,
    ...(info.fetchedAt ? { fetchedAt: info.fetchedAt } : {}),
    ...builder.stats,
    packages: n,
    advisories: builder.ids.size,
  };
  writeFileSync(join(dir, DATA_FILE), Buffer.concat(lines));
  writeFileSync(join(dir, INDEX_FILE), Buffer.concat([header, body]));
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
  return existsSync(join(dir, META_FILE)) && (existsSync(join(dir, INDEX_FILE)) || existsSync(join(dir, INDEX_FILE_V1))) && existsSync(join(dir, DATA_FILE));
}

export function readIndexMeta(dir: string): IndexMeta {
  const file = join(dir, META_FILE);
  const meta = jsonAt(readFileSync(file, 'utf8'), file, 'database metadata') as Partial<IndexMeta>;
  if (meta?.format !== INDEX_FORMAT) throw new OsvDatabaseError(`${file}: not a Rampart advisory index ("format" is not "${INDEX_FORMAT}")`);
  if (meta.formatVersion !== INDEX_FORMAT_VERSION && meta.formatVersion !== 1) {
    throw new OsvDatabaseError(`${file}: advisory index format ${String(meta.formatVersion)} is not the one this Rampart reads (${INDEX_FORMAT_VERSION}); run \`rampart db update\``);
  }
  return meta as IndexMeta;
}

// A data file this small is read in one go; a larger one (the full OSV export is hundreds of MB)
// only where the names asked for point.
const WHOLE_DATA_BYTES = 4 * 1024 * 1024;

/** Where a name's advisories are in the data file, and their CRC-32 (format 2). */
type Entry = readonly [name: string, offset: number, length: number, crc: number | undefined];

/** The binary name table of format 2, searched in place. */
class NameTable {
  private readonly starts: Uint32Array;
  private readonly tables: Uint32Array;
  private readonly names: Buffer;
  readonly count: number;

  constructor(private readonly file: string) {
    const bytes = readFileSync(file);
    const corrupt = (why: string): OsvDatabaseError => new OsvDatabaseError(`${file}: corrupt advisory index (${why}); run \`rampart db update\` or point --db at a good copy`);
    if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, 8) !== MAGIC) throw corrupt('not a Rampart index file');
    const n = bytes.readUInt32LE(8);
    const body = bytes.subarray(HEADER_BYTES);
    if (body.length < 4 * (4 * n + 1)) throw corrupt(`${body.length} bytes cannot hold ${n} names`);
    if (crc32(body) !== bytes.readUInt32LE(12)) throw corrupt('checksum mismatch');
    const tableBytes = 4 * (4 * n + 1);
    // Read in place on little-endian machines (all usual ones); copied word by word elsewhere.
    let words: Uint32Array;
    if (endianness() === 'LE' && body.byteOffset % 4 === 0) words = new Uint32Array(body.buffer, body.byteOffset, tableBytes / 4);
    else {
      words = new Uint32Array(tableBytes / 4);
      for (let i = 0; i < words.length; i++) words[i] = body.readUInt32LE(4 * i);
    }
    this.count = n;
    this.starts = words.subarray(0, n + 1);
    this.tables = words.subarray(n + 1);
    this.names = body.subarray(tableBytes);
    if (this.starts[n] !== this.names.length) throw corrupt('the name table does not end where the names do');
  }

  /** The entry of one package name, by binary search over the sorted names. */
  find(name: string): Entry | undefined {
    const query = Buffer.from(name, 'utf8');
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.starts[mid]!;
      const end = this.starts[mid + 1]!;
      if (end < start) throw new OsvDatabaseError(`${this.file}: corrupt advisory index (name ${mid} ends before it starts)`);
      const order = query.compare(this.names, start, end);
      if (order === 0) return [name, this.tables[mid]!, this.tables[this.count + mid]!, this.tables[2 * this.count + mid]!];
      if (order < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return undefined;
  }
}

/** A built index on disk: reads only the advisories of the packages asked for. */
export class AdvisoryIndex {
  readonly meta: IndexMeta;
  private table: NameTable | undefined;
  private offsets: Record<string, [number, number]> | undefined;

  constructor(readonly dir: string) {
    this.meta = readIndexMeta(dir);
  }

  /** Format 1: one JSON object of offsets, parsed whole (read, never written any more). */
  private loadOffsets(): Record<string, [number, number]> {
    if (!this.offsets) {
      const file = join(this.dir, INDEX_FILE_V1);
      const value = jsonAt(readFileSync(file, 'utf8'), file, 'advisory index');
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new OsvDatabaseError(`${file}: corrupt advisory index (not an object)`);
      this.offsets = value as Record<string, [number, number]>;
    }
    return this.offsets;
  }

  private entries(names: Iterable<string>): Entry[] {
    const wanted: Entry[] = [];
    if (this.meta.formatVersion === 1) {
      const offsets = this.loadOffsets();
      for (const name of new Set(names)) {
        const at = Object.hasOwn(offsets, name) ? offsets[name] : undefined;
        if (at) wanted.push([name, at[0], at[1], undefined]);
      }
      return wanted;
    }
    this.table ??= new NameTable(join(this.dir, INDEX_FILE));
    for (const name of new Set(names)) {
      const entry = this.table.find(name);
      if (entry) wanted.push(entry);
    }
    return wanted;
  }

  /** Advisories per package name, for the names that have any. */
  lookup(names: Iterable<string>): Map<string, CompactAdvisory[]> {
    const wanted = this.entries(names);
    const out = new Map<string, CompactAdvisory[]>();
    if (wanted.length === 0) return out;
    const indexFile = join(this.dir, this.meta.formatVersion === 1 ? INDEX_FILE_V1 : INDEX_FILE);
    const file = join(this.dir, DATA_FILE);
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const whole = size <= WHOLE_DATA_BYTES || (this.meta.formatVersion === 1 && wanted.length > 256) ? readFileSync(fd) : undefined;
      for (const [name, offset, length, crc] of wanted.sort((a, b) => a[1] - b[1])) {
        if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > size) {
          throw new OsvDatabaseError(`${indexFile}: corrupt advisory index: the entry of "${name}" points past the end of ${DATA_FILE}; run \`rampart db update\``);
        }
        let chunk: Buffer;
        if (whole) chunk = whole.subarray(offset, offset + length);
        else {
          chunk = Buffer.alloc(length);
          readSync(fd, chunk, 0, length, offset);
        }
        if (crc !== undefined && crc32(chunk) !== crc) throw new OsvDatabaseError(`${file}: byte ${offset}: corrupt advisory data for "${name}" (checksum mismatch); run \`rampart db update\` or point --db at a good copy`);
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
