import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scanSecrets, type ScanResult } from '@rampart/scan';
import { fillSample, seededRandom } from '../../src/secrets/index.js';
import { readForSecrets } from '../../src/secrets/read.js';

// scanSecrets on a real folder: what is read, what is skipped with a note, and that bad
// input (binary, huge single-line, invalid UTF-8, symlink loops, unreadable paths) never
// stops the scan.

const random = seededRandom(11);
const gen = (text: string): string => fillSample(text, random);

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'rampart-secrets-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

describe('scanSecrets on a project folder', () => {
  let root: string;
  let report: ScanResult;
  const secrets = {
    npm: gen('{{npm_[A-Za-z0-9]{36}}}'),
    aws: gen('{{AKIA[A-Z2-7]{16}}}'),
    github: gen('{{ghp_[A-Za-z0-9]{36}}}'),
    slack: gen('{{xoxb-[0-9]{12}-[0-9]{13}-[A-Za-z0-9]{24}}}'),
    stripe: gen('{{sk_live_[A-Za-z0-9]{32}}}'),
  };

  before(async () => {
    root = tree({
      '.gitignore': '.env.local\n',
      '.env': `PORT=3000\nDB_PASSWORD=hunter22\n`,
      '.env.local': `STRIPE_SECRET_KEY=${secrets.stripe}\n`, // gitignored: where local secrets belong
      '.env.example': 'DB_PASSWORD=\nSTRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxx\n',
      '.npmrc': `//registry.npmjs.org/:_authToken=${secrets.npm}\n`,
      'config/app.yml': `aws:\n  access_key_id: ${secrets.aws}\n`,
      'docs/setup.md': `Run with \`GITHUB_TOKEN=${secrets.github} npm start\`.\n`,
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x41, 0x4b, 0x49, 0x41]),
      'data/blob.bin.txt': Buffer.concat([Buffer.from(`key=${secrets.aws}\n`), Buffer.from([0, 1, 2, 3])]),
      'public/bundle.js': `!function(){var t="${secrets.github}";${'var a=1;'.repeat(2000)}}();`,
      'legacy/latin1.properties': Buffer.concat([Buffer.from('caf\xe9=1\n', 'latin1'), Buffer.from(`slack.token=${secrets.slack}\n`)]),
      'src/clean.js': 'module.exports = { token: process.env.TOKEN };\n',
      'big/huge.json': `{"a": "${'x'.repeat(2 * 1024 * 1024)}"}`,
    });
    // A symlink loop and a dangling link: never followed.
    symlinkSync('..', join(root, 'config', 'loop'));
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling.env'));
    report = await scanSecrets(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const at = (file: string) => report.findings.filter((f) => f.file === file).map((f) => `${f.line} ${f.ruleId}${f.type ? `/${f.type}` : ''}`);

  it('finds secrets in .npmrc, YAML and Markdown, with the type of each', () => {
    assert.deepEqual(at('.npmrc'), ['1 committed-env-file', '1 hardcoded-secret/npm-access-token']);
    assert.deepEqual(at('config/app.yml'), ['2 hardcoded-secret/aws-access-key-id']);
    assert.deepEqual(at('docs/setup.md'), ['1 hardcoded-secret/github-pat']);
  });

  it('flags a committed .env on its own, even for a weak password no entropy check would catch', () => {
    assert.deepEqual(at('.env'), ['2 committed-env-file']);
    const f = report.findings.find((x) => x.file === '.env')!;
    assert.match(f.message, /DB_PASSWORD/);
    assert.ok(!f.snippet.includes('hunter22'), f.snippet);
  });

  it('leaves gitignored .env.local and the .env.example template alone', () => {
    assert.deepEqual(at('.env.local'), []);
    assert.deepEqual(at('.env.example'), []);
    assert.deepEqual(at('src/clean.js'), []);
  });

  it('never writes a secret value anywhere in the report', () => {
    const json = JSON.stringify(report);
    for (const [name, value] of Object.entries(secrets)) assert.ok(!json.includes(value), `${name} leaked into the report`);
    assert.ok(!json.includes('hunter22'));
  });

  it('reads invalid UTF-8 with a note, and still finds the ASCII secret in it', () => {
    assert.deepEqual(at('legacy/latin1.properties'), ['2 hardcoded-secret/slack-bot-token']);
    assert.ok(report.warnings.some((w) => w.kind === 'encoding' && w.file === 'legacy/latin1.properties'));
  });

  it('skips binary, minified and too-large files with a note, and follows no symlink', () => {
    const skipped = new Map(report.skipped.map((s) => [s.file, s.reason]));
    assert.equal(skipped.get('data/blob.bin.txt'), 'binary');
    assert.equal(skipped.get('public/bundle.js'), 'minified');
    assert.equal(skipped.get('big/huge.json'), 'too-large');
    assert.ok(!skipped.has('logo.png'), 'images are not even read');
    assert.deepEqual(report.findings.filter((f) => f.file.includes('loop') || f.file.includes('dangling')), []);
  });

  it('says the unreadable path is unreadable instead of failing', () => {
    const r = readForSecrets(root, 'config', 1 << 20); // a folder where a file was expected
    assert.equal(r.kind, 'skipped');
    assert.equal(r.kind === 'skipped' && r.skipped.reason, 'unreadable');
  });

  it('honours the config: rules turned off, severity overrides, excluded paths', async () => {
    writeFileSync(join(root, 'rampart.config.json'), JSON.stringify({ rules: { 'committed-env-file': 'off', 'hardcoded-secret': 'medium' }, exclude: ['docs/**'] }));
    try {
      const r = await scanSecrets(root);
      assert.ok(!r.findings.some((f) => f.ruleId === 'committed-env-file'));
      assert.ok(!r.findings.some((f) => f.file.startsWith('docs/')));
      assert.ok(r.findings.length > 0 && r.findings.every((f) => f.severity === 'medium'));
    } finally {
      rmSync(join(root, 'rampart.config.json'));
    }
  });

  it('checks the rule ids of the config against every rule, not only the secret ones', async () => {
    const dir = tree({ 'rampart.config.json': JSON.stringify({ rules: { 'no-eval': 'off' } }), 'a.js': 'const a = 1;\n' });
    try {
      assert.deepEqual((await scanSecrets(dir)).findings, []);
      writeFileSync(join(dir, 'rampart.config.json'), JSON.stringify({ rules: { 'hardcoded-secrets': 'off' } }));
      await assert.rejects(scanSecrets(dir), /unknown rule "hardcoded-secrets"\. Did you mean "hardcoded-secret"\?/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('honours a suppression comment with a reason', async () => {
    const dir = tree({ 'src/a.js': `// rampart-ignore-next-line hardcoded-secret -- revoked test key kept for the parser fixture\nconst k = "${gen('{{ghp_[A-Za-z0-9]{36}}}')}";\n` });
    try {
      const r = await scanSecrets(dir);
      assert.deepEqual(r.findings, []);
      assert.equal(r.summary.suppressed, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a missing folder with a clear error', async () => {
    await assert.rejects(scanSecrets(join(root, 'nope')), /cannot scan .*nope: no such folder/);
  });
});
