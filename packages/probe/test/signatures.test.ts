import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIRECTORY_LISTING_SIGNATURES, EXPOSED_FILES, VERBOSE_ERROR_SIGNATURES } from '../src/index.ts';

// Every signature carries samples; a miss or a false alarm fails the build.
describe('probe signatures: samples', () => {
  for (const s of [...VERBOSE_ERROR_SIGNATURES, ...DIRECTORY_LISTING_SIGNATURES]) {
    it(`${s.id} matches its leaks and none of its clean samples`, () => {
      assert.ok(s.samples.match.length > 0 && s.samples.clean.length > 0);
      for (const m of s.samples.match) assert.ok(s.pattern.test(m), `${s.id} missed: ${m}`);
      for (const c of s.samples.clean) assert.ok(!s.pattern.test(c), `${s.id} false alarm: ${c}`);
    });
  }
  for (const f of EXPOSED_FILES) {
    it(`${f.id} recognises the real file and not a catch-all page`, () => {
      for (const m of f.samples.match) assert.ok(f.looksLike(m), `${f.id} missed: ${m}`);
      for (const c of f.samples.clean) assert.ok(!f.looksLike(c), `${f.id} false alarm: ${c}`);
    });
  }
  // Near-misses repeated to 1 MiB: linear patterns answer "no match" (a backtracking one would hang here).
  it('finds nothing in hostile 1 MiB near-misses', () => {
    const hostile = ['at '.repeat(350_000), '/home/'.repeat(170_000), '<title>'.repeat(140_000), 'at x (/a'.repeat(130_000), '[core'.repeat(200_000)];
    for (const body of hostile) {
      for (const s of [...VERBOSE_ERROR_SIGNATURES, ...DIRECTORY_LISTING_SIGNATURES]) assert.equal(s.pattern.test(body), false, `${s.id} on ${body.slice(0, 12)}…`);
      for (const f of EXPOSED_FILES) assert.equal(f.looksLike(body), false, `${f.id} on ${body.slice(0, 12)}…`);
    }
  });
});
