import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// Each published package must load the way users load it: from its built dist (no
// "source" condition, no tsx), as ESM and through require() (Node >= 20.19 loads ESM
// synchronously), and must publish only its dist.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = [
  { dir: 'core', name: '@rampart/core', exportName: 'formatReport' },
  // data/: the advisory database `rampart deps` reads offline (data/osv-npm, generated).
  { dir: 'scan', name: '@rampart/scan', exportName: 'scan', files: ['dist', 'data'] },
  { dir: 'auth', name: '@rampart/auth', exportName: 'hashPassword' },
  { dir: 'secrets', name: '@rampart/secrets', exportName: 'loadSecrets' },
  { dir: 'cli', name: 'rampart', exportName: 'main' },
  { dir: 'eslint-plugin-rampart', name: 'eslint-plugin-rampart', exportName: 'default' },
  { dir: 'guard', name: '@rampart/guard', exportName: 'rampart' },
];

function node(args: string[]) {
  // A plain user process: no tsx, no source condition.
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
}

describe('published packages', () => {
  for (const p of PACKAGES) {
    it(`${p.name} imports as ESM from dist`, () => {
      const r = node(['--input-type=module', '-e', `const m = await import(${JSON.stringify(p.name)}); if (!(${JSON.stringify(p.exportName)} in m)) { console.error(Object.keys(m)); process.exit(3); }`]);
      assert.equal(r.status, 0, r.stderr);
    });
    it(`${p.name} loads with require()`, () => {
      const r = node(['--no-warnings', '-e', `const m = require(${JSON.stringify(p.name)}); if (!(${JSON.stringify(p.exportName)} in m)) process.exit(3);`]);
      assert.equal(r.status, 0, r.stderr);
    });
    it(`${p.name} publishes only dist (and its data) and declares engines >=20`, () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'packages', p.dir, 'package.json'), 'utf8'));
      assert.equal(pkg.name, p.name);
      assert.deepEqual(pkg.files, 'files' in p ? p.files : ['dist']);
      assert.equal(pkg.engines.node, '>=20');
      assert.equal(pkg.type, 'module');
      assert.ok(pkg.exports['.'].types.startsWith('./dist/'));
    });
  }
  it('the root keeps engines at >=20', () => {
    assert.equal(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node, '>=20');
  });
});
