import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRACTICES } from '../../src/practices.js';
import { formatPretty, PRETTY_LIMITS } from '../../src/reporters/pretty.js';
import { cleanReport, sampleReport, SKIPPED } from './sample-report.js';

const ESC = '\u001b';
const lines = (text: string): string[] => text.split('\n');
const indexOfLine = (text: string, predicate: (line: string) => boolean): number => lines(text).findIndex(predicate);

describe('pretty reporter', () => {
  const plain = formatPretty(sampleReport());
  const coloured = formatPretty(sampleReport(), { color: true });

  it('holds no escape sequence at all without colour, even when a snippet carries one', () => {
    assert.ok(!plain.includes(ESC), 'an ESC byte leaked into the plain report');
    assert.ok(plain.includes('<U+001B>[2J'), 'the hostile ESC is shown as a visible mark');
    assert.ok(plain.includes('<U+202E>'), 'the bidi override is shown as a visible mark');
    assert.deepEqual(formatPretty(sampleReport(), {}), plain, 'colour is off by default');
  });

  it('colours with ANSI codes when asked, and only its own codes', () => {
    assert.match(coloured, /\u001b\[\d+m/);
    assert.match(coloured, /\u001b\[41m\u001b\[97m CRITICAL/); // the critical badge
    // Every ESC in the coloured report starts one of our SGR codes: none comes from the snippet.
    const escapes = coloured.match(/\u001b[^m]*m?/g) ?? [];
    for (const e of escapes) assert.match(e, /^\u001b\[\d+m$/);
    assert.ok(coloured.includes('<U+001B>[2J'));
  });

  it('groups findings under practice headings in practice order', () => {
    const headings = lines(plain).filter((l) => PRACTICES.some((p) => l.startsWith(`${p.id}. ${p.title}`)));
    assert.deepEqual(
      headings.map((h) => Number(h.split('.')[0])),
      [1, 3, 6, 7, 8, 9, 10],
    );
    assert.ok(headings[0]!.endsWith('2 findings'));
    assert.ok(headings[1]!.endsWith('1 finding'));
  });

  it('orders a practice by severity before file: critical sql-injection before high command-injection', () => {
    // By file alone src/jobs/convert.js would come first.
    const sql = indexOfLine(plain, (l) => l.includes('sql-injection  src/routes/users.js:14:18'));
    const cmd = indexOfLine(plain, (l) => l.includes('command-injection  src/jobs/convert.js:22:5'));
    assert.ok(sql > 0 && cmd > sql, `sql at ${sql}, command at ${cmd}`);
  });

  it('prints badge, rule id, file:line:column, message, numbered snippet and fix for each finding', () => {
    const at = indexOfLine(plain, (l) => l.includes('no-eval'));
    assert.deepEqual(lines(plain).slice(at, at + 4), [
      '  [HIGH]     no-eval  src/utils/calc.js:3:10',
      '    eval() runs a string built at run time.',
      '      3 │ return eval(expr);',
      '    fix: Parse the input (JSON.parse) or use a lookup table instead of eval.',
    ]);
  });

  it('dims the fix line when colouring', () => {
    assert.ok(coloured.includes('\u001b[2mfix: Parse the input (JSON.parse) or use a lookup table instead of eval.\u001b[22m'));
  });

  it('shows a multi-line snippet with its line numbers, dedented', () => {
    assert.ok(plain.includes('      14 │ const rows = await db.query("SELECT * FROM users WHERE id = " + id);\n      15 │ res.json(rows);'));
  });

  it('prints the trace from source through steps to sink', () => {
    const at = indexOfLine(plain, (l) => l.trim() === 'trace:');
    assert.ok(at > 0);
    assert.deepEqual(lines(plain).slice(at + 1, at + 4), [
      '      source → src/routes/users.js:11:16  req.query.id enters the handler',
      '      step   → src/routes/users.js:11:9   assigned to `id`',
      '      sink   → src/routes/users.js:14:18  concatenated into the SQL passed to db.query()',
    ]);
    assert.equal(lines(plain).filter((l) => l.trim() === 'trace:').length, 1, 'only the traced finding has a trace');
  });

  it('ends the findings with a per-practice table of counts by severity', () => {
    const head = indexOfLine(plain, (l) => l.startsWith('Practice'));
    assert.match(lines(plain)[head]!, /^Practice\s+Critical\s+High\s+Medium\s+Low\s+Info\s+Total$/);
    const row = (label: string): number[] =>
      lines(plain)
        .find((l) => l.startsWith(label))!
        .slice(label.length)
        .trim()
        .split(/\s+/)
        .map(Number);
    assert.deepEqual(row(' 1 injection'), [1, 1, 0, 0, 0, 2]);
    assert.deepEqual(row(' 2 authentication'), [0, 0, 0, 0, 0, 0], 'a practice checked and clean has a row of zeros');
    assert.deepEqual(row('10 least-privilege'), [0, 0, 1, 0, 0, 1]);
    assert.deepEqual(row('Total'), [1, 3, 2, 1, 1, 8]);
    assert.ok(!plain.includes(' 4 dependencies'), 'a practice no rule checked has no row');
  });

  it('counts skipped entries by reason and lists the first ones', () => {
    assert.ok(plain.includes('Skipped 16: 13 minified, 1 binary, 1 ignored-dir, 1 too-large'));
    assert.ok(plain.includes('  node_modules/        ignored-dir (installed or generated code)'));
    assert.ok(plain.includes(`  ${SKIPPED[PRETTY_LIMITS.skipped - 1]!.file}`));
    assert.ok(!plain.includes(`  ${SKIPPED[PRETTY_LIMITS.skipped]!.file}`));
    assert.ok(plain.includes(`  ...and ${SKIPPED.length - PRETTY_LIMITS.skipped} more`));
  });

  it('lists warnings, parse errors first, with file:line', () => {
    const at = indexOfLine(plain, (l) => l.startsWith('2 warnings'));
    assert.deepEqual(lines(plain).slice(at, at + 3), [
      '2 warnings (1 file did not parse and went unchecked):',
      '  src/legacy/broken.js:12:8  parse-error  Unexpected token (12:8)',
      '  src/app.js:2  unused-suppression  rampart-disable-next-line no-eval suppresses nothing',
    ]);
  });

  it('closes with totals, skipped, duration, suppressed, baselined and warnings', () => {
    assert.equal(lines(plain.trimEnd()).at(-1), '8 findings in 42 files scanned, 16 skipped, 1.2 s, 1 suppressed, 2 baselined, 2 warnings');
  });

  it('says plainly when there are no findings, and leaves out zero counts and empty sections', () => {
    const clean = formatPretty(cleanReport());
    assert.ok(clean.includes('No findings. 9 rules checked practices 1, 2, 3, 6, 7, 8, 9, 10.'));
    assert.equal(lines(clean.trimEnd()).at(-1), '0 findings in 7 files scanned, 0 skipped, 85 ms');
    for (const absent of ['Practice', 'Skipped', 'warning', 'suppressed', 'baselined']) assert.ok(!clean.includes(absent), absent);
  });
});
