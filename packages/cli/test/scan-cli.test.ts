import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The CLI as a user meets it: the built bin, run on real folders. `npm test` builds first.
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'rampart-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const p = join(root, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

function rampart(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scanJson(...args: string[]) {
  const r = rampart('scan', ...args, '-f', 'json', '--fail-on', 'none');
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as {
    findings: { ruleId: string; file: string; line: number; column: number; endLine: number; severity: string; practice: number; cwe: string; message: string; fingerprint: string }[];
    summary: { total: number; filesScanned: number; baselined: number; suppressed: number };
    skipped: { file: string; reason: string }[];
    warnings: { kind: string; file?: string; line?: number; message: string }[];
  };
}

const EVAL = 'module.exports = (s) => eval(s);\n';

describe('rampart scan: exit codes', () => {
  const root = tree({ 'a.js': EVAL });
  it('exits 1 when a finding is at or above the default threshold (high)', () => {
    assert.equal(rampart('scan', root, '-f', 'json').code, 1);
  });
  it('exits 0 with --fail-on none or a higher threshold', () => {
    assert.equal(rampart('scan', root, '--fail-on', 'none').code, 0);
    assert.equal(rampart('scan', root, '--fail-on', 'critical').code, 0);
  });
  it('exits 0 on a clean folder', () => {
    assert.equal(rampart('scan', tree({ 'ok.js': 'module.exports = 1 + 1;\n' })).code, 0);
  });
  it('exits 2 on usage errors, with a message', () => {
    const bad = rampart('scan', root, '--fail-on', 'severe');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /critical, high, medium, low, info, none/);
    assert.equal(rampart('scan', root, '--format', 'xml').code, 2);
    assert.equal(rampart('frobnicate').code, 2);
  });
  it('exits 2 when the folder does not exist', () => {
    const r = rampart('scan', join(root, 'nope'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot scan .*nope: no such folder/);
  });
});

describe('rampart scan: JSON report', () => {
  it('has the documented fields, with paths relative to the root', () => {
    const report = scanJson(tree({ 'src/lib/a.js': `\n\n${EVAL}` }));
    assert.equal(report.findings.length, 1);
    const f = report.findings[0];
    assert.equal(f.ruleId, 'no-eval');
    assert.equal(f.file, 'src/lib/a.js');
    assert.equal(f.line, 3);
    assert.equal(f.column, 25);
    assert.equal(f.endLine, 3);
    assert.equal(f.practice, 7);
    assert.equal(f.cwe, 'CWE-95');
    assert.equal(f.severity, 'high');
    assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
    assert.equal(report.summary.total, 1);
    assert.equal(report.summary.filesScanned, 1);
  });
});

describe('rampart scan: what is read and what is skipped', () => {
  const big = `// filler\n${'const x = 1;\n'.repeat(100_000)}`;
  const root = tree({
    '.gitignore': 'generated/\n*.gen.js\n',
    'src/a.js': EVAL,
    'src/b.gen.js': EVAL,
    'generated/c.js': EVAL,
    'node_modules/dep/index.js': EVAL,
    'dist/bundle.js': EVAL,
    'public/app.min.js': EVAL,
    'src/huge.js': big + EVAL,
    'src/binary.js': Buffer.from([0x65, 0x76, 0x61, 0x6c, 0x00, 0x01, 0x02]),
    'src/long-lines.js': `${'var a=1;'.repeat(2000)}eval(s)`,
    'sub/.gitignore': 'local.js\n',
    'sub/local.js': EVAL,
    'sub/kept.js': EVAL,
  });
  const report = scanJson(root);
  const files = report.findings.map((f) => f.file).sort();
  it('reports findings only in the project source', () => {
    assert.deepEqual(files, ['src/a.js', 'sub/kept.js']);
  });
  it('lists every skipped folder and file with its reason', () => {
    const skipped = new Map(report.skipped.map((s) => [s.file, s.reason]));
    assert.equal(skipped.get('node_modules/'), 'ignored-dir');
    assert.equal(skipped.get('dist/'), 'ignored-dir');
    assert.equal(skipped.get('generated/'), 'ignored-dir');
    assert.equal(skipped.get('public/app.min.js'), 'minified');
    assert.equal(skipped.get('src/long-lines.js'), 'minified');
    assert.equal(skipped.get('src/huge.js'), 'too-large');
    assert.equal(skipped.get('src/binary.js'), 'binary');
  });
  it('honours a smaller maxFileSize from the config', () => {
    const r2 = tree({ 'rampart.config.json': JSON.stringify({ maxFileSize: 10 }), 'a.js': EVAL });
    const rep = scanJson(r2);
    assert.equal(rep.findings.length, 0);
    assert.equal(rep.skipped[0].reason, 'too-large');
  });
});

describe('rampart scan: files that do not parse', () => {
  it('warns with the position and goes on with the other files', () => {
    const report = scanJson(tree({ 'bad.js': 'const a = ;\nfunction (\n', 'good.js': EVAL, 'types.ts': 'const n: number = eval(s as string);\n' }));
    assert.deepEqual(report.findings.map((f) => f.file).sort(), ['good.js', 'types.ts']);
    const w = report.warnings.find((x) => x.kind === 'parse-error');
    assert.ok(w, 'a parse-error warning');
    assert.equal(w.file, 'bad.js');
    assert.equal(w.line, 1);
  });
  it('survives hostile nesting: too deep for the JS parser, or crashing the native TS parser', () => {
    const deep = `x = ${'[\n'.repeat(30_000)}${']\n'.repeat(30_000)};\n`;
    const longSum = `module.exports = ${'1 +\n'.repeat(50_000)}1;\n`;
    const report = scanJson(tree({ 'hostile.js': deep, 'hostile.ts': deep, 'generated.js': longSum, 'good.js': EVAL }));
    assert.deepEqual(report.findings.map((f) => f.file), ['good.js']);
    // hostile.js does not parse, but its text is still checked for secrets (practice 8).
    assert.equal(report.summary.filesScanned, 3, 'good.js and generated.js are analysed, hostile.js for secrets only');
    const byFile = new Map(report.warnings.map((w) => [w.file, w.message]));
    assert.match(byFile.get('hostile.js') ?? '', /nesting too deep/);
    assert.match(byFile.get('hostile.ts') ?? '', /parser crashed/);
    assert.equal(report.warnings.length, 2, JSON.stringify(report.warnings));
  });
  it('parses TypeScript, JSX and TSX', () => {
    const report = scanJson(
      tree({
        'a.tsx': 'export const C = (p: { s: string }) => <div onClick={() => eval(p.s)}>hi</div>;\n',
        'b.jsx': 'export const C = ({ s }) => <b>{eval(s)}</b>;\n',
        'c.mts': 'export function f<T>(x: T): unknown { return eval(String(x)); }\n',
        'd.cjs': 'module.exports = function (s) { return eval(s); };\n',
        'e.js': 'const el = <p>{eval(input)}</p>;\n',
      }),
    );
    assert.deepEqual(report.findings.map((f) => f.file).sort(), ['a.tsx', 'b.jsx', 'c.mts', 'd.cjs', 'e.js']);
    assert.equal(report.warnings.length, 0);
  });
});

describe('rampart scan: suppressions', () => {
  it('a suppression with a reason hides the finding on the next line', () => {
    const report = scanJson(tree({ 'a.js': '// rampart-ignore-next-line no-eval -- input is a constant from our own table\neval(s);\neval(t);\n' }));
    assert.deepEqual(report.findings.map((f) => f.line), [3]);
    assert.equal(report.summary.suppressed, 1);
    assert.deepEqual(report.warnings, []);
  });
  it('works with # comments in a Dockerfile', () => {
    const report = scanJson(tree({ Dockerfile: '# rampart-ignore-next-line dockerfile-runs-as-root -- the entrypoint drops to uid 10001 with gosu\nFROM node:20-slim\nCMD ["node", "server.js"]\n' }));
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.suppressed, 1);
  });
  it('a suppression without a reason suppresses nothing and is reported', () => {
    const report = scanJson(tree({ 'a.js': '// rampart-ignore-next-line no-eval\neval(s);\n' }));
    assert.equal(report.findings.length, 1);
    assert.equal(report.warnings[0].kind, 'invalid-suppression');
    assert.match(report.warnings[0].message, /no reason/);
  });
  it('an unused suppression is reported', () => {
    const report = scanJson(tree({ 'a.js': '/* rampart-ignore-next-line no-eval -- legacy */\nconst x = 1;\n' }));
    assert.equal(report.warnings[0].kind, 'unused-suppression');
    assert.equal(report.warnings[0].line, 1);
  });
  it('an unknown rule id in a suppression is reported', () => {
    const report = scanJson(tree({ 'a.js': '// rampart-ignore-next-line no-evil -- typo\neval(s);\n' }));
    assert.equal(report.findings.length, 1);
    assert.match(report.warnings[0].message, /unknown rule id.*no-evil/);
  });
});

describe('rampart scan: baselines', () => {
  it('a team adopts Rampart on old code and fails only on new findings', () => {
    const root = tree({ 'old.js': EVAL, 'also-old.js': `${EVAL}${EVAL}` });
    const baseline = join(root, 'rampart-baseline.json');
    const first = rampart('scan', root, '--baseline-write', baseline, '-f', 'json');
    assert.equal(first.code, 1, 'the write run still reports');
    assert.equal(JSON.parse(readFileSync(baseline, 'utf8')).findings.length, 3);
    assert.equal(rampart('scan', root, '--baseline', baseline).code, 0);
    // Code moves down: still baselined. A new eval: reported.
    writeFileSync(join(root, 'old.js'), `// a comment\n\n${EVAL}`);
    writeFileSync(join(root, 'new.js'), EVAL);
    const r = rampart('scan', root, '--baseline', baseline, '-f', 'json');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.findings.map((f: { file: string }) => f.file), ['new.js']);
    assert.equal(report.summary.baselined, 3);
  });
  it('a file that is not a baseline is a clear error', () => {
    const root = tree({ 'a.js': EVAL, 'b.json': '{"hello": 1}' });
    const r = rampart('scan', root, '--baseline', join(root, 'b.json'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a Rampart baseline/);
  });
});

describe('rampart scan: configuration', () => {
  it('turns rules off and overrides severities from rampart.config.json', () => {
    const off = scanJson(tree({ 'rampart.config.json': JSON.stringify({ rules: { 'no-eval': 'off' } }), 'a.js': EVAL }));
    assert.equal(off.findings.length, 0);
    const low = scanJson(tree({ 'rampart.config.json': JSON.stringify({ rules: { 'no-eval': 'low' } }), 'a.js': EVAL }));
    assert.equal(low.findings[0].severity, 'low');
  });
  it('reads the "rampart" key of package.json, including failOn', () => {
    const root = tree({ 'package.json': JSON.stringify({ name: 'x', rampart: { failOn: 'critical', exclude: ['legacy/**'] } }), 'a.js': EVAL, 'legacy/b.js': EVAL });
    const r = rampart('scan', root, '-f', 'json');
    assert.equal(r.code, 0, 'high finding does not fail with failOn critical');
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.findings.map((f: { file: string }) => f.file), ['a.js']);
    assert.ok(report.skipped.some((s: { file: string; reason: string }) => s.file === 'legacy/' && s.reason === 'excluded'));
  });
  it('include globs narrow the scan', () => {
    const report = scanJson(tree({ 'rampart.config.json': JSON.stringify({ include: ['src/**'] }), 'src/a.js': EVAL, 'scripts/b.js': EVAL }));
    assert.deepEqual(report.findings.map((f) => f.file), ['src/a.js']);
  });
  it('explains config mistakes and exits 2', () => {
    const typo = rampart('scan', tree({ 'rampart.config.json': JSON.stringify({ exlude: ['x'] }), 'a.js': EVAL }));
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /unknown option "exlude". Did you mean "exclude"\?/);
    const rule = rampart('scan', tree({ 'rampart.config.json': JSON.stringify({ rules: { 'no-evl': 'off' } }), 'a.js': EVAL }));
    assert.equal(rule.code, 2);
    assert.match(rule.stderr, /unknown rule "no-evl". Did you mean "no-eval"\?/);
    const json = rampart('scan', tree({ 'rampart.config.json': '{ nope', 'a.js': EVAL }));
    assert.equal(json.code, 2);
    assert.match(json.stderr, /not valid JSON/);
  });
});

describe('rampart scan: worker threads', () => {
  it('gives the same findings in this process and in worker processes', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`f${i}.js`] = i % 3 === 0 ? EVAL : `module.exports = ${i};\n`;
    const root = tree(files);
    const serial = scanJson(root, '--workers', '0');
    const parallel = scanJson(root, '--workers', '2');
    assert.equal(serial.findings.length, 20);
    assert.deepEqual(parallel.findings, serial.findings);
  });
});

describe('rampart rules', () => {
  it('lists every rule with practice, CWE and severity', () => {
    const r = rampart('rules', '--json');
    assert.equal(r.code, 0);
    const rules = JSON.parse(r.stdout) as { id: string; practice: number; cwe: string }[];
    assert.ok(rules.some((x) => x.id === 'no-eval' && x.practice === 7 && x.cwe === 'CWE-95'));
  });
});

describe('rampart scan: terminal report', () => {
  it('has no colour codes when stdout is not a TTY', () => {
    const r = spawnSync(process.execPath, [BIN, 'scan', tree({ 'a.js': EVAL }), '--fail-on', 'none'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /no-eval/);
    assert.doesNotMatch(r.stdout, /\u001b\[/);
  });
});
