import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { withFingerprints } from '../../src/finding.js';
import { summarize } from '../../src/report.js';
import { artifactUri, FINGERPRINT_KEY, formatSarif } from '../../src/reporters/sarif.js';
import { DEPENDENCY_FINDING, INPUTS, RULES, sampleReport, cleanReport } from './sample-report.js';

// The official schema, as published in oasis-tcs/sarif-spec (Schemata/sarif-schema-2.1.0.json),
// byte for byte. It declares JSON Schema 2020-12, hence Ajv2020.
const SCHEMA_PATH = new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url);

/**
 * The published file has two defects that stop any JavaScript validator from compiling it;
 * we repair them in memory, leaving the fixture untouched, and fail loudly if the fixture
 * ever changes so that a repair no longer applies:
 * 1. `region.anyOf` (startLine | charOffset | byteOffset required) sits inside
 *    `region.properties`, where it declares a property named "anyOf"; moved up to `region`.
 * 2. The `language` patterns start with `(?i)`, an inline flag .NET knows and JavaScript does
 *    not; a regex engine that reads a leading `(?i)` as the `i` flag keeps the intent.
 */
function loadSarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  const region = schema.definitions.region;
  assert.ok(Array.isArray(region.properties.anyOf) && !region.anyOf, 'fixture changed: region.properties.anyOf no longer misplaced');
  region.anyOf = region.properties.anyOf;
  delete region.properties.anyOf;
  assert.equal(schema.definitions.run.properties.language.pattern, '^(?i)[a-zA]{2}(-[a-z]{2})?$', 'fixture changed: language pattern');
  const regExp = Object.assign(
    (pattern: string, flags: string) => (pattern.startsWith('^(?i)') ? new RegExp(`^${pattern.slice(5)}`, `${flags}i`) : new RegExp(pattern, flags)),
    { code: 'sarifRegExp' },
  );
  const ajv = new Ajv2020({ allErrors: true, code: { regExp } });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

// Parsed SARIF: its shape is what the tests below check, field by field.
type Json = any;

describe('the SARIF 2.1.0 schema fixture', () => {
  it('is the official 2.1.0 schema and parses as JSON', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
    assert.equal(schema.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    assert.match(schema.$id, /oasis-tcs\/sarif-spec\/.*sarif-schema-2\.1\.0\.json$/);
    assert.deepEqual(schema.properties.version.enum, ['2.1.0']);
    assert.ok(Object.keys(schema.definitions).length >= 50);
  });

  it('rejects logs that break it (the validator is not a no-op)', () => {
    const validate = loadSarifValidator();
    const good: Json = JSON.parse(formatSarif(sampleReport()));
    assert.equal(validate(good), true);
    const badLevel = structuredClone(good);
    badLevel.runs[0].results[0].level = 'critical';
    assert.equal(validate(badLevel), false);
    const noLine = structuredClone(good);
    delete noLine.runs[0].results[0].locations[0].physicalLocation.region.startLine;
    assert.equal(validate(noLine), false, 'the repaired region.anyOf applies');
    const badUri = structuredClone(good);
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'src/a b.js';
    assert.equal(validate(badUri), false, 'formats are checked');
  });
});

describe('SARIF reporter', () => {
  const validate = loadSarifValidator();
  const report = sampleReport();

  it('a vulnerable-dependency finding validates, points at the lockfile line and names the advisory', () => {
    const log: Json = JSON.parse(formatSarif({ ...report, findings: [...report.findings, DEPENDENCY_FINDING] }));
    assert.equal(validate(log), true, JSON.stringify(validate.errors));
    const result = log.runs[0].results.at(-1);
    assert.equal(result.ruleId, 'vulnerable-dependency');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'package-lock.json');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 120);
    assert.deepEqual([result.properties.package, result.properties.version, result.properties.advisoryId, result.properties.aliases], ['lodash', '4.17.15', 'GHSA-p6mc-m468-83gw', ['CVE-2020-8203']]);
    assert.equal(result.properties['security-severity'], '7.4');
  });
  const log: Json = JSON.parse(formatSarif(report));
  const run = log.runs[0];
  const rules: Json[] = run.tool.driver.rules;

  it('validates against the official SARIF 2.1.0 schema', () => {
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  });

  it('validates with no findings too', () => {
    const clean: Json = JSON.parse(formatSarif(cleanReport()));
    assert.equal(validate(clean), true, JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(clean.runs[0].results, [], 'an actual scan has a results array, even empty');
  });

  it('describes the tool and every rule that ran', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(run.tool.driver.name, 'Rampart');
    assert.equal(run.tool.driver.version, '0.1.0');
    assert.equal(run.tool.driver.informationUri, 'https://github.com/rampart-security/rampart');
    assert.deepEqual(
      rules.map((r) => r.id),
      RULES.map((r) => r.id),
    );
    const sql = rules.find((r) => r.id === 'sql-injection');
    assert.equal(sql.shortDescription.text, 'SQL built from request data');
    assert.match(sql.fullDescription.text, /string concatenation/);
    assert.match(sql.help.text, /parameterised query/);
    assert.match(sql.help.markdown, /^\*\*Fix:\*\* Use a parameterised query/);
    assert.equal(sql.defaultConfiguration.level, 'error');
    assert.deepEqual(sql.properties.tags, ['security', 'practice-1', 'CWE-89', 'injection']);
    assert.equal(sql.properties.precision, 'high');
  });

  it('gives every rule a numeric security-severity string from its severity', () => {
    const expected = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' } as const;
    for (const meta of RULES) {
      const r = rules.find((x) => x.id === meta.id);
      assert.equal(r.properties['security-severity'], expected[meta.severity], meta.id);
      assert.ok(Number.isFinite(Number(r.properties['security-severity'])));
    }
  });

  it('has one result per finding, whose ruleIndex points at its rule', () => {
    assert.equal(run.results.length, report.findings.length);
    for (const r of run.results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
  });

  it('maps severities to levels: critical/high error, medium warning, low/info note', () => {
    const levelOf = (ruleId: string): string => run.results.find((r: Json) => r.ruleId === ruleId).level;
    assert.equal(levelOf('sql-injection'), 'error'); // critical
    assert.equal(levelOf('no-eval'), 'error'); // high
    assert.equal(levelOf('missing-security-headers'), 'warning'); // medium
    assert.equal(levelOf('error-stack-in-response'), 'note'); // low
    assert.equal(levelOf('no-login-failure-logging'), 'note'); // info
  });

  it('locates results relative to %SRCROOT%, with region and snippet', () => {
    const r = run.results.find((x: Json) => x.ruleId === 'sql-injection');
    const f = report.findings.find((x) => x.ruleId === 'sql-injection')!;
    assert.deepEqual(r.locations[0].physicalLocation, {
      artifactLocation: { uri: 'src/routes/users.js', uriBaseId: '%SRCROOT%' },
      region: { startLine: 14, startColumn: 18, endLine: 14, endColumn: 62, snippet: { text: f.snippet } },
    });
    assert.equal(r.message.text, f.message);
    assert.deepEqual(r.properties, { practice: 1, cwe: 'CWE-89', severity: 'critical', confidence: 'high' });
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///home/dev/shop%20api/' } });
  });

  it('carries each finding fingerprint as a partial fingerprint', () => {
    report.findings.forEach((f, i) => {
      assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
      assert.deepEqual(run.results[i].partialFingerprints, { [FINGERPRINT_KEY]: f.fingerprint });
    });
    assert.equal(FINGERPRINT_KEY, 'rampart/v1');
  });

  it('turns a trace into a code flow from source to sink, and adds none without a trace', () => {
    const traced = run.results.find((x: Json) => x.ruleId === 'sql-injection');
    const locations = traced.codeFlows[0].threadFlows[0].locations;
    assert.deepEqual(
      locations.map((l: Json) => [l.location.message.text, l.location.physicalLocation.region.startLine, l.kinds.at(-1)]),
      [
        ['req.query.id enters the handler', 11, 'source'],
        ['assigned to `id`', 11, 'step'],
        ['concatenated into the SQL passed to db.query()', 14, 'sink'],
      ],
    );
    for (const r of run.results.filter((x: Json) => x.ruleId !== 'sql-injection')) assert.equal(r.codeFlows, undefined);
  });

  it('records a successful invocation whose notifications keep every warning and skipped file', () => {
    const [invocation] = run.invocations;
    assert.equal(invocation.executionSuccessful, true);
    const notes: Json[] = invocation.toolExecutionNotifications;
    const parse = notes.find((n) => n.descriptor.id === 'parse-error');
    assert.equal(parse.level, 'error');
    assert.match(parse.message.text, /^src\/legacy\/broken\.js:12: Unexpected token/);
    assert.equal(parse.locations[0].physicalLocation.region.startLine, 12);
    assert.ok(notes.some((n) => n.descriptor.id === 'unused-suppression'));
    assert.equal(notes.filter((n) => n.descriptor.id.startsWith('skipped-')).length, report.skipped.length);
  });

  it('gives a finding whose rule is missing from report.rules a descriptor, so ruleIndex stays valid', () => {
    const findings = withFingerprints([{ ...INPUTS[0]!, ruleId: 'rule-from-a-plugin' }]);
    const partial = sampleReport({ findings, rules: [], summary: summarize(findings, { filesScanned: 1, filesSkipped: 0, baselined: 0, suppressed: 0, durationMs: 1 }) });
    const out: Json = JSON.parse(formatSarif(partial));
    assert.equal(validate(out), true, JSON.stringify(validate.errors));
    assert.equal(out.runs[0].tool.driver.rules[out.runs[0].results[0].ruleIndex].id, 'rule-from-a-plugin');
  });

  it('percent-encodes paths into valid relative URI references', () => {
    assert.equal(artifactUri('src/a b/#1%.js'), 'src/a%20b/%231%25.js');
    assert.equal(artifactUri('c:x.js'), 'c%3Ax.js', 'no scheme can appear');
    const odd = withFingerprints([{ ...INPUTS[0]!, file: 'src/my file [1].js' }]);
    const out: Json = JSON.parse(
      formatSarif(sampleReport({ findings: odd, summary: summarize(odd, { filesScanned: 1, filesSkipped: 0, baselined: 0, suppressed: 0, durationMs: 1 }) })),
    );
    assert.equal(validate(out), true, JSON.stringify(validate.errors));
    assert.equal(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'src/my%20file%20%5B1%5D.js');
  });
});
