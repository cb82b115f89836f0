import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter, RuleTester } from 'eslint';
import { JS_RULES, type JsRule } from '@rampart/scan';
import plugin, { configs, rules } from 'eslint-plugin-rampart';

// RuleTester looks for mocha's globals by default; hand it node:test's instead.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

interface Sample {
  code: string;
  filename?: string;
  count?: number;
}

const asSample = (s: string | Sample): Sample => (typeof s === 'string' ? { code: s } : s);

/**
 * The scanner parses each file as oxc does: .js may hold JSX, and a .js file is a module
 * only when it looks like one ("unambiguous"). ESLint needs that said explicitly, so the
 * same sample means the same program in both hosts.
 */
const parseCheck = new Linter();

function languageOptionsFor(sample: Sample): Linter.LanguageOptions {
  const filename = sample.filename ?? 'sample.js';
  if (/\.[cm]?tsx?$/.test(filename)) return { parser: tsParser, sourceType: 'module' };
  const jsx = /\.jsx?$/.test(filename);
  let sourceType: Linter.SourceType = 'module';
  if (filename.endsWith('.cjs')) sourceType = 'commonjs';
  else if (!filename.endsWith('.mjs')) {
    const asModule = parseCheck.verify(sample.code, { languageOptions: { sourceType: 'module', parserOptions: { ecmaFeatures: { jsx } } } });
    // A sloppy-mode script (e.g. top-level return) is what oxc falls back to as well.
    if (asModule.some((m) => m.fatal)) sourceType = 'commonjs';
  }
  return { sourceType, parserOptions: { ecmaFeatures: { jsx } } };
}

const tester = new RuleTester();

function runSamples(rule: JsRule): void {
  const valid = rule.samples.valid.map(asSample).map((s) => ({
    code: s.code,
    filename: s.filename ?? 'sample.js',
    languageOptions: languageOptionsFor(s),
  }));
  const invalid = rule.samples.invalid.map(asSample).map((s) => ({
    code: s.code,
    filename: s.filename ?? 'sample.js',
    languageOptions: languageOptionsFor(s),
    errors: s.count ?? 1,
  }));
  tester.run(`rampart/${rule.meta.id}`, rules[rule.meta.id], { valid, invalid });
}

describe('eslint-plugin-rampart', () => {
  it('exposes every Rampart JS rule under its id, with a valid meta', () => {
    assert.deepEqual(Object.keys(rules).sort(), JS_RULES.map((r) => r.meta.id).sort());
    for (const rule of JS_RULES) {
      const meta = rules[rule.meta.id].meta!;
      assert.equal(meta.type, 'problem');
      assert.equal(meta.docs?.description, rule.meta.title);
      assert.match(meta.docs?.url ?? '', new RegExp(`/docs/rules/${rule.meta.id}\\.md$`));
      assert.deepEqual(meta.schema, []);
    }
  });

  it('has meta.name and meta.version from its package.json', () => {
    assert.equal(plugin.meta.name, 'eslint-plugin-rampart');
    assert.match(plugin.meta.version, /^\d+\.\d+\.\d+/);
  });

  it('recommended: error for high and critical, warn for the rest; all: every rule errors', () => {
    for (const rule of JS_RULES) {
      const key = `rampart/${rule.meta.id}`;
      const expected = rule.meta.severity === 'high' || rule.meta.severity === 'critical' ? 'error' : 'warn';
      assert.equal(configs.recommended.rules?.[key], expected, key);
      assert.equal(configs.all.rules?.[key], 'error', key);
    }
    assert.equal(Object.keys(configs.recommended.rules ?? {}).length, JS_RULES.length);
    assert.equal(configs.recommended.plugins?.rampart, plugin);
    assert.equal(configs.all.plugins?.rampart, plugin);
  });
});

// The samples that guard the scanner guard the plugin too.
for (const rule of JS_RULES) runSamples(rule);

describe('ESLint end to end with configs.recommended', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-eslint-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const lint = async (file: string, code: string, extra: Linter.Config[] = []): Promise<ESLint.LintResult> => {
    writeFileSync(join(dir, file), code);
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [configs.recommended, ...extra] });
    const [result] = await eslint.lintFiles([file]);
    assert.deepEqual(result.messages.filter((m) => m.fatal), [], 'file must parse');
    return result;
  };

  it('reports rampart/no-eval in a JavaScript file, on the right line, as an error', async () => {
    const result = await lint('app.js', 'const express = require("express");\nconst app = express();\napp.get("/calc", (req, res) => res.send(String(eval(req.query.expr))));\n');
    const hits = result.messages.filter((m) => m.ruleId === 'rampart/no-eval');
    assert.equal(hits.length, 1, JSON.stringify(result.messages));
    assert.equal(hits[0].line, 3);
    assert.equal(hits[0].severity, 2);
  });

  it('stays silent on a clean file', async () => {
    const result = await lint('clean.js', 'export const sum = (a, b) => a + b;\nsetTimeout(() => sum(1, 2), 10);\n');
    assert.deepEqual(result.messages, []);
  });

  it('reads TypeScript through @typescript-eslint/parser', async () => {
    const result = await lint(
      'server.ts',
      'import vm from "node:vm";\ninterface Job { source: string }\nexport function run(job: Job): unknown {\n  return vm.runInNewContext(job.source as string, {});\n}\n',
      [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }],
    );
    const hits = result.messages.filter((m) => m.ruleId === 'rampart/no-eval');
    assert.equal(hits.length, 1, JSON.stringify(result.messages));
    assert.equal(hits[0].line, 4);
  });
});
