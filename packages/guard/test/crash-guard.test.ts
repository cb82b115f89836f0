/**
 * An exception thrown inside a request, even asynchronously in a timer after the handler
 * returned, never takes the process down: it is logged with its request id, the request gets a
 * safe 500, and the next request is served. Real servers in child processes, one per framework.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FRAMEWORKS, SECRET_ERROR } from './helpers/apps.ts';
import { check } from './helpers/check.ts';

const SERVE = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));

function startChild(framework: string, options: object = {}): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', SERVE, framework, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${framework} server did not start: ${output}`)), 30_000);
    child.stdout!.on('data', () => {
      const m = /LISTENING (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => output });
      }
    });
    child.on('exit', (code) => reject(new Error(`${framework} server exited ${code}: ${output}`)));
  });
}

for (const framework of FRAMEWORKS) {
  describe(`crash guard on ${framework}`, () => {
    let server: Awaited<ReturnType<typeof startChild>>;
    before(async () => {
      server = await startChild(framework);
    });
    after(() => {
      server.child.kill();
    });

    it('answers 500 for an exception thrown in a timer, logs it with the request id, and keeps serving', async () => {
      const crashed = await check(server, { path: '/crash', headers: { 'x-request-id': 'crash-1' } });
      assert.equal(crashed.status, 500);
      assert.deepEqual(crashed.json(), { error: 'Internal error', requestId: 'crash-1' });
      assert.ok(!crashed.text.includes('hunter2'));
      const next = await check(server, { path: '/hello' });
      assert.equal(next.status, 200);
      assert.equal(server.child.exitCode, null, 'the process is still running');
      await new Promise((r) => setTimeout(r, 50));
      const line = server.output().split('\n').find((l) => l.includes('"requestId":"crash-1"') && l.includes('uncaught exception'));
      assert.ok(line, `logged with its request: ${server.output().slice(-2000)}`);
      assert.ok(line.includes('ECONNREFUSED'), 'the log has the full error');
      assert.ok(SECRET_ERROR.includes('ECONNREFUSED'));
    });

    it('ties a crash after the body was parsed to its request too', async () => {
      const crashed = await check(server, { path: '/crash-after-body', body: { a: 1 }, headers: { 'x-request-id': 'crash-2' } });
      assert.equal(crashed.status, 500);
      assert.equal((crashed.json() as { requestId: string }).requestId, 'crash-2');
      assert.equal((await check(server, { path: '/hello' })).status, 200);
      assert.equal(server.child.exitCode, null);
    });
  });
}

describe('crash guard outside requests', () => {
  it('keeps Node’s default for an exception outside any request: printed, exit code 1', async () => {
    const script = `
      const { rampart } = await import('@rampart/guard');
      rampart({ rootCheck: false, logger: false });
      setTimeout(() => { throw new Error('startup failure outside a request'); }, 5);
      setTimeout(() => {}, 2000);
    `;
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /startup failure outside a request/);
  });
});
