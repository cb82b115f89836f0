import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './helpers.js';

// Drivers are hooked when the app loads them, not loaded at startup: a resolvable driver the app
// never uses stays out of the heap. One the app loaded before protection is hooked at once, and
// `mysql2/promise` (which never loads mysql2's main file) still hooks mysql2.
test('SQL drivers are hooked when the app first loads them, and unused ones are never loaded', () => {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(process.cwd() + '/noop.js');
    require('mysql2/promise');
    const { installed } = await import('@rampart/guard/protect');
    const before = [...installed.hooked];
    const othersLoaded = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](pg|mysql|sqlite3|better-sqlite3|mongodb)[\\\\/]/.test(f));
    require('pg');
    console.log(JSON.stringify({ before, othersLoaded, after: installed.hooked }));`;
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { before: string[]; othersLoaded: string[]; after: string[] };
  assert.deepEqual(out.before, ['mysql2']);
  assert.deepEqual(out.othersLoaded, []);
  assert.deepEqual(out.after, ['mysql2', 'pg']);
});
