import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isPracticeId, isSeverity, CONFIDENCES } from '@rampart/core';
import { RULES } from '@rampart/scan';
import { renderReadme, renderRuleDoc, ROOT } from '../../../scripts/generate.js';

// One id everywhere: the rule's file, its doc page, its README row, its config key.
const RULES_DIR = join(ROOT, 'packages', 'scan', 'src', 'rules');
const ruleFiles = new Map<string, string>();
for (const folder of readdirSync(RULES_DIR, { withFileTypes: true })) {
  if (!folder.isDirectory()) continue;
  for (const f of readdirSync(join(RULES_DIR, folder.name))) ruleFiles.set(f.replace(/\.ts$/, ''), folder.name);
}

describe('rule registry', () => {
  it('ids are unique kebab-case', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, id);
  });
  for (const rule of RULES) {
    const m = rule.meta;
    it(`${m.id}: metadata is complete and its file, doc page are named by its id`, () => {
      assert.ok(ruleFiles.has(m.id), `no file rules/<folder>/${m.id}.ts`);
      assert.ok(isPracticeId(m.practice), 'practice 1-11');
      assert.match(m.cwe, /^CWE-\d+$/);
      assert.ok(isSeverity(m.severity));
      assert.ok((CONFIDENCES as readonly string[]).includes(m.confidence));
      assert.ok(m.title.length > 10 && !m.title.endsWith('.'), 'title: one line, no full stop');
      assert.ok(m.description.length > 60, 'description: a paragraph');
      assert.ok(m.fix.length > 20, 'fix advice');
      const doc = join(ROOT, 'docs', 'rules', `${m.id}.md`);
      assert.ok(existsSync(doc), `docs/rules/${m.id}.md missing: run npm run generate`);
      assert.equal(readFileSync(doc, 'utf8'), renderRuleDoc(rule), `docs/rules/${m.id}.md is stale: run npm run generate`);
    });
  }
  it('the README rule table is up to date', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.equal(readme, renderReadme(readme, RULES), 'README rule table is stale: run npm run generate');
  });
  it('no doc page for a rule that does not exist', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const f of readdirSync(join(ROOT, 'docs', 'rules'))) assert.ok(ids.has(f.replace(/\.md$/, '')), `stale docs/rules/${f}`);
  });
});
