import { rmSync, statSync } from 'node:fs';
import { indexOsvFolder, indexOsvZip } from './sources.js';
import { writeIndex, type IndexMeta } from './store.js';

/** What meta.json says of the shipped snapshot: no path or date of the machine that built it. */
export const SNAPSHOT_SOURCE = 'shipped snapshot (OSV npm advisories; rebuild: npm run generate:osv -- <folder or zip>)';

/**
 * Builds the advisory index shipped in @rampart/scan's data/osv-npm from a folder or zip of
 * OSV records. The output depends only on the records, so rebuilding from the same data
 * changes nothing (a test checks it).
 */
export async function buildSnapshot(source: string, outDir: string): Promise<IndexMeta> {
  const builder = statSync(source).isDirectory() ? indexOsvFolder(source) : await indexOsvZip(source);
  rmSync(outDir, { recursive: true, force: true });
  return writeIndex(outDir, builder, { source: SNAPSHOT_SOURCE });
}
