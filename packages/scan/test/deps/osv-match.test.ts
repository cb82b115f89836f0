import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchAdvisory, type CompactAdvisory, type RangeEvent } from '../../src/deps/osv/match.js';

function advisory(ranges: RangeEvent[][], versions: string[] = []): CompactAdvisory {
  return { id: 'X', aliases: [], summary: '', modified: '', severity: 'high', cwe: [], ranges, versions, url: '' };
}

// Tables from the OSV schema's evaluation section: version -> affected (and fixed version).
const CASES: { name: string; ranges: RangeEvent[][]; versions?: string[]; expect: [string, boolean, string?][] }[] = [
  { name: 'every version', ranges: [[['introduced', '0']]], expect: [['0.0.1', true], ['99.0.0', true]] },
  {
    name: 'fixed is exclusive',
    ranges: [[['introduced', '0'], ['fixed', '1.0.2']]],
    expect: [['1.0.1', true, '1.0.2'], ['1.0.2', false], ['1.0.3', false]],
  },
  {
    name: 'last_affected is inclusive',
    ranges: [[['introduced', '0'], ['last_affected', '2.1.214']]],
    expect: [['2.1.214', true], ['2.1.215', false]],
  },
  {
    name: 'two intervals in one range, events unsorted',
    ranges: [[['introduced', '3.0.0'], ['fixed', '3.2.5'], ['introduced', '1.0.0'], ['fixed', '1.0.2']]],
    expect: [['0.9.0', false], ['1.0.0', true, '1.0.2'], ['1.0.2', false], ['2.0.0', false], ['3.2.4', true, '3.2.5'], ['3.2.5', false]],
  },
  {
    name: 'prereleases order before their release',
    ranges: [[['introduced', '2.0.0-beta.1'], ['fixed', '2.0.0']]],
    expect: [['2.0.0-alpha.9', false], ['2.0.0-beta.1', true, '2.0.0'], ['2.0.0-rc.3', true, '2.0.0'], ['2.0.0', false], ['1.9.9', false]],
  },
  {
    name: 'limit bounds the range',
    ranges: [[['introduced', '1.0.0'], ['limit', '1.5.0']]],
    expect: [['1.4.9', true], ['1.5.0', false], ['2.0.0', false]],
  },
  { name: 'limit "*" is infinity', ranges: [[['introduced', '1.0.0'], ['limit', '*']]], expect: [['9.0.0', true]] },
  { name: 'explicit versions list', ranges: [], versions: ['0.5.0'], expect: [['0.5.0', true], ['0.5.1', false]] },
  {
    name: 'introduced again after a fix',
    ranges: [[['introduced', '0'], ['fixed', '1.0.0'], ['introduced', '1.1.0']]],
    expect: [['0.5.0', true, '1.0.0'], ['1.0.5', false], ['1.1.0', true]],
  },
];

describe('OSV range evaluation (schema pseudocode)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      for (const [version, affected, fixed] of c.expect) {
        const m = matchAdvisory(advisory(c.ranges, c.versions), version);
        assert.equal(m.affected, affected, `${version}`);
        assert.equal(m.fixed, fixed, `fixed for ${version}`);
      }
    });
  }
});
