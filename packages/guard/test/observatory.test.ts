/**
 * The MDN HTTP Observatory scores the secured example app (Rampart's defaults, HTTPS on
 * loopback, HTTP redirecting to it) with its own code: retriever, tests and grader. The guard's
 * defaults must reach at least 135 of 145 (the five points left need the domain on browsers'
 * HSTS preload list, which no local test can have). helmet's defaults on the same app are
 * measured in the same run for comparison.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import helmet from 'helmet';
// @ts-expect-error plain JavaScript example, no declarations
import { createApp, serve } from '../../../examples/secured-app/app.mjs';
import { createTestCa, type TestCa } from '../../../test/helpers/test-ca.ts';

const SCAN = fileURLToPath(new URL('./fixtures/observatory-scan.mjs', import.meta.url));
const MINIMUM = 135;

interface ScanResult {
  grade: string;
  score: number;
  tests: Record<string, { result: string; pass: boolean; scoreModifier: number }>;
}

/** Offline, the Observatory reads an HSTS preload list it normally downloads at install: give it an empty one. */
function ensurePreloadList(): void {
  const pkg = dirname(createRequire(import.meta.url).resolve('@mdn/mdn-http-observatory/package.json'));
  const file = join(pkg, 'conf', 'hsts-preload.json');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{}\n');
  }
}

/** The scanner runs in a child process (the server stays in this one, so never spawnSync). */
async function scan(httpPort: number, httpsPort: number, ca: TestCa): Promise<ScanResult> {
  const child = spawn(process.execPath, [SCAN, '127.0.0.1', String(httpPort), String(httpsPort)], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: ca.caFile, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill(), 60_000);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  assert.equal(code, 0, `observatory scan failed: ${stderr}${stdout}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('MDN HTTP Observatory', () => {
  let ca: TestCa;
  before(async () => {
    ensurePreloadList();
    ca = await createTestCa();
  });
  after(() => {
    if (ca) rmSync(ca.dir, { recursive: true, force: true });
  });

  it(`scores the guard's defaults at least ${MINIMUM} (A+), above helmet's defaults on the same app`, async () => {
    const guarded = await serve({ key: ca.key, cert: ca.cert });
    let ours: ScanResult;
    try {
      ours = await scan(guarded.httpPort, guarded.httpsPort, ca);
    } finally {
      await guarded.close();
    }
    const helmetServer = await serve({ key: ca.key, cert: ca.cert, app: createApp([helmet()]) });
    let theirs: ScanResult;
    try {
      theirs = await scan(helmetServer.httpPort, helmetServer.httpsPort, ca);
    } finally {
      await helmetServer.close();
    }
    const line = (name: string, s: ScanResult) =>
      `${name}: ${s.grade} ${s.score}/145  ${Object.entries(s.tests).map(([t, r]) => `${t} ${r.scoreModifier >= 0 ? '+' : ''}${r.scoreModifier}`).join(', ')}`;
    console.log(`Observatory\n  ${line('rampart defaults', ours)}\n  ${line('helmet defaults ', theirs)}`);
    for (const [name, t] of Object.entries(ours.tests)) assert.ok(t.pass, `${name}: ${t.result}`);
    assert.equal(ours.tests.redirection.result, 'redirection-to-https');
    assert.equal(ours.tests['content-security-policy'].result, 'csp-implemented-with-no-unsafe-default-src-none');
    assert.equal(ours.tests.cookies.result, 'cookies-secure-with-httponly-sessions-and-samesite');
    assert.equal(ours.grade, 'A+');
    assert.ok(ours.score >= MINIMUM, `score ${ours.score} < ${MINIMUM}`);
    assert.ok(ours.score > theirs.score, `rampart ${ours.score} vs helmet ${theirs.score}`);
  });
});
