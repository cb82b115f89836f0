import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The built bin, as a user runs it. `npm test` builds first.
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

describe('rampart dashboard', () => {
  it('refuses to listen beyond loopback without a token (exit 2, says why)', () => {
    const env = { ...process.env };
    delete env.RAMPART_DASHBOARD_TOKEN;
    const r = spawnSync(process.execPath, [BIN, 'dashboard', '--host', '0.0.0.0', '--port', '0'], { encoding: 'utf8', env, timeout: 20_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /token/i);
  });

  it('rejects a bad port and two event sources at once', () => {
    assert.equal(spawnSync(process.execPath, [BIN, 'dashboard', '--port', 'http'], { encoding: 'utf8' }).status, 2);
    const both = spawnSync(process.execPath, [BIN, 'dashboard', '--redis', 'redis://127.0.0.1:6379', '--postgres', 'postgres://127.0.0.1/test'], { encoding: 'utf8' });
    assert.equal(both.status, 2);
    assert.match(both.stderr, /choose one/);
  });

  it('serves the page on loopback, prints the URL without the token, and answers the API only with the token', async () => {
    const token = 'a-long-enough-dashboard-token-1234';
    const child = spawn(process.execPath, [BIN, 'dashboard', '--port', '0', '--token', token], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\/?/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[0].replace(/\/$/, ''));
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      assert.ok(!out.includes(token), 'the token is never printed');
      const page = await fetch(`${url}/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src/);
      assert.equal((await fetch(`${url}/api/events`)).status, 401);
      const events = await fetch(`${url}/api/events`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(events.status, 200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
