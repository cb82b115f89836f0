import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GitHistoryError, scanSecrets, type ScanResult } from '@rampart/scan';
import { fillSample, seededRandom } from '../../src/secrets/index.js';

// --history on a real repository made here: secrets added and later removed, a committed
// .env, unusual paths, a binary file, and 2,000 more commits made with git fast-import.

const random = seededRandom(99);
const gen = (spec: string): string => fillSample(`{{${spec}}}`, random);
const BULK = 2000;

function git(cwd: string, args: string[], input?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };
  const r = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function commit(repo: string, files: Record<string, string | Buffer | null>, message: string, date: string): string {
  for (const [name, content] of Object.entries(files)) {
    const p = join(repo, name);
    if (content === null) rmSync(p);
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  }
  git(repo, ['add', '-A']);
  spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'd@e.x', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'd@e.x', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  return git(repo, ['rev-parse', 'HEAD']);
}

/** Many commits at once: one fast-import stream, each commit changing a counter file. */
function bulkCommits(repo: string, count: number, secretAt: number, secretLine: string): void {
  const parts: string[] = [];
  const data = (s: string): string => `data ${Buffer.byteLength(s)}\n${s}\n`;
  for (let i = 1; i <= count; i++) {
    parts.push(`commit refs/heads/main\ncommitter Dev <d@e.x> ${1_700_100_000 + i} +0000\n${data(`bump ${i}`)}`);
    if (i === 1) parts.push('from refs/heads/main^0\n');
    parts.push(`M 644 inline counter.txt\n${data(`count=${i}\n`)}`);
    if (i === secretAt) parts.push(`M 644 inline ops/notify.sh\n${data(`#!/bin/sh\n# ping the channel\nexport SLACK_TOKEN=${secretLine}\n`)}`);
  }
  git(repo, ['fast-import', '--quiet'], parts.join(''));
  git(repo, ['reset', '-q', '--hard', 'main']);
}

describe('secrets scan --history', () => {
  let repo: string;
  let report: ScanResult;
  const progress: [number, number][] = [];
  const token = gen('ghp_[A-Za-z0-9]{36}');
  const stripe = gen('sk_live_[A-Za-z0-9]{32}');
  const aws = gen('AKIA[A-Z2-7]{16}');
  const slack = gen('xoxb-[0-9]{12}-[0-9]{13}-[A-Za-z0-9]{24}');
  const shas: Record<string, string> = {};

  before(async () => {
    repo = mkdtempSync(join(tmpdir(), 'rampart-history-'));
    git(repo, ['init', '-q']);
    shas.added = commit(repo, { 'src/config.js': `module.exports = {\n  port: 3000,\n  githubToken: '${token}',\n};\n` }, 'config', '2024-01-02T10:00:00+01:00');
    shas.removed = commit(repo, { 'src/config.js': `module.exports = {\n  port: 3000,\n  githubToken: process.env.GITHUB_TOKEN,\n};\n` }, 'use env', '2024-01-03T10:00:00+01:00');
    shas.env = commit(repo, { '.env': `PORT=3000\nDB_PASSWORD=hunter22\nSTRIPE_SECRET_KEY=${stripe}\n` }, 'env', '2024-01-04T10:00:00+01:00');
    shas.unicode = commit(repo, { 'deploy files/réglages.yml': `aws:\n  key_id: ${aws}\n` }, 'unicode path', '2024-01-05T10:00:00+01:00');
    // A pure rename adds no line: the key is reported once, at the commit that added it.
    shas.renamed = commit(repo, { 'deploy files/réglages.yml': null, 'deploy/settings.yml': `aws:\n  key_id: ${aws}\n` }, 'rename', '2024-01-05T11:00:00+01:00');
    shas.binary = commit(
      repo,
      {
        'assets/blob.dat': Buffer.concat([Buffer.from(`token=${gen('ghp_[A-Za-z0-9]{36}')}\n`), Buffer.from([0, 0, 1])]),
        // A bundle restates third-party code: skipped with a note, like in the files scan.
        'public/app.bundle.js': `!function(){var t="${gen('ghp_[A-Za-z0-9]{36}')}";${'var a=1;'.repeat(1000)}}();\n`,
        '.env': null,
      },
      'binary, bundle, env removed',
      '2024-01-06T10:00:00+01:00',
    );
    bulkCommits(repo, BULK, 1500, slack);
    report = await scanSecrets(repo, { history: true, onProgress: (done, total) => progress.push([done, total]) });
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  const found = () => report.findings.map((f) => ({ file: f.file, line: f.line, rule: f.ruleId, type: f.type, sha: f.commit?.sha, date: f.commit?.date }));

  it('finds a secret that a later commit removed, with the commit, date, file and line that added it', () => {
    assert.deepEqual(
      found().filter((f) => f.file === 'src/config.js'),
      [{ file: 'src/config.js', line: 3, rule: 'hardcoded-secret', type: 'github-pat', sha: shas.added, date: '2024-01-02T10:00:00+01:00' }],
    );
  });

  it('reports a committed .env and the key in it, even after the file was deleted', () => {
    assert.deepEqual(
      found().filter((f) => f.file === '.env').map((f) => [f.line, f.rule, f.type, f.sha]),
      [
        [2, 'committed-env-file', undefined, shas.env],
        [3, 'hardcoded-secret', 'stripe-secret-key', shas.env],
      ],
    );
  });

  it('reads paths with spaces and non-ASCII characters', () => {
    assert.deepEqual(found().filter((f) => f.file === 'deploy files/réglages.yml').map((f) => [f.line, f.type, f.sha]), [[2, 'aws-access-key-id', shas.unicode]]);
  });

  it('walks thousands of commits, with progress, and finds the one that added a token', () => {
    assert.deepEqual(found().filter((f) => f.file === 'ops/notify.sh').map((f) => [f.line, f.type]), [[3, 'slack-bot-token']]);
    assert.ok(progress.length >= BULK, `progress was reported ${progress.length} times`);
    const [done, total] = progress[progress.length - 1];
    assert.equal(done, BULK + 6);
    assert.equal(total, BULK + 6);
  });

  it('ignores binary files, skips bundles with a note, and never writes a secret value', () => {
    assert.ok(!report.findings.some((f) => f.file === 'assets/blob.dat' || f.file === 'public/app.bundle.js'));
    assert.deepEqual(report.skipped.map((s) => [s.file, s.reason]), [[`public/app.bundle.js@${shas.binary.slice(0, 12)}`, 'minified']]);
    const json = JSON.stringify(report);
    for (const s of [token, stripe, aws, slack, 'hunter22']) assert.ok(!json.includes(s), 'a secret leaked');
  });

  it('finds nothing else', () => {
    assert.equal(report.findings.length, 5, JSON.stringify(found(), null, 1));
  });

  it('explains when the folder is not a git repository, and accepts a repository without commits', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'rampart-nogit-'));
    try {
      await assert.rejects(scanSecrets(plain, { history: true }), (e: Error) => e instanceof GitHistoryError && /--history needs a git repository/.test(e.message));
      git(plain, ['init', '-q']);
      const empty = await scanSecrets(plain, { history: true });
      assert.deepEqual(empty.findings, []);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
