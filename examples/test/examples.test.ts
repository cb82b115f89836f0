import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES, scan, type ScanResult } from '@rampart/scan';

// The bundled example apps hold the scanner to account: vulnerable-shop plants known flaws,
// each listed in its EXPECTED.json, clean-shop is the same app with every flaw fixed by hand and
// secured-shop the same app secured through Rampart. Every listed flaw that a registered rule
// covers must be found, every finding must be a listed flaw, and both twins must come out with nothing.

const EXAMPLES = fileURLToPath(new URL('..', import.meta.url));
const RULE_META = new Map(RULES.map((r) => [r.meta.id, r.meta]));
const REGISTERED: ReadonlySet<string> = new Set(RULE_META.keys());

interface ExpectedFlaw {
  /** Relative to the example's root, forward slashes. */
  readonly file: string;
  /** The line the rule reports it on. */
  readonly line: number;
  /** kebab-case name of the kind of flaw, e.g. "sql-injection". */
  readonly class: string;
  readonly practice: number;
  readonly cwe: string;
  /** The rule that should find it, or null while Rampart has no rule for this class. */
  readonly ruleId: string | null;
  readonly note: string;
}

type Finding = ScanResult['findings'][number];

const FLAW_KEYS = ['file', 'line', 'class', 'practice', 'cwe', 'ruleId', 'note'];

/** Reads EXPECTED.json and checks its shape; returns the problems found, not only the first. */
function readExpected(root: string): { flaws: ExpectedFlaw[]; problems: string[] } {
  const problems: string[] = [];
  const data: unknown = JSON.parse(readFileSync(join(root, 'EXPECTED.json'), 'utf8'));
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { flaws?: unknown }).flaws) || Object.keys(data).length !== 1) {
    return { flaws: [], problems: ['EXPECTED.json must be exactly { "flaws": [ ... ] }'] };
  }
  const flaws = (data as { flaws: unknown[] }).flaws;
  const seen = new Set<string>();
  flaws.forEach((raw, i) => {
    const at = `flaws[${i}]`;
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`${at}: not an object`);
      return;
    }
    const f = raw as Record<string, unknown>;
    const keys = Object.keys(f).sort();
    if (keys.join() !== [...FLAW_KEYS].sort().join()) problems.push(`${at}: keys must be exactly ${FLAW_KEYS.join(', ')}; has ${keys.join(', ')}`);
    if (typeof f.file !== 'string' || f.file.startsWith('/') || f.file.includes('\\') || f.file.split('/').includes('..')) {
      problems.push(`${at}: file must be a relative path with forward slashes`);
    } else if (!existsSync(join(root, f.file)) || !statSync(join(root, f.file)).isFile()) {
      problems.push(`${at}: file ${f.file} does not exist`);
    } else {
      const lines = readFileSync(join(root, f.file), 'utf8').split('\n').length;
      if (!Number.isInteger(f.line) || (f.line as number) < 1 || (f.line as number) > lines) problems.push(`${at}: line ${String(f.line)} is not a line of ${f.file} (1-${lines})`);
      else if (readFileSync(join(root, f.file), 'utf8').split('\n')[(f.line as number) - 1].trim() === '') problems.push(`${at}: line ${String(f.line)} of ${f.file} is blank`);
    }
    if (typeof f.class !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(f.class)) problems.push(`${at}: class must be kebab-case`);
    if (!Number.isInteger(f.practice) || (f.practice as number) < 1 || (f.practice as number) > 11) problems.push(`${at}: practice must be a whole number from 1 to 11`);
    if (typeof f.cwe !== 'string' || !/^CWE-[1-9][0-9]*$/.test(f.cwe)) problems.push(`${at}: cwe must look like CWE-89`);
    if (f.ruleId !== null && (typeof f.ruleId !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(f.ruleId))) problems.push(`${at}: ruleId must be a kebab-case rule id or null`);
    if (typeof f.note !== 'string' || f.note.trim() === '' || f.note.includes('\n')) problems.push(`${at}: note must be one non-empty line`);
    const key = `${String(f.file)}:${String(f.line)}:${String(f.ruleId)}:${String(f.class)}`;
    if (seen.has(key)) problems.push(`${at}: duplicate of an earlier entry (${key})`);
    seen.add(key);
  });
  return { flaws: flaws as ExpectedFlaw[], problems };
}

const matches = (f: Finding, e: ExpectedFlaw): boolean => f.ruleId === e.ruleId && f.file === e.file && f.line <= e.line && e.line <= f.endLine;

const showFlaw = (e: ExpectedFlaw): string => `  ${e.file}:${e.line}  ${e.ruleId}  (${e.class}: ${e.note})`;
const showFinding = (f: Finding): string =>
  `  ${f.file}:${f.line}${f.endLine !== f.line ? `-${f.endLine}` : ''}  ${f.ruleId}  ${f.message}\n      ${f.snippet.split('\n')[0]}`;

/** Checks one example app against its EXPECTED.json; the same bar for the vulnerable and the clean twin. */
function describeExample(name: string, extra: (get: () => { report: ScanResult; flaws: ExpectedFlaw[] }) => void): void {
  describe(`examples/${name}`, () => {
    const root = join(EXAMPLES, name);
    let report: ScanResult;
    let flaws: ExpectedFlaw[] = [];
    let problems: string[] = [];

    before(async () => {
      ({ flaws, problems } = readExpected(root));
      report = await scan(root);
    });

    it('EXPECTED.json is well-formed: practice 1-11, CWE-N, files and lines that exist', () => {
      assert.deepEqual(problems, [], `EXPECTED.json problems:\n${problems.join('\n')}`);
    });

    it('is scanned whole: every source file parsed, no rule failed', () => {
      const broken = report.warnings.filter((w) => w.kind === 'parse-error' || w.kind === 'rule-error');
      assert.deepEqual(broken.map((w) => `${w.file}:${w.line} ${w.kind} ${w.message}`), []);
      const skippedSource = report.skipped.filter((s) => s.file.startsWith('src/'));
      assert.deepEqual(skippedSource, [], 'no file under src/ may be skipped');
      assert.ok(report.summary.filesScanned >= 10, `expected the app's files to be scanned, scanned ${report.summary.filesScanned}`);
    });

    it('every listed flaw with a registered rule is found on its line', () => {
      const missing = flaws.filter((e) => e.ruleId !== null && REGISTERED.has(e.ruleId) && !report.findings.some((f) => matches(f, e)));
      const hints = missing.map((e) => {
        const near = report.findings.filter((f) => f.file === e.file && f.ruleId === e.ruleId);
        return `${showFlaw(e)}\n${near.length > 0 ? `    that rule reported this file at: ${near.map((f) => `${f.line}-${f.endLine}`).join(', ')}` : '    that rule reported nothing in this file'}`;
      });
      assert.equal(missing.length, 0, `${missing.length} listed flaw(s) not found:\n${hints.join('\n')}`);
    });

    it('every finding is a listed flaw (no false alarms)', () => {
      const unlisted = report.findings.filter((f) => !flaws.some((e) => matches(f, e)));
      assert.equal(unlisted.length, 0, `${unlisted.length} finding(s) not in EXPECTED.json:\n${unlisted.map(showFinding).join('\n')}`);
    });

    it('gives each flaw the practice and CWE of the rule that finds it', () => {
      const differ = flaws.flatMap((e) => {
        const meta = e.ruleId === null ? undefined : RULE_META.get(e.ruleId);
        if (!meta || (meta.practice === e.practice && meta.cwe === e.cwe)) return [];
        return [`${showFlaw(e)}: listed as practice ${e.practice} ${e.cwe}, the rule reports practice ${meta.practice} ${meta.cwe}`];
      });
      assert.deepEqual(differ, []);
    });

    it('lists flaws only for rules that exist (others are marked TODO until they land)', (t) => {
      const pending = [...new Set(flaws.map((e) => e.ruleId).filter((id): id is string => id !== null && !REGISTERED.has(id)))];
      if (pending.length > 0) t.todo(`rules not registered yet: ${pending.join(', ')}`);
    });

    extra(() => ({ report, flaws }));
  });
}

describeExample('vulnerable-shop', (get) => {
  it('plants flaws for every practice it demonstrates (1, 2, 3, 5, 6, 7, 8, 9, 10)', () => {
    const practices = new Set(get().flaws.map((e) => e.practice));
    const absent = [1, 2, 3, 5, 6, 7, 8, 9, 10].filter((p) => !practices.has(p));
    assert.deepEqual(absent, [], `practices with no planted flaw: ${absent.join(', ')}`);
  });
  it('finds something for every registered rule it lists', () => {
    const ruleIds = new Set(get().flaws.map((e) => e.ruleId).filter((id) => id !== null && REGISTERED.has(id)));
    const found = new Set(get().report.findings.map((f) => f.ruleId));
    assert.deepEqual([...ruleIds].filter((id) => !found.has(id as string)), []);
  });
});

describeExample('clean-shop', (get) => {
  it('lists no flaws and Rampart reports nothing', () => {
    assert.deepEqual(get().flaws, []);
    assert.deepEqual(get().report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`), []);
  });
});

describeExample('secured-shop', (get) => {
  it('lists no flaws and Rampart reports nothing', () => {
    assert.deepEqual(get().flaws, []);
    assert.deepEqual(get().report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`), []);
  });
});
