import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { formatJson } from '../../src/reporters/json.js';
import { DEPENDENCY_FINDING, sampleReport } from './sample-report.js';

// docs/json-format.md is the contract other tools code against: what it lists and what
// formatJson writes must stay the same set of names.
const DOC = readFileSync(new URL('../../../../docs/json-format.md', import.meta.url), 'utf8');

/** Field names from the first column of each table, keyed by the heading the table sits under. */
function documentedFields(): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let heading = '';
  for (const line of DOC.split('\n')) {
    const h = /^#{2,3} (.+)$/.exec(line);
    if (h) {
      heading = h[1]!;
      sections.set(heading, new Set());
    }
    const row = /^\| `([A-Za-z]+)` \|/.exec(line);
    if (row && heading) sections.get(heading)!.add(row[1]!);
  }
  return sections;
}

const keysOf = (...objects: object[]): Set<string> => new Set(objects.flatMap((o) => Object.keys(o)));



describe('JSON reporter', () => {
  const report = sampleReport();
  const out = JSON.parse(formatJson(report));

  it('writes the documented top-level fields, in order, and not the rule metadata', () => {
    assert.deepEqual(Object.keys(out), ['tool', 'root', 'findings', 'summary', 'skipped', 'warnings']);
    assert.deepEqual(out.tool, { name: 'rampart', version: '0.1.0' });
    assert.equal(out.root, report.root);
  });

  it('writes each finding with the stable field names, trace only when there is one', () => {
    const base = ['ruleId', 'practice', 'cwe', 'severity', 'confidence', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'snippet', 'fix', 'fingerprint'];
    out.findings.forEach((f: Record<string, unknown>, i: number) => {
      const source = report.findings[i]!;
      const optional = [...(source.trace ? ['trace'] : []), ...(source.type !== undefined ? ['type'] : []), ...(source.commit ? ['commit', 'date'] : [])];
      assert.deepEqual(Object.keys(f), [...base, ...optional]);
      if (source.commit) assert.deepEqual([f.commit, f.date], [source.commit.sha, source.commit.date]);
      for (const key of base) assert.deepEqual(f[key], source[key as keyof typeof source], key);
    });
    const traced = out.findings.find((f: { trace?: unknown }) => f.trace);
    assert.deepEqual(Object.keys(traced.trace), ['source', 'steps', 'sink']);
  });

  it('keeps summary, skipped and warnings as the report has them', () => {
    assert.deepEqual(out.summary, report.summary);
    assert.deepEqual(out.skipped, report.skipped);
    assert.deepEqual(out.warnings, report.warnings);
  });

  it('writes package, version, advisoryId, aliases and dependency only on dependency findings', () => {
    const withDep = JSON.parse(formatJson({ ...report, findings: [...report.findings, DEPENDENCY_FINDING] }));
    const dep = withDep.findings.at(-1);
    assert.deepEqual(
      [dep.package, dep.version, dep.advisoryId, dep.aliases],
      ['lodash', '4.17.15', 'GHSA-p6mc-m468-83gw', ['CVE-2020-8203']],
    );
    assert.deepEqual(dep.dependency, DEPENDENCY_FINDING.dependency);
    for (const f of out.findings) assert.ok(!('package' in f) && !('dependency' in f));
  });

  it('documents in docs/json-format.md exactly the fields it writes', () => {
    const doc = documentedFields();
    const trace = out.findings.find((f: { trace?: unknown }) => f.trace).trace;
    const withDep = JSON.parse(formatJson({ ...report, findings: [...report.findings, DEPENDENCY_FINDING] }));
    const dependency = withDep.findings.at(-1).dependency;
    const written: Record<string, Set<string>> = {
      'Top level': keysOf(out, out.tool),
      Finding: keysOf(...withDep.findings),
      Dependency: keysOf(dependency),
      Upgrade: keysOf(dependency.upgrade),
      Trace: keysOf(trace),
      'Trace step': keysOf(trace.source, ...trace.steps, trace.sink),
      Summary: keysOf(out.summary),
      'Practice summary': keysOf(...out.summary.byPractice),
      'Skipped entry': keysOf(...out.skipped),
      Warning: keysOf(...out.warnings),
    };
    for (const [heading, fields] of Object.entries(written)) {
      assert.ok(doc.has(heading), `docs/json-format.md has a "${heading}" section`);
      assert.deepEqual([...doc.get(heading)!].sort(), [...fields].sort(), heading);
    }
  });

  it('has a documented example that is valid JSON of the same shape', () => {
    const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(DOC)![1]!);
    assert.deepEqual(Object.keys(example), Object.keys(out));
    assert.deepEqual(Object.keys(example.findings[0]), Object.keys(out.findings.find((f: { trace?: unknown; type?: unknown }) => !f.trace && !f.type)));
    assert.deepEqual(Object.keys(example.summary), Object.keys(out.summary));
  });
});
