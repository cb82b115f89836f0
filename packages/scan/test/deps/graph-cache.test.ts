import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditDependencies } from '../../src/deps/audit.js';
import { analyzeGraph } from '../../src/deps/graph.js';
import { GRAPH_CACHE_FOLDER, MIN_CACHED_BYTES } from '../../src/deps/lockfile/graph-cache.js';
import { parseLockfile } from '../../src/deps/lockfile/index.js';
import { cacheDir, FIXTURES, tree } from './helpers.js';

const LOCKFILES = readdirSync(FIXTURES).filter((f) => f !== 'MANIFEST.tsv');

/** The one entry of a cache folder that holds one lockfile's graph. */
function entryOf(cache: string): string {
  const files = readdirSync(join(cache, GRAPH_CACHE_FOLDER)).filter((f) => f.endsWith('.json'));
  assert.equal(files.length, 1, files.join(', '));
  return join(cache, GRAPH_CACHE_FOLDER, files[0]!);
}

/** Rewrites an entry's payload and, when asked, a checksum that matches it (a well-formed but wrong entry). */
function tamper(entry: string, edit: (payload: Record<string, unknown>) => void, { reseal }: { reseal: boolean }): void {
  const text = readFileSync(entry, 'utf8');
  const eol = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, eol)) as { key: string; sha256: string };
  const payload = JSON.parse(text.slice(eol + 1)) as Record<string, unknown>;
  edit(payload);
  const body = JSON.stringify(payload);
  const sha256 = reseal ? createHash('sha256').update(body).digest('hex') : header.sha256;
  writeFileSync(entry, `${JSON.stringify({ key: header.key, sha256 })}\n${body}`);
}

describe('parsed-graph cache', () => {
  it('every fixture is large enough to be cached (so every parser is covered below)', () => {
    for (const f of LOCKFILES) assert.ok(statSync(join(FIXTURES, f)).size >= MIN_CACHED_BYTES, f);
  });

  for (const file of LOCKFILES) {
    it(`${file}: the cached graph is the parsed graph, and a second run reads it without writing`, () => {
      const fresh = parseLockfile(join(FIXTURES, file), file);
      const cache = cacheDir();
      const first = parseLockfile(join(FIXTURES, file), file, { cacheDir: cache });
      const entry = entryOf(cache);
      const written = statSync(entry);
      const second = parseLockfile(join(FIXTURES, file), file, { cacheDir: cache });
      // A miss rewrites the entry through a rename (a new inode): a hit leaves it alone.
      assert.equal(statSync(entry).ino, written.ino);
      assert.deepEqual(first, fresh);
      assert.deepEqual(second, fresh);
      // The analysis stored with the graph (flags, depths, shortest paths) is the one computed afresh.
      const expected = analyzeGraph(fresh);
      const cached = analyzeGraph(second);
      assert.deepEqual(cached.facts, expected.facts);
      for (let i = 0; i < fresh.nodes.length; i += 7) assert.deepEqual(cached.paths(i), expected.paths(i), `paths of node ${i}`);
    });
  }

  const FILE = 'mocha-2024-package-lock.v2.json';
  const corruptions: [string, (entry: string) => void][] = [
    ['a flipped byte in the payload', (e) => {
      const b = readFileSync(e);
      const at = b.indexOf('"version":[') + 20;
      b[at] = b[at]! ^ 0x01;
      writeFileSync(e, b);
    }],
    ['a version changed, old checksum kept', (e) => tamper(e, (p) => ((p.version as string[])[5] = '999.0.0'), { reseal: false })],
    ['a truncated file', (e) => writeFileSync(e, readFileSync(e).subarray(0, 5000))],
    ['an empty file', (e) => writeFileSync(e, '')],
    ['a header that is not JSON', (e) => writeFileSync(e, `{"key":\n${readFileSync(e, 'utf8').split('\n')[1]}`)],
    ['binary noise', (e) => writeFileSync(e, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)))],
    ['a folder in place of the entry', (e) => {
      rmSync(e);
      mkdirSync(e);
    }],
    ['an edge to a node that does not exist (checksum resealed)', (e) => tamper(e, (p) => ((p.to as number[])[0] = 10_000_000), { reseal: true })],
    ['a column one entry short (checksum resealed)', (e) => tamper(e, (p) => (p.name as string[]).pop(), { reseal: true })],
    ['a name that is not a string (checksum resealed)', (e) => tamper(e, (p) => ((p.name as unknown[])[3] = 42), { reseal: true })],
    ['an unknown edge kind (checksum resealed)', (e) => tamper(e, (p) => ((p.kind as number[])[0] = 9), { reseal: true })],
    ['every reachable package at one depth, so predecessors could loop (checksum resealed)', (e) => tamper(e, (p) => (p.depth = (p.depth as number[]).map((d) => (d > 0 ? 2 : 0))), { reseal: true })],
    ['flags out of range (checksum resealed)', (e) => tamper(e, (p) => ((p.facts as number[])[0] = 9), { reseal: true })],
    ['one predecessor too many (checksum resealed)', (e) => tamper(e, (p) => (p.preds as number[]).push(0), { reseal: true })],
    ['an empty payload (checksum resealed)', (e) => tamper(e, (p) => Object.keys(p).forEach((k) => delete p[k]), { reseal: true })],
  ];
  for (const [what, corrupt] of corruptions) {
    it(`a corrupt entry (${what}) is a miss: the graph and the audit are those of a fresh parse`, async () => {
      const dir = tree({});
      copyFileSync(join(FIXTURES, FILE), join(dir, 'package-lock.json'));
      const fresh = parseLockfile(join(dir, 'package-lock.json'), 'package-lock.json');
      const cache = cacheDir();
      const reference = await auditDependencies(dir, { cacheDir: cache });
      const entry = entryOf(cache);
      corrupt(entry);
      const read = parseLockfile(join(dir, 'package-lock.json'), 'package-lock.json', { cacheDir: cache });
      assert.deepEqual(read, fresh);
      assert.deepEqual(analyzeGraph(read).facts, analyzeGraph(fresh).facts);
      const again = await auditDependencies(dir, { cacheDir: cache });
      assert.ok(reference.findings.length > 0);
      assert.deepEqual(again.findings, reference.findings);
      assert.deepEqual(again.warnings, reference.warnings);
    });
  }

  it('a changed lockfile, package.json or display name is a new key: never an old graph', () => {
    const dir = tree({});
    const lock = join(dir, 'package-lock.json');
    copyFileSync(join(FIXTURES, 'mocha-2020-package-lock.v1.json'), lock);
    const cache = cacheDir();
    const before = parseLockfile(lock, 'package-lock.json', { cacheDir: cache });
    assert.ok(before.notes.some((n) => /no package\.json/.test(n)));
    // lockfileVersion 1 takes the direct dependencies from package.json: adding one changes the graph.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', dependencies: { debug: '*' } }));
    const withManifest = parseLockfile(lock, 'package-lock.json', { cacheDir: cache });
    assert.deepEqual(withManifest, parseLockfile(lock, 'package-lock.json'));
    assert.equal(withManifest.importers[0]!.deps.length, 1);
    // The same size, one version changed.
    const text = readFileSync(lock, 'utf8');
    const edited = text.replace('"version": "4.17.20"', '"version": "4.17.19"');
    assert.notEqual(edited, text);
    writeFileSync(lock, edited);
    const after = parseLockfile(lock, 'package-lock.json', { cacheDir: cache });
    assert.ok(after.nodes.some((n) => n.version === '4.17.19'));
    assert.deepEqual(after, parseLockfile(lock, 'package-lock.json'));
    assert.equal(parseLockfile(lock, 'other/package-lock.json', { cacheDir: cache }).file, 'other/package-lock.json');
  });

  it('a cache folder that cannot be written is skipped: the lockfile is parsed', () => {
    const dir = tree({ 'cache-is-a-file': 'not a folder' });
    const graph = parseLockfile(join(FIXTURES, FILE), FILE, { cacheDir: join(dir, 'cache-is-a-file') });
    assert.deepEqual(graph, parseLockfile(join(FIXTURES, FILE), FILE));
  });

  it('bad input is still an error with the file and position, cached or not', () => {
    const cache = cacheDir();
    const text = readFileSync(join(FIXTURES, FILE), 'utf8');
    const dir = tree({ 'package-lock.json': text.slice(0, 200_000) });
    for (let run = 0; run < 2; run++) {
      assert.throws(() => parseLockfile(join(dir, 'package-lock.json'), 'package-lock.json', { cacheDir: cache }), /package-lock\.json:\d+:\d+: not valid JSON/);
    }
  });
});
