import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReport, FORMATS, type Format } from '../../src/reporters/index.js';
import { formatHtml } from '../../src/reporters/html.js';
import { formatJson } from '../../src/reporters/json.js';
import { formatPretty } from '../../src/reporters/pretty.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { sampleReport } from './sample-report.js';

describe('formatReport', () => {
  const report = sampleReport();

  it('offers pretty, json, sarif and html', () => {
    assert.deepEqual([...FORMATS], ['pretty', 'json', 'sarif', 'html']);
  });

  it('dispatches each format to its reporter', () => {
    assert.equal(formatReport(report, 'pretty'), formatPretty(report));
    assert.equal(formatReport(report, 'pretty', { color: true }), formatPretty(report, { color: true }));
    assert.equal(formatReport(report, 'json'), formatJson(report));
    assert.equal(formatReport(report, 'sarif'), formatSarif(report));
    assert.equal(formatReport(report, 'html'), formatHtml(report));
  });

  it('colours only the pretty format', () => {
    for (const format of FORMATS.filter((f) => f !== 'pretty')) {
      assert.equal(formatReport(report, format, { color: true }), formatReport(report, format), format);
    }
  });

  it('names the choices when given an unknown format', () => {
    assert.throws(() => formatReport(report, 'xml' as Format), /Unknown report format "xml": expected one of pretty, json, sarif, html/);
  });
});
