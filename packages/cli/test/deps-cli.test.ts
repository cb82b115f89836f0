import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strToU8, zipSync } from 'fflate';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as scanDeps from '@rampart/scan/deps';
import * as dbCommand from '../src/commands/db.js';

// `rampart deps` and `rampart db` as a user runs them: the built bin on real lockfiles.
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../scan/test/fixtures/lockfiles/', import.meta.url));
const CACHE = mkdtempSync(join(tmpdir(), 'rampart-cli-cache-'));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rampart-cli-deps-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

function rampart(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', RAMPART_CACHE_DIR: CACHE } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
// nightscout's lockfile: express 4.17.1 (direct), qs and ws (transitive), axios (dev).
const project = tree({ 'package-lock.json': fixture('nightscout-2026-package-lock.v3.json') });

type Json = { findings: { ruleId: string; practice: number; package: string; version: string; advisoryId: string; aliases: string[]; line: number; file: string; cwe: string; dependency: { devOnly: boolean; paths: string[] } }[]; warnings: { kind: string; message: string }[] };
const json = (r: { stdout: string }): Json => JSON.parse(r.stdout) as Json;

describe('rampart deps', () => {
  it('reports vulnerable packages with package, version, advisory and aliases; exit 1 at high', () => {
    const r = rampart('deps', project, '-f', 'json');
    assert.equal(r.code, 1, r.stderr);
    const report = json(r);
    const qs = report.findings.find((f) => f.package === 'qs');
    assert.ok(qs);
    assert.equal(qs.version, '6.7.0');
    assert.equal(qs.advisoryId, 'GHSA-hrpp-h998-j3pp');
    assert.deepEqual(qs.aliases, ['CVE-2022-24999']);
    assert.equal(qs.practice, 4);
    assert.equal(qs.file, 'package-lock.json');
    assert.match(fixture('nightscout-2026-package-lock.v3.json').split('\n')[qs.line - 1]!, /"node_modules\/express\/node_modules\/qs": \{/);
    assert.deepEqual(qs.dependency.paths, ['express > qs']);
  });
  it('--fail-on none exits 0; --prod leaves dev-only packages out', () => {
    const all = json(rampart('deps', project, '-f', 'json', '--fail-on', 'none'));
    const prod = json(rampart('deps', project, '-f', 'json', '--fail-on', 'none', '--prod'));
    assert.ok(all.findings.some((f) => f.dependency.devOnly));
    assert.ok(prod.findings.length > 0 && prod.findings.every((f) => !f.dependency.devOnly));
    assert.equal(rampart('deps', project, '--fail-on', 'none').code, 0);
  });
  it('SARIF results point at the package line of the lockfile', () => {
    const sarif = JSON.parse(rampart('deps', project, '-f', 'sarif', '--fail-on', 'none').stdout);
    const result = sarif.runs[0].results.find((x: { properties: { package?: string } }) => x.properties.package === 'qs');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'package-lock.json');
    assert.ok(result.locations[0].physicalLocation.region.startLine > 1);
    const pretty = rampart('deps', project, '--fail-on', 'none');
    assert.match(pretty.stdout, /qs@6\.7\.0: qs vulnerable to Prototype Pollution \(GHSA-hrpp-h998-j3pp, CVE-2022-24999\); fixed in 6\.7\.3/);
    assert.match(pretty.stdout, /via: express > qs/);
    assert.match(pretty.stderr, /Audited package-lock\.json \(\d+ packages\) against \d+ advisories/);
    const html = rampart('deps', project, '-f', 'html', '--fail-on', 'none');
    assert.equal(html.code, 0);
    assert.match(html.stdout, /GHSA-hrpp-h998-j3pp/);
  });
  it('the ignore file needs a reason and an expiry; expired entries stop ignoring and are reported', () => {
    const dir = tree({ 'package-lock.json': fixture('nightscout-2026-package-lock.v3.json') });
    writeFileSync(join(dir, 'rampart-ignore.json'), JSON.stringify({ ignore: [{ id: 'CVE-2022-24999', reason: 'qs only parses our own config', expires: '2999-01-01' }] }));
    const ignored = json(rampart('deps', dir, '-f', 'json', '--fail-on', 'none'));
    assert.ok(!ignored.findings.some((f) => f.package === 'qs'));
    writeFileSync(join(dir, 'rampart-ignore.json'), JSON.stringify({ ignore: [{ id: 'GHSA-hrpp-h998-j3pp', reason: 'was fine', expires: '2020-01-01' }] }));
    const expired = json(rampart('deps', dir, '-f', 'json', '--fail-on', 'none'));
    assert.ok(expired.findings.some((f) => f.package === 'qs'));
    assert.ok(expired.warnings.some((w) => w.kind === 'config' && /expired on 2020-01-01/.test(w.message)));
    writeFileSync(join(dir, 'rampart-ignore.json'), JSON.stringify({ ignore: [{ id: 'GHSA-hrpp-h998-j3pp', expires: '2999-01-01' }] }));
    const noReason = rampart('deps', dir);
    assert.equal(noReason.code, 2);
    assert.match(noReason.stderr, /rampart-ignore\.json: ignore\[0\] \(GHSA-hrpp-h998-j3pp\): "reason" is required/);
  });
  it('--fix --dry-run prints upgrades and overrides and changes nothing', () => {
    const dir = tree({ 'package-lock.json': fixture('nightscout-2026-package-lock.v3.json'), 'package.json': '{ "name": "app", "dependencies": { "express": "^4.17.1" } }\n' });
    const r = rampart('deps', dir, '--fix', '--dry-run', '--fail-on', 'none');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /upgrade express 4\.17\.1 -> \^4\.\d+\.\d+ in package\.json/);
    assert.match(r.stdout, /"overrides"/);
    assert.match(r.stdout, /"qs": "\^6\.7\.3"/);
    // Two majors of ws are installed (jsdom's 4.x, socket.io's 8.x): one override each, not one for both.
    assert.match(r.stdout, /"ws@4": "5\.2\.4"/);
    assert.match(r.stdout, /"ws@8": "\^8\.17\.1"/);
    assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), '{ "name": "app", "dependencies": { "express": "^4.17.1" } }\n');
    assert.equal(rampart('deps', dir, '--dry-run').code, 2);
    const applied = rampart('deps', dir, '--fix');
    assert.equal(applied.code, 0, applied.stderr);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    assert.match(pkg.dependencies.express, /^\^4\.(2[2-9]|[3-9]\d)\./);
    assert.equal(pkg.overrides.qs, '^6.7.3');
  });
  it('every lockfile format of the corpus, through the CLI', () => {
    for (const [name, file] of [
      ['yarn.lock', 'prettier-2019-yarn.v1.lock'],
      ['pnpm-lock.yaml', 'vue-core-2022-pnpm-lock.v5.3.yaml'],
      ['bun.lock', 'hono-2026-bun.lock'],
      ['npm-shrinkwrap.json', 'nightscout-2021-npm-shrinkwrap.json'],
    ]) {
      const r = rampart('deps', tree({ [name!]: fixture(file!) }), '-f', 'json', '--fail-on', 'none');
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      assert.ok(Array.isArray(json(r).findings));
    }
  });
  it('a truncated lockfile exits 2 naming the file and position, with no report', () => {
    const text = fixture('mocha-2026-package-lock.v3.json');
    const dir = tree({ 'package-lock.json': text.slice(0, text.length / 2) });
    const r = rampart('deps', dir, '-f', 'json');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /package-lock\.json:\d+:\d+: not valid JSON/);
    const none = rampart('deps', tree({ 'README.md': 'hi' }));
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no lockfile found/);
  });
  it('a corrupt --db exits 2 naming the file and position', () => {
    const db = tree({ 'GHSA-x.json': '{ "id": "GHSA-x", "modified": "2026-01-01T00:00:00Z", "affected": [ }' });
    const r = rampart('deps', project, '--db', db);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /GHSA-x\.json:1:\d+: not valid JSON/);
  });
});

describe('rampart db', () => {
  it('help texts name the same default URL and variable as the updater uses', () => {
    assert.equal(dbCommand.DEFAULT_OSV_URL, scanDeps.DEFAULT_OSV_URL);
    assert.equal(dbCommand.OSV_URL_ENV, scanDeps.OSV_URL_ENV);
  });
  it('status names the database, counts advisories and warns when old', () => {
    const r = rampart('db', 'status', '--json', '--cache-dir', mkdtempSync(join(tmpdir(), 'rampart-empty-cache-')));
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.equal(s.kind, 'shipped');
    assert.ok(s.advisories > 400);
    assert.equal(s.stale, s.ageDays > 7);
    if (s.stale) assert.match(r.stderr, /days old .*rampart db update/);
  });
  it('update downloads from $RAMPART_OSV_URL (a mirror on loopback), then status and deps use it', async () => {
    const record = { schema_version: '1.6.0', id: 'GHSA-mirr-orrr-test', modified: '2026-11-01T00:00:00Z', summary: 'mirrored advisory', affected: [{ package: { ecosystem: 'npm', name: 'qs' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] };
    const zip = Buffer.from(zipSync({ 'GHSA-mirr-orrr-test.json': strToU8(JSON.stringify(record)) }));
    const server = createServer((req, res) => (req.url === '/npm/all.zip' ? res.writeHead(200).end(zip) : res.writeHead(404).end()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/npm/all.zip`;
    const cache = mkdtempSync(join(tmpdir(), 'rampart-mirror-'));
    try {
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'db', 'update', '--cache-dir', cache], { env: { ...process.env, RAMPART_OSV_URL: url }, stdio: 'ignore' });
        child.on('close', resolve);
      });
      assert.equal(code, 0);
    } finally {
      server.close();
    }
    const status = JSON.parse(rampart('db', 'status', '--json', '--cache-dir', cache).stdout);
    assert.deepEqual([status.kind, status.advisories, status.stale], ['downloaded', 1, false]);
    const report = json(rampart('deps', project, '-f', 'json', '--fail-on', 'none', '--cache-dir', cache));
    assert.deepEqual([...new Set(report.findings.map((f) => f.advisoryId))], ['GHSA-mirr-orrr-test']);
  });
  it('update fails with exit 2 and keeps the database when the server is unreachable', () => {
    const r = rampart('db', 'update', '--url', 'http://127.0.0.1:9/all.zip', '--cache-dir', mkdtempSync(join(tmpdir(), 'rampart-upd-')));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot download http:\/\/127\.0\.0\.1:9\/all\.zip.*\n.*previous advisory database is still in use/);
  });
});

describe('rampart scan includes practice 4', () => {
  it('lists vulnerable dependencies among the scan findings', () => {
    const dir = tree({ 'package-lock.json': fixture('nightscout-2026-package-lock.v3.json'), 'index.js': 'module.exports = 1;\n' });
    const r = rampart('scan', dir, '-f', 'json', '--fail-on', 'none');
    assert.equal(r.code, 0, r.stderr);
    const deps = json(r).findings.filter((f) => f.practice === 4);
    assert.ok(deps.some((f) => f.ruleId === 'vulnerable-dependency' && f.package === 'qs'));
  });
  it('a broken lockfile is a parse-error warning of the scan, not a silent pass', () => {
    const dir = tree({ 'package-lock.json': '{ "lockfileVersion": 3, "packages": {', 'index.js': 'module.exports = 1;\n' });
    const r = rampart('scan', dir, '-f', 'json', '--fail-on', 'none');
    assert.equal(r.code, 0, r.stderr);
    const report = json(r);
    assert.ok(report.warnings.some((w) => w.kind === 'parse-error' && /dependencies not audited: .*package-lock\.json:1:\d+: not valid JSON/.test(w.message)), JSON.stringify(report.warnings));
  });
});
