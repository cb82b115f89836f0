import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import type { ParseError } from 'jsonc-parser';
import { jsonc } from '../lockfile/json-text.js';
import type * as Yauzl from 'yauzl';
import { lazy } from '../lazy.js';
import { positionOf } from '../model.js';
import { compactRecord, InvalidOsvRecord, OsvDatabaseError } from './record.js';
import { IndexBuilder } from './store.js';

const yauzl = lazy<typeof Yauzl>('yauzl');

/** Parses one OSV JSON file; errors name the file (and zip entry) with line and column. */
function parseRecordText(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    jsonc().parse(text, errors, { allowTrailingComma: false, disallowComments: true });
    const e = errors[0];
    const at = e ? positionOf(text, e.offset) : undefined;
    throw new OsvDatabaseError(`${where}${at ? `:${at.line}:${at.column}` : ''}: not valid JSON${e ? ` (${jsonc().printParseErrorCode(e.error)})` : ''}`);
  }
}

// How many reasons meta.json keeps for records left out.
const INVALID_EXAMPLES = 5;
/** Above this share of invalid records the source is not an OSV export at all. */
const MAX_INVALID_SHARE = 0.05;

/**
 * Corrupt JSON fails the whole source (a damaged file or download). Valid JSON that breaks the
 * OSV schema (real exports hold a few such records) is left out and counted.
 */
function addText(builder: IndexBuilder, text: string, where: string, shortName: string): void {
  try {
    builder.add(compactRecord(parseRecordText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, where), where, builder.stats));
  } catch (err) {
    if (!(err instanceof InvalidOsvRecord)) throw err;
    builder.stats.invalid++;
    // meta.json names the file only: the same data gives the same index on any machine.
    if (builder.stats.invalidExamples.length < INVALID_EXAMPLES) builder.stats.invalidExamples.push(err.message.replace(where, shortName));
  }
}

/** Rejects a source with no usable record, or mostly invalid ones. */
export function checkSource(builder: IndexBuilder, source: string): void {
  const { records, invalid, invalidExamples } = builder.stats;
  if (records === 0 && invalid === 0) throw new OsvDatabaseError(`${source}: no OSV records in it`);
  if (records === 0 || invalid / (records + invalid) > MAX_INVALID_SHARE) {
    throw new OsvDatabaseError(`${source}: ${invalid} of ${records + invalid} records are not valid OSV; first: ${invalidExamples[0] ?? ''}`);
  }
}

/** A folder of OSV JSON files, one per advisory (as in the OSV exports, unzipped). */
export function indexOsvFolder(dir: string): IndexBuilder {
  const builder = new IndexBuilder();
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new OsvDatabaseError(`${dir}: no OSV records (*.json files) in this folder`);
  for (const f of files) addText(builder, readFileSync(join(dir, f), 'utf8'), join(dir, f), f);
  checkSource(builder, dir);
  return builder;
}

// One advisory is a few KB; an entry this large is not an advisory and would only cost memory.
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/**
 * A zip of OSV JSON files (the OSV export's all.zip). yauzl reads the central directory, so a
 * truncated download fails at open; each entry's size and CRC-32 are checked after inflating.
 */
export function indexOsvZip(zipPath: string): Promise<IndexBuilder> {
  const builder = new IndexBuilder();
  const crc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  return new Promise((resolve, reject) => {
    let data: Buffer;
    try {
      // In memory: yauzl's per-entry file reads were mostly waits on the I/O pool (13 of 19 s
      // for 30,000 entries on a busy machine). The OSV npm export is tens of MB.
      data = readFileSync(zipPath);
    } catch (err) {
      reject(new OsvDatabaseError(`${zipPath}: cannot read (${(err as Error).message})`));
      return;
    }
    yauzl().fromBuffer(data, { lazyEntries: true, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        reject(new OsvDatabaseError(`${zipPath}: not a valid zip archive (${err?.message ?? 'unreadable'}); the download may be truncated`));
        return;
      }
      let failed = false;
      const fail = (e: unknown): void => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(e instanceof OsvDatabaseError ? e : new OsvDatabaseError(`${zipPath}: corrupt zip archive: ${(e as Error).message}`));
      };
      zip.on('error', fail);
      zip.on('entry', (entry: Yauzl.Entry) => {
        if (failed) return;
        if (!entry.fileName.endsWith('.json') || entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        const where = `${zipPath} (${entry.fileName})`;
        if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
          fail(new OsvDatabaseError(`${where}: ${entry.uncompressedSize} bytes is too large for an OSV record`));
          return;
        }
        // Raw bytes, inflated synchronously: one zlib stream per entry spent most of its time
        // waiting on the thread pool. Sizes and CRC-32 are checked here instead.
        zip.openReadStream(entry, { decompress: false } as Yauzl.ZipFileOptions, (streamErr, stream) => {
          if (streamErr || !stream) {
            fail(new OsvDatabaseError(`${where}: cannot read this entry (${streamErr?.message ?? 'no data'})`));
            return;
          }
          const parts: Buffer[] = [];
          stream.on('data', (d: Buffer) => parts.push(d));
          stream.on('error', (e) => fail(new OsvDatabaseError(`${where}: corrupt data (${e.message})`)));
          stream.on('end', () => {
            if (failed) return;
            let data: Buffer;
            try {
              const raw = Buffer.concat(parts);
              if (entry.compressionMethod === 8) data = zlib.inflateRawSync(raw, { maxOutputLength: MAX_ENTRY_BYTES });
              else if (entry.compressionMethod === 0) data = raw;
              else throw new Error(`compression method ${entry.compressionMethod} is not supported`);
            } catch (e) {
              fail(new OsvDatabaseError(`${where}: corrupt data (${(e as Error).message})`));
              return;
            }
            if (data.length !== entry.uncompressedSize) {
              fail(new OsvDatabaseError(`${where}: ${data.length} bytes instead of ${entry.uncompressedSize}: the archive is corrupt`));
              return;
            }
            if (crc32 && crc32(data) >>> 0 !== entry.crc32 >>> 0) {
              fail(new OsvDatabaseError(`${where}: CRC-32 mismatch: the archive is corrupt`));
              return;
            }
            try {
              addText(builder, data.toString('utf8'), where, entry.fileName);
            } catch (e) {
              fail(e);
              return;
            }
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => {
        if (failed) return;
        try {
          checkSource(builder, zipPath);
          resolve(builder);
        } catch (e) {
          reject(e);
        }
      });
      zip.readEntry();
    });
  });
}
