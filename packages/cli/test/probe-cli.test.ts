import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startBareApp, startSpaApp, type Running } from '../../probe/test/helpers/apps.ts';

// The built bin against loopback apps served by this process, so never spawnSync.
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

function rampart(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('rampart probe (built CLI)', () => {
  let bare: Running;
  let spa: Running;
  before(async () => {
    bare = await startBareApp();
    spa = await startSpaApp();
  });
  after(async () => {
    await bare.close();
    await spa.close();
  });

  it('--format json prints grade, score and tests with id, pass and detail; exit 1 under the default --fail-under B', async () => {
    const r = await rampart('probe', bare.url, '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { grade: string; score: number; tests: { id: string; pass: boolean; detail: string }[]; requests: { method: string; url: string }[] };
    assert.equal(out.grade, 'F');
    assert.equal(typeof out.score, 'number');
    assert.deepEqual(Object.keys(out).slice(0, 3), ['grade', 'score', 'tests']);
    const env = out.tests.find((t) => t.id === 'exposed-env-file')!;
    assert.equal(env.pass, false);
    assert.match(env.detail, /\.env is served/);
    for (const t of out.tests) assert.deepEqual([typeof t.id, typeof t.pass, typeof t.detail], ['string', 'boolean', 'string']);
    assert.ok(out.requests.length > 10);
  });

  it('exits 0 with --fail-under none, and prints the pretty report', async () => {
    const r = await rampart('probe', bare.url, '--fail-under', 'none');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Grade F/);
    assert.match(r.stdout, /FAIL Environment file \(\.env\) served/);
    assert.match(r.stdout, /rampart guard: headers\.hidePoweredBy/);
  });

  it('--format sarif carries the failures as results located on the site', async () => {
    const r = await rampart('probe', bare.url, '--format', 'sarif', '--fail-under', 'none');
    assert.equal(r.code, 0, r.stderr);
    const sarif = JSON.parse(r.stdout);
    const run = sarif.runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, bare.url);
    const env = run.results.find((x: { ruleId: string }) => x.ruleId === 'probe-exposed-env-file');
    assert.equal(env.locations[0].physicalLocation.artifactLocation.uri, '/.env');
    assert.equal(env.level, 'error');
  });

  it('--format html renders', async () => {
    const r = await rampart('probe', bare.url, '--format', 'html', '--fail-under', 'none');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /<html/);
    assert.match(r.stdout, /probe-exposed-git-head/);
  });

  it('a SPA with a poor header grade passes --fail-under F and reports no leak', async () => {
    const r = await rampart('probe', spa.url, '-f', 'json', '--fail-under', 'F');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { tests: { id: string; pass: boolean }[] };
    for (const id of ['exposed-env-file', 'exposed-git-head', 'source-maps', 'directory-listing']) assert.equal(out.tests.find((t) => t.id === id)!.pass, true, id);
  });

  it('exits 2 with a clear message for an unreachable port', async () => {
    const server = http.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const r = await rampart('probe', `http://127.0.0.1:${port}/`);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`rampart: cannot reach http://127\\.0\\.0\\.1:${port}/: .*ECONNREFUSED`));
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await rampart('probe', 'ftp://x/')).code, 2);
    const bad = await rampart('probe', bare.url, '--fail-under', 'Z');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /A\+, A, A-/);
    assert.equal((await rampart('probe')).code, 2);
  });
});
