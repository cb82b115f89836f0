/** docs/guard.md's defaults table is generated from DEFAULTS: regenerating must change nothing. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULTS } from '@rampart/guard';
import { renderGuardDoc } from '../../../scripts/guard-defaults-table.ts';

const DOC = fileURLToPath(new URL('../../../docs/guard.md', import.meta.url));

describe('docs/guard.md', () => {
  it('has the defaults table as `npm run generate` writes it', () => {
    const current = readFileSync(DOC, 'utf8');
    assert.equal(renderGuardDoc(current), current, 'run `npm run generate`');
  });

  it('documents every top-level option', () => {
    const current = readFileSync(DOC, 'utf8');
    for (const key of Object.keys(DEFAULTS)) assert.ok(current.includes(`\`${key}`), key);
  });
});
