import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, get, waitForEvent } from './helpers.js';

// The node:http hook gives every framework a request context: Fastify (ESM) and Koa (CJS) apps,
// unmodified, are protected by --import @rampart/guard/register and answer the block as 403.
for (const file of ['app-fastify.mjs', 'app-koa.cjs']) {
  test(`${file}: the SQL exploit leaks rows bare and is a 403 with register; benign input passes`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-protect-fw-'));
    const [bare, guarded] = [await startApp(file, false, { APP_DIR: dir }), await startApp(file, true, { APP_DIR: join(dir) })];
    try {
      const attack = `/users?name=${encodeURIComponent("' OR '1'='1")}`;
      assert.match((await get(bare.url + attack)).body, /bob-secret/, 'the attack really works bare');
      const r = await get(guarded.url + attack);
      assert.equal(r.status, 403, r.body);
      assert.match(r.body, /Request blocked by Rampart/);
      const event = await waitForEvent(guarded, (e) => e.rule === 'sql-injection');
      assert.ok(event, guarded.stderr());
      assert.match(event.attack.frame, new RegExp(`${file.replace('.', '\\.')}:\\d+`));
      const ok = await get(`${guarded.url}/users?name=${encodeURIComponent('select shoes')}`);
      assert.equal(ok.status, 200);
      assert.equal(ok.body, '[]');
    } finally {
      await Promise.all([bare.stop(), guarded.stop()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
