import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SECRET_RULES } from '@rampart/scan';
import { ROOT, renderSecretsDoc } from '../../../../scripts/generate.js';

describe('docs/secrets.md', () => {
  it('lists every secret format, as `npm run generate` writes it', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'secrets.md'), 'utf8');
    assert.equal(doc, renderSecretsDoc(doc, SECRET_RULES), 'docs/secrets.md is stale: run npm run generate');
    for (const r of SECRET_RULES) assert.ok(doc.includes(`| \`${r.id}\` |`), r.id);
  });
});
