import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fillSample, seededRandom } from '@rampart/scan';

// `rampart secrets scan` as a user meets it: the built bin, on real folders and a real git
// repository. Secret values must not appear in any output format.

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const random = seededRandom(31);
const gen = (spec: string): string => fillSample(`{{${spec}}}`, random);

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rampart-secrets-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

function rampart(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const stripe = gen('sk_live_[A-Za-z0-9]{40}');
const github = gen('ghp_[A-Za-z0-9]{36}');
// rampart-ignore-next-line hardcoded-secret -- a made-up password the tests plant and look for
const password = 'Wq8#mZ2!rT5v';
const project = () =>
  tree({
    'config/default.json': `{\n  "payments": {\n    "apiKey": "${stripe}"\n  },\n  "db": { "password": "${password}" }\n}\n`,
    'scripts/release.sh': `#!/bin/sh\nGITHUB_TOKEN=${github} npx semantic-release\n`,
    'src/app.js': 'module.exports = { key: process.env.STRIPE_SECRET_KEY };\n',
  });

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  type?: string;
  severity: string;
  practice: number;
  snippet: string;
  message: string;
  fix: string;
  commit?: string;
  date?: string;
}

describe('rampart secrets scan', () => {
  it('reports file, line and type of each secret in JSON, and exits 1', () => {
    const r = rampart(['secrets', 'scan', project(), '-f', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    assert.deepEqual(
      findings.map((f) => [f.file, f.line, f.ruleId, f.type, f.practice]),
      [
        ['config/default.json', 3, 'hardcoded-secret', 'stripe-secret-key', 8],
        ['config/default.json', 5, 'hardcoded-secret', 'generic-password', 8],
        ['scripts/release.sh', 2, 'hardcoded-secret', 'github-pat', 8],
      ],
    );
    const stripeFinding = findings[0];
    assert.match(stripeFinding.message, /Moves money on the Stripe account/, 'says what it opens');
    assert.match(stripeFinding.fix, /Roll key/, 'says how to rotate it');
    assert.equal(stripeFinding.snippet, `"apiKey": "sk_l…(${stripe.length} chars)"`);
  });

  for (const format of ['pretty', 'json', 'sarif', 'html']) {
    it(`never prints a secret value (${format})`, () => {
      const r = rampart(['secrets', 'scan', project(), '-f', format, '--fail-on', 'none']);
      assert.equal(r.code, 0, r.stderr);
      for (const s of [stripe, github, password]) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), `${format} output shows a secret`);
      assert.ok(r.stdout.includes(`sk_l…(${stripe.length} chars)`), `${format} output shows the redacted form`);
    });
  }

  it('writes the report to a file with -o and honours --fail-on', () => {
    const root = project();
    const out = join(root, 'report.json');
    assert.equal(rampart(['secrets', 'scan', root, '-f', 'json', '-o', out, '--fail-on', 'critical']).code, 1);
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[] }).findings.length, 3);
    assert.equal(rampart(['secrets', 'scan', tree({ 'a.js': 'const a = 1;\n' })]).code, 0);
  });

  it('scans git history with --history: commit and date of the line that added the secret', () => {
    const root = tree({ 'deploy.sh': `export NPM_TOKEN=${gen('npm_[A-Za-z0-9]{36}')}\n` });
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'd@e.x', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'd@e.x', GIT_COMMITTER_DATE: '2024-05-06T07:08:09+02:00' };
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'deploy'], ['rm', '-q', 'deploy.sh'], ['commit', '-q', '-m', 'oops']]) {
      assert.equal(spawnSync('git', args, { cwd: root, env }).status, 0, `git ${args.join(' ')}`);
    }
    const sha = spawnSync('git', ['rev-parse', 'HEAD~1'], { cwd: root, encoding: 'utf8' }).stdout.trim();
    const r = rampart(['secrets', 'scan', root, '--history', '-f', 'json', '--fail-on', 'none']);
    assert.equal(r.code, 0, r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    assert.deepEqual(findings.map((f) => [f.file, f.line, f.type, f.commit, f.date]), [['deploy.sh', 1, 'npm-access-token', sha, '2024-05-06T07:08:09+02:00']]);
    // The file is gone: a plain scan finds nothing.
    assert.equal((JSON.parse(rampart(['secrets', 'scan', root, '-f', 'json']).stdout) as { findings: unknown[] }).findings.length, 0);
    const pretty = rampart(['secrets', 'scan', root, '--history', '--fail-on', 'none']);
    assert.match(pretty.stdout, new RegExp(`commit ${sha.slice(0, 12)} 2024-05-06T07:08:09\\+02:00`));
  });

  it('exits 2 with a clear message on usage errors', () => {
    const notGit = rampart(['secrets', 'scan', tree({ 'a.txt': 'x' }), '--history']);
    assert.equal(notGit.code, 2);
    assert.match(notGit.stderr, /--history needs a git repository/);
    const missing = rampart(['secrets', 'scan', '/nonexistent/rampart-dir']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such folder/);
    assert.equal(rampart(['secrets', 'scan', '.', '-f', 'xml']).code, 2);
  });

  it('is listed in the help of rampart and of rampart secrets', () => {
    assert.match(rampart(['--help']).stdout, /secrets/);
    assert.match(rampart(['secrets', '--help']).stdout, /scan \[options\] \[dir\]/);
  });
});

describe('rampart scan includes secrets under practice 8', () => {
  it('reports hardcoded-secret findings next to the other rules, redacted', () => {
    const r = rampart(['scan', project(), '-f', 'json', '--fail-on', 'none']);
    assert.equal(r.code, 0, r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.practice === 8);
    assert.deepEqual(findings.map((f) => [f.file, f.line, f.type]), [
      ['config/default.json', 3, 'stripe-secret-key'],
      ['config/default.json', 5, 'generic-password'],
      ['scripts/release.sh', 2, 'github-pat'],
    ]);
    assert.ok(!r.stdout.includes(stripe) && !r.stdout.includes(github));
  });
});
