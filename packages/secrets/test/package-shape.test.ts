import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULTS } from '@rampart/secrets';
import { renderReadmeSecretsDefaults } from '../../../scripts/secrets-defaults-table.js';

// @rampart/secrets is loaded by users' production apps: it must stay free of third-party code.
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('@rampart/secrets package shape', () => {
  it('depends on @rampart/core only', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ['@rampart/core']);
    assert.equal(pkg.optionalDependencies, undefined);
    assert.equal(pkg.peerDependencies, undefined);
  });

  it('imports only node: built-ins, @rampart/core and its own files', () => {
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)) {
        const spec = m[1] ?? m[2];
        if (!spec.startsWith('node:') && !spec.startsWith('./') && !spec.startsWith('../') && spec !== '@rampart/core') offenders.push(`${file}: ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the README table of DEFAULTS is up to date (npm run generate)', () => {
    const readme = readFileSync(join(ROOT, '..', '..', 'README.md'), 'utf8');
    assert.equal(readme, renderReadmeSecretsDefaults(readme), 'README secrets DEFAULTS table is stale: run npm run generate');
  });

  it('DEFAULTS is frozen all the way down', () => {
    assert.ok(Object.isFrozen(DEFAULTS));
    assert.ok(Object.isFrozen(DEFAULTS.vault));
    assert.equal(DEFAULTS.toEnv, false);
    assert.equal(DEFAULTS.keepKeyInEnv, false);
    assert.equal(DEFAULTS.allowUnsafeKeyFile, false);
  });
});
