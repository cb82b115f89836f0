import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { auditDependencies } from '../../src/deps/audit.js';
import { openDatabase } from '../../src/deps/osv/database.js';
import { OsvDatabaseError } from '../../src/deps/osv/record.js';
import { AdvisoryIndex, IndexBuilder, writeIndex } from '../../src/deps/osv/store.js';
import { updateDatabase } from '../../src/deps/osv/update.js';
import { cacheDir, osv, tree } from './helpers.js';

const LOCK = JSON.stringify({
  name: 'app',
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', dependencies: { evil: '^1.0.0' } },
    'node_modules/evil': { version: '1.2.0', resolved: 'https://registry.npmjs.org/evil/-/evil-1.2.0.tgz' },
  },
}, null, 2);

const RECORDS = {
  'GHSA-aaaa-bbbb-cccc.json': osv('GHSA-aaaa-bbbb-cccc', 'evil', [{ introduced: '0' }, { fixed: '1.3.0' }], { aliases: ['CVE-2026-0001'] }),
  'NSWG-ECO-9.json': osv('NSWG-ECO-9', 'evil', [{ introduced: '1.0.0' }, { fixed: '1.2.5' }], { aliases: ['CVE-2026-0001'] }),
  'GHSA-wdrn-wdrn-wdrn.json': osv('GHSA-wdrn-wdrn-wdrn', 'evil', [{ introduced: '0' }], { withdrawn: '2026-01-01T00:00:00Z' }),
};

function zipOf(files: Record<string, unknown>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(typeof v === 'string' ? v : JSON.stringify(v))]))));
}

describe('advisory database sources', () => {
  it('a folder of OSV files: aliases merge, withdrawn records are skipped, the fix is the highest', async () => {
    const db = tree(Object.fromEntries(Object.entries(RECORDS).map(([k, v]) => [k, JSON.stringify(v)])));
    const report = await auditDependencies(tree({ 'package-lock.json': LOCK }), { db, cacheDir: cacheDir() });
    assert.equal(report.findings.length, 1);
    const f = report.findings[0]!;
    assert.equal(f.advisoryId, 'GHSA-aaaa-bbbb-cccc');
    assert.deepEqual(f.aliases, ['CVE-2026-0001', 'NSWG-ECO-9']);
    assert.equal(f.dependency!.fixedVersion, '1.3.0');
    assert.deepEqual(f.dependency!.upgrade, { package: 'evil', from: '1.2.0', to: '1.3.0' });
  });
  it('a zip of OSV files, indexed once then reused (warm)', async () => {
    const zip = join(tree({}), 'all.zip');
    writeFileSync(zip, zipOf(RECORDS));
    const cache = cacheDir();
    const cold = await openDatabase({ db: zip, cacheDir: cache });
    assert.equal(cold.built, true);
    assert.equal(cold.index.meta.advisories, 2);
    const warm = await openDatabase({ db: zip, cacheDir: cache });
    assert.equal(warm.built, false);
    assert.deepEqual([...warm.index.lookup(['evil', 'other']).keys()], ['evil']);
  });
  it('names the file, line and column of a corrupt record', async () => {
    const db = tree({ 'GHSA-good.json': JSON.stringify(RECORDS['GHSA-aaaa-bbbb-cccc.json']), 'GHSA-bad.json': '{\n  "id": "GHSA-bad",\n  "modified": \n' });
    await assert.rejects(openDatabase({ db, cacheDir: cacheDir() }), (e: Error) => e instanceof OsvDatabaseError && /GHSA-bad\.json:\d+:\d+: not valid JSON/.test(e.message));
  });
  it('rejects a corrupt or truncated zip and an empty one', async () => {
    const good = zipOf(RECORDS);
    const dir = tree({});
    writeFileSync(join(dir, 'cut.zip'), good.subarray(0, good.length - 30));
    await assert.rejects(openDatabase({ db: join(dir, 'cut.zip'), cacheDir: cacheDir() }), /cut\.zip: not a valid zip archive/);
    const flipped = Buffer.from(good);
    flipped[60] = flipped[60]! ^ 0xff;
    writeFileSync(join(dir, 'flipped.zip'), flipped);
    await assert.rejects(openDatabase({ db: join(dir, 'flipped.zip'), cacheDir: cacheDir() }), /flipped\.zip/);
    writeFileSync(join(dir, 'empty.zip'), zipOf({ 'README.txt': 'nothing' }));
    await assert.rejects(openDatabase({ db: join(dir, 'empty.zip'), cacheDir: cacheDir() }), /no OSV records/);
  });
  it('a corrupt index on disk is an error naming the file, not an empty answer', async () => {
    const db = tree(Object.fromEntries(Object.entries(RECORDS).map(([k, v]) => [k, JSON.stringify(v)])));
    const cache = cacheDir();
    const opened = await openDatabase({ db, cacheDir: cache });
    writeFileSync(join(opened.index.dir, 'advisories.ndjson'), 'garbage');
    await assert.rejects(auditDependencies(tree({ 'package-lock.json': LOCK }), { db, cacheDir: cache }), /advisories\.ndjson/);
    writeFileSync(join(opened.index.dir, 'index.bin'), readFileSync(join(opened.index.dir, 'index.bin')).subarray(0, 30));
    await assert.rejects(auditDependencies(tree({ 'package-lock.json': LOCK }), { db, cacheDir: cache }), /index\.bin: corrupt advisory index/);
  });
  it('a bit flipped in the index or the data is an error, never another answer', async () => {
    const db = tree(Object.fromEntries(Object.entries(RECORDS).map(([k, v]) => [k, JSON.stringify(v)])));
    const cache = cacheDir();
    const { dir } = (await openDatabase({ db, cacheDir: cache })).index;
    const index = readFileSync(join(dir, 'index.bin'));
    const flipped = Buffer.from(index);
    // The last byte is in the names: "evil" becomes "evim", still valid-looking.
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 0x01;
    writeFileSync(join(dir, 'index.bin'), flipped);
    await assert.rejects(auditDependencies(tree({ 'package-lock.json': LOCK }), { db, cacheDir: cache }), /index\.bin: corrupt advisory index \(checksum mismatch\)/);
    writeFileSync(join(dir, 'index.bin'), index);
    // A fixed version edited in place: still valid JSON, so only the checksum tells.
    const data = readFileSync(join(dir, 'advisories.ndjson'), 'utf8');
    assert.ok(data.includes('"1.3.0"'));
    writeFileSync(join(dir, 'advisories.ndjson'), data.replace('"1.3.0"', '"1.9.0"'));
    await assert.rejects(auditDependencies(tree({ 'package-lock.json': LOCK }), { db, cacheDir: cache }), /advisories\.ndjson: byte \d+: corrupt advisory data for "evil" \(checksum mismatch\)/);
  });
});

describe('advisory index format', () => {
  it('finds every name of a large index by binary search, scoped and non-ASCII names included, and nothing else', () => {
    const builder = new IndexBuilder();
    const names = ['@scope/a', '@scope/b', 'a', 'a-b', 'ab', 'caf\u00e9', 'caf\u00e9s', 'z', 'zz'];
    for (let i = 0; i < 30_000; i++) names.push(`pkg-${(i * 7919).toString(36)}`);
    names.forEach((name, i) => builder.add(new Map([[name, { id: `GHSA-${i}`, aliases: [], summary: name, modified: '2026-01-01T00:00:00Z', severity: 'high', cwe: [], ranges: [[['introduced', '0']]], versions: [], url: '' }]])));
    const dir = join(tree({}), 'index');
    writeIndex(dir, builder, { source: 'test' });
    const index = new AdvisoryIndex(dir);
    const found = index.lookup([...names, 'missing', '@scope/c', 'caf', '', 'pkg-']);
    assert.equal(found.size, names.length);
    for (const name of names) assert.deepEqual(found.get(name)!.map((a) => a.summary), [name]);
  });
  it('still reads an index of format 1 (index.json), as earlier versions built them', async () => {
    const line = JSON.stringify([{ id: 'GHSA-aaaa-bbbb-cccc', aliases: [], summary: 'evil', modified: '2026-01-01T00:00:00Z', severity: 'high', cwe: [], ranges: [[['introduced', '0'], ['fixed', '1.3.0']]], versions: [], url: '' }]);
    const db = tree({
      'meta.json': JSON.stringify({ format: 'rampart-osv-index', formatVersion: 1, source: 'test', records: 1, withdrawn: 0, otherEcosystems: 0, skippedRanges: 0, invalid: 0, invalidExamples: [], newestModified: '2026-01-01T00:00:00Z', packages: 1, advisories: 1 }),
      'index.json': JSON.stringify({ evil: [0, Buffer.byteLength(line)] }),
      'advisories.ndjson': `${line}\n`,
    });
    const report = await auditDependencies(tree({ 'package-lock.json': LOCK }), { db, cacheDir: cacheDir() });
    assert.deepEqual(report.findings.map((f) => [f.package, f.advisoryId]), [['evil', 'GHSA-aaaa-bbbb-cccc']]);
  });
});

describe('rampart db update (loopback server)', () => {
  let server: Server;
  let base = '';
  const routes = new Map<string, (res: import('node:http').ServerResponse) => void>();
  before(async () => {
    server = createServer((req, res) => {
      const route = routes.get(req.url ?? '');
      if (route) route(res);
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    routes.set('/all.zip', (res) => res.writeHead(200, { 'content-type': 'application/zip' }).end(zipOf(RECORDS)));
    routes.set('/corrupt.zip', (res) => res.writeHead(200).end(zipOf(RECORDS).subarray(0, 100)));
    routes.set('/empty.zip', (res) => res.writeHead(200).end());
    routes.set('/bad-record.zip', (res) => res.writeHead(200).end(zipOf({ 'GHSA-x.json': '{"id": "GHSA-x",' })));
    routes.set('/hang.zip', (res) => {
      res.writeHead(200);
      res.write(zipOf(RECORDS).subarray(0, 50));
      // then nothing: the client must give up and keep the old database
    });
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('downloads, verifies and switches to the new database', async () => {
    const cache = cacheDir();
    const r = await updateDatabase({ url: `${base}/all.zip`, cacheDir: cache });
    assert.equal(r.meta.advisories, 2);
    const opened = await openDatabase({ cacheDir: cache });
    assert.equal(opened.kind, 'downloaded');
    assert.equal(opened.index.meta.source, `${base}/all.zip`);
    const second = await updateDatabase({ url: `${base}/all.zip`, cacheDir: cache });
    // The previous folder is gone, the pointer names the new one, nothing half-written stays.
    assert.deepEqual(readdirSync(cache).sort(), ['osv-npm.current.json', second.dir.split('/').at(-1)!].sort());
  });

  for (const [path, pattern] of [
    ['/missing.zip', /HTTP 404/],
    ['/corrupt.zip', /not a valid zip archive/],
    ['/empty.zip', /empty file/],
    ['/bad-record.zip', /GHSA-x\.json\):1:\d+: not valid JSON/],
  ] as const) {
    it(`${path}: fails and keeps the previous database`, async () => {
      const cache = cacheDir();
      const first = await updateDatabase({ url: `${base}/all.zip`, cacheDir: cache });
      await assert.rejects(updateDatabase({ url: `${base}${path}`, cacheDir: cache }), pattern);
      const opened = await openDatabase({ cacheDir: cache });
      assert.equal(opened.index.dir, first.dir);
      assert.deepEqual(readdirSync(cache).sort(), ['osv-npm.current.json', first.dir.split('/').at(-1)!].sort());
    });
  }

  it('a stalled download times out and keeps the previous database', async () => {
    const cache = cacheDir();
    const first = await updateDatabase({ url: `${base}/all.zip`, cacheDir: cache });
    await assert.rejects(updateDatabase({ url: `${base}/hang.zip`, cacheDir: cache, timeoutMs: 300 }), /interrupted|abort/i);
    assert.equal((await openDatabase({ cacheDir: cache })).index.dir, first.dir);
    assert.ok(existsSync(join(cache, 'osv-npm.current.json')));
    assert.match(readFileSync(join(cache, 'osv-npm.current.json'), 'utf8'), /osv-npm-/);
  });
});

describe('the smallest upgrade of the direct dependency, when the lockfile proves it', () => {
  const qsDb = (): string => tree({ 'GHSA-qsqs-qsqs-qsqs.json': JSON.stringify(osv('GHSA-qsqs-qsqs-qsqs', 'qs', [{ introduced: '0' }, { fixed: '6.7.3' }])) });
  const entry = (v: string, deps?: Record<string, string>) => ({ version: v, resolved: 'https://registry.npmjs.org/x/-/x-1.tgz', ...(deps ? { dependencies: deps } : {}) });
  const lock = (newerQs: string) =>
    JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'mono', workspaces: ['a', 'b'] },
        a: { name: 'a', dependencies: { express: '4.17.1' } },
        b: { name: 'b', dependencies: { express: '^4.22.0' } },
        'node_modules/a': { resolved: 'a', link: true },
        'node_modules/b': { resolved: 'b', link: true },
        'a/node_modules/express': entry('4.17.1', { qs: '6.7.0' }),
        'a/node_modules/qs': entry('6.7.0'),
        'node_modules/express': entry('4.22.0', { qs: newerQs }),
        'node_modules/qs': entry(newerQs),
        'node_modules/express-old': entry('4.0.0'),
      },
    });
  it('a newer copy of express in another workspace brings a fixed qs: upgrade express', async () => {
    const report = await auditDependencies(tree({ 'package-lock.json': lock('6.11.0') }), { db: qsDb(), cacheDir: cacheDir() });
    assert.equal(report.findings.length, 1);
    const f = report.findings[0]!;
    assert.equal(f.package, 'qs');
    assert.deepEqual(f.dependency!.upgrade, { package: 'express', from: '4.17.1', to: '4.22.0' });
    assert.deepEqual(report.fixes.map((x) => [x.kind, x.package, x.to, x.importer]), [['upgrade', 'express', '4.22.0', 'a']]);
  });
  it('no proof when the newer copy brings a vulnerable qs too: an override instead', async () => {
    const report = await auditDependencies(tree({ 'package-lock.json': lock('6.7.1') }), { db: qsDb(), cacheDir: cacheDir() });
    assert.ok(report.findings.every((f) => f.dependency!.upgrade === undefined));
    assert.ok(report.fixes.every((x) => x.kind === 'override' && x.package === 'qs'));
  });
});
