import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scan } from '@rampart/scan';
import { percent, precision, recall, scoreFindings } from '../bench/sast/scoring.mjs';
import { CLASS_IDS, FRAMEWORKS, MIN_CASES, exampleTaintFlaws, expectedFindings, loadSuite, parseExpectMarkers, type Case } from '../bench/sast/suite.mjs';
import { ESLINT_RULE_CLASSES, classFindings, classOfRule } from '../bench/sast/tools.mjs';
import { TAINT_CLASSES } from '../packages/scan/src/taint/classes.js';

// The labelled suite is a measuring instrument: these tests keep it well-formed (every case
// labelled, twinned and parseable) and check the arithmetic that turns findings into scores.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CASES = join(ROOT, 'bench/sast/cases');
const suite = loadSuite(CASES);
const byId = new Map(suite.cases.map((c) => [c.id, c]));
const caseFiles = (c: Case) => c.files.map((f) => f.slice(c.id.length + 1)).sort();

// Classes where a flow across files is the common real-world shape.
const MAJOR_CLASSES = ['sql-injection', 'nosql-injection', 'command-injection', 'code-injection', 'path-traversal', 'ssrf', 'xss', 'prototype-pollution', 'data-leak'];

describe('bench/sast suite: well-formed', () => {
  it('has no problems: valid case.json, class = folder, twins that point back, markers only on vulnerable cases', () => {
    assert.deepEqual(suite.problems, []);
  });

  it(`holds at least ${MIN_CASES} cases, half of them vulnerable`, () => {
    assert.ok(suite.cases.length >= MIN_CASES, `${suite.cases.length} cases`);
    assert.equal(suite.cases.filter((c) => c.vulnerable).length * 2, suite.cases.length);
  });

  it("names the same classes as the taint engine's rule ids", () => {
    assert.deepEqual([...CLASS_IDS].sort(), [...TAINT_CLASSES].sort());
  });

  it('covers every class with vulnerable and safe cases, and every framework', () => {
    for (const cls of CLASS_IDS) {
      assert.ok(suite.cases.some((c) => c.class === cls && c.vulnerable), `no vulnerable ${cls} case`);
      assert.ok(suite.cases.some((c) => c.class === cls && !c.vulnerable), `no safe ${cls} case`);
    }
    for (const fw of FRAMEWORKS) assert.ok(suite.cases.some((c) => c.framework === fw), `no ${fw} case`);
  });

  it('has at least two multi-file vulnerable cases in each major class', () => {
    for (const cls of MAJOR_CLASSES) {
      const multi = suite.cases.filter((c) => c.class === cls && c.vulnerable && c.files.length > 1);
      assert.ok(multi.length >= 2, `${cls}: ${multi.map((c) => c.id).join(', ') || 'none'}`);
    }
  });

  it('gives twins the same shape: the same file names', () => {
    for (const c of suite.cases) {
      const twin = byId.get(`${c.class}/${c.twin}`);
      assert.ok(twin, c.id);
      assert.deepEqual(caseFiles(c), caseFiles(twin), `${c.id} and ${twin.id}`);
    }
  });

  it('keeps every relative import inside its own case folder (one Rampart run over all cases stays correct)', () => {
    // Import and require specifiers, static or dynamic; bounded quantifiers keep this linear.
    const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"\n]{0,200})['"]/g;
    for (const c of suite.cases) {
      for (const file of c.files) {
        const text = readFileSync(join(CASES, file), 'utf8');
        for (const m of text.matchAll(SPECIFIER)) {
          const target = join(CASES, file, '..', m[1]);
          assert.ok(target.startsWith(join(CASES, c.id) + '/'), `${file} imports ${m[1]}, outside ${c.id}`);
        }
      }
    }
  });

  it('puts every marker on a line of code (the sink), not on a comment or blank line', () => {
    for (const c of suite.cases) {
      for (const m of c.markers) {
        const line = readFileSync(join(CASES, m.file), 'utf8').split(/\r?\n/)[m.line - 1];
        const code = line.slice(0, line.lastIndexOf('//')).trim();
        assert.ok(code.length > 0 && !code.startsWith('//') && !code.startsWith('*'), `${m.file}:${m.line}`);
      }
    }
  });

  it('parses every file with the scanner (no parse errors, nothing skipped)', async () => {
    const report = await scan(CASES, { workers: 0 });
    const parseErrors = report.warnings.filter((w) => w.kind === 'parse-error').map((w) => `${w.file}:${w.line ?? ''} ${w.message}`);
    assert.deepEqual(parseErrors, []);
    const all = suite.cases.flatMap((c) => c.files);
    const skipped = new Set(report.skipped.map((s) => s.file));
    assert.deepEqual(all.filter((f) => skipped.has(f)), []);
    assert.ok(report.summary.filesScanned >= all.length, `scanned ${report.summary.filesScanned} of ${all.length} case files`);
  });

  it('maps the example apps\' taint flaws onto suite classes', () => {
    const flaws = exampleTaintFlaws(join(ROOT, 'examples/vulnerable-shop/EXPECTED.json'));
    assert.ok(flaws.length > 0);
    for (const f of flaws) assert.ok(CLASS_IDS.includes(f.class), f.class);
    assert.ok(flaws.some((f) => f.class === 'xss'), 'reflected-xss is scored as xss');
    assert.deepEqual(exampleTaintFlaws(join(ROOT, 'examples/clean-shop/EXPECTED.json')), []);
  });

});

describe('bench/sast hold-out sets: well-formed', () => {
  for (const name of ['holdout-2', 'holdout-3', 'holdout-4']) {
    it(`${name} loads with no problems, in twins of the same shape`, () => {
      const set = loadSuite(join(ROOT, 'bench/sast', name));
      assert.deepEqual(set.problems, []);
      assert.ok(set.cases.length >= 150, `${set.cases.length} cases`);
      assert.equal(set.cases.filter((c) => c.vulnerable).length * 2, set.cases.length);
      const ids = new Map(set.cases.map((c) => [c.id, c]));
      for (const c of set.cases) assert.deepEqual(caseFiles(c), caseFiles(ids.get(`${c.class}/${c.twin}`)!), c.id);
    });
  }
});

describe('bench/sast suite: checks catch broken cases', () => {
  function tempSuite(cases: Record<string, { meta: object; files: Record<string, string> }>) {
    const dir = mkdtempSync(join(tmpdir(), 'sast-suite-'));
    for (const [id, c] of Object.entries(cases)) {
      mkdirSync(join(dir, id), { recursive: true });
      writeFileSync(join(dir, id, 'case.json'), JSON.stringify(c.meta));
      for (const [name, text] of Object.entries(c.files)) writeFileSync(join(dir, id, name), text);
    }
    return dir;
  }
  const meta = (vulnerable: boolean, twin: string, extra: object = {}) => ({ class: 'sql-injection', framework: 'express', vulnerable, twin, description: 'd', ...extra });

  it('accepts a correct pair', () => {
    const dir = tempSuite({
      'sql-injection/a': { meta: meta(true, 'a-safe'), files: { 'x.js': "db.query('q' + id); // expect: sql-injection\n" } },
      'sql-injection/a-safe': { meta: meta(false, 'a'), files: { 'x.js': "db.query('q', [id]);\n" } },
    });
    try {
      const s = loadSuite(dir);
      assert.deepEqual(s.problems, []);
      assert.deepEqual(expectedFindings(s.cases), [{ file: 'sql-injection/a/x.js', first: 1, last: 1, class: 'sql-injection' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing marker, a marker in a safe twin, a twin that does not point back, a wrong class and an unknown framework', () => {
    const dir = tempSuite({
      'sql-injection/a': { meta: meta(true, 'a-safe'), files: { 'x.js': "db.query('q' + id);\n" } },
      'sql-injection/a-safe': { meta: meta(false, 'b'), files: { 'x.js': "db.query('q', [id]); // expect: sql-injection\n" } },
      'sql-injection/c': { meta: meta(true, 'a', { class: 'xss', framework: 'rails' }), files: { 'x.js': 'f(); // expect: xss\n' } },
    });
    try {
      const text = loadSuite(dir).problems.join('\n');
      assert.match(text, /sql-injection\/a: vulnerable, but no `\/\/ expect: sql-injection` marker/);
      assert.match(text, /sql-injection\/a-safe: safe, but carries expect markers/);
      assert.match(text, /sql-injection\/a-safe: twin "b" is not a case/);
      assert.match(text, /sql-injection\/c\/case.json: class "xss" does not match its folder/);
      assert.match(text, /framework "rails" is not one of/);
      assert.match(text, /sql-injection\/c: its twin sql-injection\/a names "a-safe"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads markers of several classes and rejects malformed or unknown ones', () => {
    const parsed = parseExpectMarkers(['a(); // expect: xss, data-leak', 'b();', 'c(); //expect:sql-injection', 'd(); // expect: sqli', 'e(); // expect xss', 'f(); // expect: xss, xss'].join('\n'));
    assert.deepEqual(parsed.markers, [
      { line: 1, class: 'xss' },
      { line: 1, class: 'data-leak' },
      { line: 3, class: 'sql-injection' },
      { line: 6, class: 'xss' },
    ]);
    assert.equal(parsed.problems.length, 3);
    assert.match(parsed.problems[0], /line 4: unknown class "sqli"/);
    assert.match(parsed.problems[1], /line 5: malformed expect marker/);
    assert.match(parsed.problems[2], /line 6: class "xss" twice/);
  });
});

describe('bench/sast scoring', () => {
  const CLASSES = ['sql-injection', 'xss', 'data-leak'];
  const at = (file: string, line: number, cls: string) => ({ file, first: line, last: line, class: cls });
  const f = (file: string, line: number, cls: string) => ({ file, line, class: cls });

  it('counts a finding on a marked line of its class as true, elsewhere as false, and unmatched marks as missed', () => {
    const expected = [at('a/x.js', 9, 'sql-injection'), at('b/y.js', 4, 'sql-injection')];
    const s = scoreFindings(expected, [f('a/x.js', 9, 'sql-injection'), f('a/x.js', 8, 'sql-injection'), f('a-safe/x.js', 9, 'sql-injection')], CLASSES);
    assert.deepEqual(s.perClass.get('sql-injection'), { tp: 1, fp: 2, fn: 1 });
    assert.deepEqual(s.total, { tp: 1, fp: 2, fn: 1 });
    assert.deepEqual(s.falseNegatives, [expected[1]]);
    assert.equal(recall(s.total), 0.5);
    assert.equal(precision(s.total), 1 / 3);
    assert.equal(percent(precision(s.total)), '33%');
  });

  it('charges a finding of the wrong class on a marked line to its own class as false, and misses the mark', () => {
    const s = scoreFindings([at('a/x.js', 5, 'xss')], [f('a/x.js', 5, 'sql-injection')], CLASSES);
    assert.deepEqual(s.perClass.get('sql-injection'), { tp: 0, fp: 1, fn: 0 });
    assert.deepEqual(s.perClass.get('xss'), { tp: 0, fp: 0, fn: 1 });
  });

  it('scores a line marked with several classes once per class', () => {
    const expected = [at('a/x.js', 7, 'xss'), at('a/x.js', 7, 'data-leak')];
    const s = scoreFindings(expected, [f('a/x.js', 7, 'xss'), f('a/x.js', 7, 'data-leak')], CLASSES);
    assert.deepEqual(s.total, { tp: 2, fp: 0, fn: 0 });
    const half = scoreFindings(expected, [f('a/x.js', 7, 'xss')], CLASSES);
    assert.deepEqual(half.perClass.get('xss'), { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(half.perClass.get('data-leak'), { tp: 0, fp: 0, fn: 1 });
  });

  it('counts several markers in one case separately, and the same finding twice only once', () => {
    const expected = [at('a/x.js', 3, 'xss'), at('a/y.js', 3, 'xss'), at('a/y.js', 10, 'xss')];
    const s = scoreFindings(expected, [f('a/x.js', 3, 'xss'), f('a/x.js', 3, 'xss'), f('a/y.js', 10, 'xss')], CLASSES);
    assert.deepEqual(s.total, { tp: 2, fp: 0, fn: 1 });
    assert.equal(s.duplicates, 0);
  });

  it('matches a flaw range once; a second finding inside it is a duplicate, neither true nor false', () => {
    const s = scoreFindings([{ file: 'src/a.js', first: 10, last: 14, class: 'sql-injection' }], [f('src/a.js', 11, 'sql-injection'), f('src/a.js', 13, 'sql-injection'), f('src/a.js', 15, 'sql-injection')], CLASSES);
    assert.deepEqual(s.total, { tp: 1, fp: 1, fn: 0 });
    assert.equal(s.duplicates, 1);
  });

  it('reports undefined ratios when nothing was expected or found', () => {
    const s = scoreFindings([], [], CLASSES);
    assert.deepEqual(s.total, { tp: 0, fp: 0, fn: 0 });
    assert.equal(recall(s.total), undefined);
    assert.equal(precision(s.total), undefined);
    assert.equal(percent(undefined), '-');
  });
});

describe('bench/sast tool findings to classes', () => {
  it('counts a Rampart finding only when its ruleId is a class', () => {
    assert.equal(classOfRule('rampart', 'sql-injection'), 'sql-injection');
    assert.equal(classOfRule('rampart', 'no-eval'), undefined);
    assert.equal(classOfRule('rampart', null), undefined);
  });

  it('maps every listed ESLint rule to a class of the suite, and ignores the others', () => {
    for (const [rule, cls] of Object.entries(ESLINT_RULE_CLASSES)) assert.ok(CLASS_IDS.includes(cls), `${rule} -> ${cls}`);
    assert.equal(classOfRule('eslint', 'security/detect-child-process'), 'command-injection');
    assert.equal(classOfRule('eslint', 'security/detect-possible-timing-attacks'), undefined);
    assert.equal(classOfRule('eslint', 'no-unsanitized/property'), 'xss');
    assert.equal(classOfRule('eslint', 'no-unsanitized/method', 'Unsafe call to import for argument 0'), 'code-injection');
  });

  it('makes paths relative to the scored root and drops findings outside it', () => {
    const root = '/r/cases';
    const out = classFindings('eslint', [
      { file: '/r/cases/xss/a/x.js', line: 3, ruleId: 'no-unsanitized/property' },
      { file: '/r/other/y.js', line: 1, ruleId: 'no-unsanitized/property' },
      { file: '/r/cases/xss/a/x.js', line: 4, ruleId: 'security/detect-bidi-characters' },
    ], root);
    assert.deepEqual(out, [{ file: 'xss/a/x.js', line: 3, class: 'xss' }]);
  });
});

describe('bench/sast score.mjs end to end', () => {
  it('runs the given CLI over the cases, attributes its findings by path and prints the scores', () => {
    // A stand-in for the rampart CLI: it writes a JSON report, as `scan <dir> -f json -o <file>`
    // does, with one finding on every marked line of the suite, one false alarm in a safe
    // case, one finding whose ruleId is no class, and nothing for the example apps.
    const dir = mkdtempSync(join(tmpdir(), 'sast-bench-'));
    try {
      const fakeBin = join(dir, 'fake-rampart.mjs');
      writeFileSync(
        fakeBin,
        `import { writeFileSync } from 'node:fs';
import { expectedFindings, loadSuite } from ${JSON.stringify(pathToFileURL(join(ROOT, 'bench/sast/suite.mjs')).href)};
const args = process.argv.slice(2);
const root = args[1];
const out = args[args.indexOf('-o') + 1];
let findings = [];
if (root === ${JSON.stringify(CASES)}) {
  const { cases } = loadSuite(root);
  findings = expectedFindings(cases).map((e) => ({ file: e.file, line: e.first, ruleId: e.class }));
  findings.push({ file: 'sql-injection/express-pg-concat-safe/app.js', line: 9, ruleId: 'sql-injection' });
  findings.push({ file: 'sql-injection/express-pg-concat/app.js', line: 9, ruleId: 'no-eval' });
}
writeFileSync(out, JSON.stringify({ root, findings, summary: { filesScanned: 1 }, warnings: [] }));
`,
      );
      const r = spawnSync(process.execPath, [join(ROOT, 'bench/sast/score.mjs'), '--no-eslint', '--rampart-bin', fakeBin, '--details', 'rampart'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      assert.equal(r.status, 0, r.stderr);
      const marks = expectedFindings(suite.cases).length;
      const summary = r.stdout.split('\n').find((l) => /^rampart\s+\d/.test(l));
      assert.ok(summary, r.stdout);
      assert.deepEqual(summary.trim().split(/\s+/).slice(1, 6), [String(marks), '1', '0', '100%', `${Math.round((100 * marks) / (marks + 1))}%`]);
      assert.match(r.stdout, /sql-injection\/express-pg-concat-safe\/app\.js:9 {2}sql-injection/);
      assert.match(r.stdout, /vulnerable-shop\s+rampart\s+\d+\s+0\s+0\s+\d+\s+0%/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
