import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { OBSERVATORY_CHECKS, RAMPART_CHECKS } from '../src/index.ts';

// One id everywhere: every check the probe can report is documented, with why, fix and guard advice.
const DOC = readFileSync(new URL('../../../docs/probe.md', import.meta.url), 'utf8');

describe('probe docs', () => {
  for (const [id, meta] of Object.entries({ ...OBSERVATORY_CHECKS, ...RAMPART_CHECKS })) {
    it(`${id} is documented and explained`, () => {
      assert.equal(meta.id, id);
      assert.ok(DOC.includes(`\`${id}\``), `docs/probe.md does not mention \`${id}\``);
      assert.ok(meta.why.length > 20 && meta.fix.length > 10 && meta.guard.length > 5, id);
    });
  }
});
