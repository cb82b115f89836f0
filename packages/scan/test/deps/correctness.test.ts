import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';
import { auditDependencies } from '../../src/deps/audit.js';
import { parseLockfile } from '../../src/deps/lockfile/index.js';
import { buildSnapshot, SHIPPED_DB_DIR } from '../../src/deps/index.js';
import { cacheDir, FIXTURES, sharedOsvDir } from './helpers.js';

const OSV = sharedOsvDir();
const skip = OSV ? false : 'the OSV records of shared/data/osv-npm are not beside the repo';

type Raw = { id: string; withdrawn?: string; affected?: { package?: { ecosystem?: string; name?: string }; versions?: string[]; ranges?: { type: string; events: Record<string, string>[] }[] }[] };

/**
 * The expected matcher, written apart from the code under test: each SEMVER range becomes
 * intervals [introduced, next fixed) or [introduced, next last_affected], then a plain check.
 */
function affects(record: Raw, name: string, version: string): boolean {
  if (record.withdrawn) return false;
  for (const a of record.affected ?? []) {
    if (a.package?.ecosystem !== 'npm' || a.package.name !== name) continue;
    if ((a.versions ?? []).includes(version)) return true;
    for (const r of a.ranges ?? []) {
      if (r.type !== 'SEMVER') continue;
      const events = r.events.map((e) => Object.entries(e)[0]!).sort((x, y) => (x[1] === '0' ? -1 : y[1] === '0' ? 1 : semver.compare(x[1], y[1])));
      for (let i = 0; i < events.length; i++) {
        const [kind, start] = events[i]!;
        if (kind !== 'introduced') continue;
        if (start !== '0' && semver.lt(version, start)) continue;
        const end = events.slice(i + 1).find(([k]) => k !== 'introduced');
        if (!end) return true;
        if (end[0] === 'fixed' && semver.lt(version, end[1])) return true;
        if (end[0] === 'last_affected' && semver.lte(version, end[1])) return true;
        if (end[0] === 'limit' && semver.lt(version, end[1])) return true;
      }
    }
  }
  return false;
}

describe('findings match an independent reading of the raw OSV records', { skip }, () => {
  const records = OSV ? readdirSync(OSV).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(OSV, f), 'utf8')) as Raw) : [];
  const recordIds = new Set(records.map((r) => r.id));
  for (const file of readdirSync(FIXTURES).filter((f) => f !== 'MANIFEST.tsv')) {
    it(file, async () => {
      const graph = parseLockfile(join(FIXTURES, file), file);
      const expected = new Set<string>();
      for (const n of graph.nodes) {
        if (n.source !== 'registry' || !semver.valid(n.version)) continue;
        for (const r of records) if (r.id !== 'NSWG-ECO-undefined' && affects(r, n.name, n.version)) expected.add(`${n.name}@${n.version} ${r.id}`);
      }
      // Twice with one cache folder: the first run parses the lockfile, the second reads its cached graph.
      const cache = cacheDir();
      for (const run of ['parsed', 'cached graph']) {
        const report = await auditDependencies(join(FIXTURES, file), { cacheDir: cache });
        const actual = new Set<string>();
        for (const f of report.findings) for (const id of [f.advisoryId!, ...f.aliases!]) if (recordIds.has(id)) actual.add(`${f.package}@${f.version} ${id}`);
        assert.deepEqual([...actual].sort(), [...expected].sort(), run);
      }
    });
  }
  it('the shipped snapshot is what `npm run generate:osv` builds from these records', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rampart-snap-')), 'osv-npm');
    await buildSnapshot(OSV!, out);
    for (const f of ['meta.json', 'index.bin', 'advisories.ndjson']) assert.deepEqual(readFileSync(join(out, f)), readFileSync(join(SHIPPED_DB_DIR, f)), f);
  });
});
