import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFile, FILE_RULES, JS_RULES, type ActiveRules, type FileRule, type JsRule } from '@rampart/scan';

// Every rule carries the code it must flag and the code it must leave alone.
// A miss or a false alarm on any sample fails the build.

function only(rule: JsRule | FileRule): ActiveRules {
  const ids = new Set([rule.meta.id]);
  return rule.kind === 'js'
    ? { js: [rule], file: [], severity: new Map(), known: ids, active: ids }
    : { js: [], file: [rule], severity: new Map(), known: ids, active: ids };
}

function run(rule: JsRule | FileRule, filename: string, code: string) {
  const result = analyzeFile(filename, code, only(rule));
  const parseErrors = result.warnings.filter((w) => w.kind === 'parse-error' || w.kind === 'rule-error');
  assert.deepEqual(parseErrors, [], `sample must parse and the rule must not throw:\n${code}`);
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

for (const rule of JS_RULES) {
  describe(`rule ${rule.meta.id}`, () => {
    assert.ok(rule.samples.valid.length > 0 && rule.samples.invalid.length > 0, 'has valid and invalid samples');
    rule.samples.valid.forEach((sample, i) => {
      const s = typeof sample === 'string' ? { code: sample } : sample;
      it(`valid #${i + 1} is not flagged`, () => {
        const found = run(rule, s.filename ?? 'sample.js', s.code);
        assert.equal(found.length, 0, `false alarm on:\n${s.code}\n${found.map((f) => `  ${f.line}:${f.column} ${f.message}`).join('\n')}`);
      });
    });
    rule.samples.invalid.forEach((sample, i) => {
      const s = typeof sample === 'string' ? { code: sample } : sample;
      it(`invalid #${i + 1} is flagged`, () => {
        const found = run(rule, s.filename ?? 'sample.js', s.code);
        assert.equal(found.length, s.count ?? 1, `expected ${s.count ?? 1} finding(s) on:\n${s.code}\ngot:\n${found.map((f) => `  ${f.line}:${f.column} ${f.message}`).join('\n')}`);
      });
    });
  });
}

for (const rule of FILE_RULES) {
  describe(`rule ${rule.meta.id}`, () => {
    assert.ok(rule.samples.valid.length > 0 && rule.samples.invalid.length > 0, 'has valid and invalid samples');
    rule.samples.valid.forEach((s, i) => {
      it(`valid #${i + 1} (${s.filename}) is not flagged`, () => {
        assert.ok(rule.appliesTo(s.filename), `rule must apply to ${s.filename}`);
        const found = run(rule, s.filename, s.code);
        assert.equal(found.length, 0, `false alarm on ${s.filename}:\n${s.code}\n${found.map((f) => `  ${f.line}: ${f.message}`).join('\n')}`);
      });
    });
    rule.samples.invalid.forEach((s, i) => {
      it(`invalid #${i + 1} (${s.filename}) is flagged`, () => {
        assert.ok(rule.appliesTo(s.filename), `rule must apply to ${s.filename}`);
        const found = run(rule, s.filename, s.code);
        assert.equal(found.length, s.count ?? 1, `expected ${s.count ?? 1} finding(s) on ${s.filename}:\n${s.code}\ngot:\n${found.map((f) => `  ${f.line}: ${f.message}`).join('\n')}`);
      });
    });
  });
}
