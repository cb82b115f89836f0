import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cvssScore, rateAdvisory } from '../../src/deps/osv/severity.js';

describe('advisory severity', () => {
  it('scores CVSS v3.1, v3.0 and v4.0 vectors', () => {
    assert.equal(cvssScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), 9.8);
    assert.equal(cvssScore('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N'), 6.5);
    assert.equal(cvssScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'), 9.3);
  });
  it('gives no score to partial or invalid vectors', () => {
    assert.equal(cvssScore('CVSS:3.1/AV:N'), undefined);
    assert.equal(cvssScore('CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), undefined);
    assert.equal(cvssScore('not a vector'), undefined);
  });
  it('prefers a CVSS vector, then the database word, then malware, then medium', () => {
    assert.deepEqual(rateAdvisory({ id: 'A', severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }], database_specific: { severity: 'LOW' } }).severity, 'critical');
    assert.equal(rateAdvisory({ id: 'A', database_specific: { severity: 'MODERATE' } }).severity, 'medium');
    assert.equal(rateAdvisory({ id: 'A', database_specific: { cvss_vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N' } }).score, 8.2);
    assert.equal(rateAdvisory({ id: 'MAL-2024-1' }).severity, 'critical');
    assert.equal(rateAdvisory({ id: 'B' }).from, 'default');
    assert.equal(rateAdvisory({ id: 'C', affected: [{ severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }] }] }).score, 9.3);
  });
});
