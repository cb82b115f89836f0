import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SecretsStore, generateKeyPair } from '@rampart/secrets';

// `rampart secrets ...` as a user meets it: the built bin, a real project folder with .git,
// and a home folder of its own for each developer (their key files live there).
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const DB = 'postgres://app:CliSecretPassw0rd@db/app';
const TOKEN = 'tok_CLI_VALUE_THAT_MUST_NOT_LEAK';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-secrets-cli-'));
  mkdirSync(join(dir, '.git'));
  return dir;
}

function home(): string {
  return mkdtempSync(join(tmpdir(), 'rampart-secrets-cli-home-'));
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function rampart(cwd: string, homeDir: string, args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', HOME: homeDir, XDG_CONFIG_HOME: join(homeDir, '.config'), ...opts.env };
  if (!opts.env?.RAMPART_SECRETS_KEY) delete env.RAMPART_SECRETS_KEY;
  delete env.RAMPART_SECRETS_KEY_FILE;
  delete env.RAMPART_SECRETS_FILE;
  const r = spawnSync(process.execPath, [BIN, 'secrets', ...args], { cwd, env, input: opts.input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertNoValue(...runs: Run[]): void {
  for (const r of runs) for (const v of [DB, TOKEN]) assert.ok(!(r.stdout + r.stderr).includes(v), `a value was printed: ${r.stdout}${r.stderr}`);
}

/** A developer with a key, in a project with a store holding DB and TOKEN. */
function setUp() {
  const dir = project();
  const alice = home();
  const keygen = rampart(dir, alice, ['keygen']);
  assert.equal(keygen.code, 0, keygen.stderr);
  const set1 = rampart(dir, alice, ['set', 'DATABASE_URL', '--name', 'alice'], { input: `${DB}\n` });
  assert.equal(set1.code, 0, set1.stderr);
  const set2 = rampart(dir, alice, ['set', 'API_TOKEN'], { input: TOKEN });
  assert.equal(set2.code, 0, set2.stderr);
  assertNoValue(keygen, set1, set2);
  return { dir, alice, file: join(dir, 'secrets.enc.json') };
}

describe('rampart secrets keygen', () => {
  it('writes the key outside the repository with mode 600 and prints the public key', () => {
    const dir = project();
    const h = home();
    const r = rampart(dir, h, ['keygen']);
    assert.equal(r.code, 0, r.stderr);
    const keyFile = join(h, '.config', 'rampart', 'secrets.key');
    assert.ok(existsSync(keyFile));
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.match(r.stdout, /Public key \(id rk_[0-9a-f]{16}\):\n {2}rampart-pub-1:/);
    const privateKey = readFileSync(keyFile, 'utf8').split('\n').find((l) => l.startsWith('RAMPART-SECRET-KEY-1:'))!;
    assert.ok(!r.stdout.includes(privateKey) && !r.stderr.includes(privateKey), 'keygen printed the private key');
  });

  it('refuses to replace an existing key, and to write one inside the repository', () => {
    const dir = project();
    const h = home();
    assert.equal(rampart(dir, h, ['keygen']).code, 0);
    const again = rampart(dir, h, ['keygen']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists: it may hold the only copy of a key/);
    const inside = rampart(dir, h, ['keygen', '--out', join(dir, 'config', 'my.key')]);
    assert.equal(inside.code, 2);
    assert.match(inside.stderr, /refusing to write a private key inside the repository/);
  });

  it('--stdout prints a key for a CI secret, which works from RAMPART_SECRETS_KEY', () => {
    const { dir, alice } = setUp();
    const ciKey = rampart(dir, home(), ['keygen', '--stdout']);
    assert.equal(ciKey.code, 0);
    const privateKey = ciKey.stdout.trim();
    const publicKey = /rampart-pub-1:\S+/.exec(ciKey.stderr)![0];
    assert.equal(rampart(dir, alice, ['recipients', 'add', publicKey, '--name', 'ci']).code, 0);
    const ci = rampart(dir, home(), ['get', 'API_TOKEN'], { env: { RAMPART_SECRETS_KEY: privateKey } });
    assert.equal(ci.code, 0, ci.stderr);
    assert.equal(ci.stdout, TOKEN);
  });
});

describe('rampart secrets set/get/list/rm', () => {
  it('set reads stdin (one trailing newline dropped); the file holds no plaintext; get prints the exact value', () => {
    const { dir, alice, file } = setUp();
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes(DB) && !text.includes(TOKEN));
    const get = rampart(dir, alice, ['get', 'DATABASE_URL']);
    assert.equal(get.code, 0, get.stderr);
    assert.equal(get.stdout, DB);
    assert.equal(rampart(dir, alice, ['get', 'API_TOKEN']).stdout, TOKEN);
  });

  it('the value never comes from argv: an extra argument is a usage error', () => {
    const { dir, alice } = setUp();
    const r = rampart(dir, alice, ['set', 'NEW_ONE', 'value-on-the-command-line']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /too many arguments/);
  });

  it('set --from-file keeps the exact bytes; --from-env reads a variable', () => {
    const { dir, alice } = setUp();
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const pemFile = join(alice, 'cert.pem');
    writeFileSync(pemFile, pem);
    assert.equal(rampart(dir, alice, ['set', 'TLS_CERT', '--from-file', pemFile]).code, 0);
    assert.equal(rampart(dir, alice, ['get', 'TLS_CERT']).stdout, pem);
    assert.equal(rampart(dir, alice, ['set', 'FROM_ENV', '--from-env', 'MY_VAR'], { env: { MY_VAR: 'env-value' } }).code, 0);
    assert.equal(rampart(dir, alice, ['get', 'FROM_ENV']).stdout, 'env-value');
  });

  it('refuses an empty value and an invalid name', () => {
    const { dir, alice } = setUp();
    const empty = rampart(dir, alice, ['set', 'EMPTY'], { input: '' });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /the value for EMPTY is empty/);
    const bad = rampart(dir, alice, ['set', 'not a name'], { input: 'x' });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /invalid secret name/);
  });

  it('list shows names, dates and key ids, never values; --json too; without a key it says NOT VERIFIED', () => {
    const { dir, alice } = setUp();
    const list = rampart(dir, alice, ['list']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /NAME +SET +AGE +MAX AGE +ENCRYPTED +KEY/);
    assert.match(list.stdout, /^API_TOKEN +\d{4}-\d{2}-\d{2} .* dk_[0-9a-f]{16}$/m);
    assert.match(list.stdout, /^DATABASE_URL /m);
    assert.match(list.stdout, /recipients: alice \(rk_[0-9a-f]{16}\); last written by alice \(rk_/);
    const json = JSON.parse(rampart(dir, alice, ['list', '--json']).stdout);
    assert.equal(json.verified, true);
    assert.deepEqual(
      json.secrets.map((s: { name: string }) => s.name),
      ['API_TOKEN', 'DATABASE_URL'],
    );
    const nokey = rampart(dir, home(), ['list']);
    assert.equal(nokey.code, 0);
    assert.match(nokey.stdout, /NOT VERIFIED: no private key/);
    assertNoValue(list, nokey);
  });

  it('rm removes a name; get and rm of a missing name exit 2 naming it', () => {
    const { dir, alice } = setUp();
    const rm = rampart(dir, alice, ['rm', 'API_TOKEN']);
    assert.equal(rm.code, 0);
    assert.match(rm.stderr, /still in version control history/);
    const get = rampart(dir, alice, ['get', 'API_TOKEN']);
    assert.equal(get.code, 2);
    assert.match(get.stderr, /no secret named API_TOKEN .* it has: DATABASE_URL/);
    assert.equal(rampart(dir, alice, ['rm', 'API_TOKEN']).code, 2);
  });
});

describe('rampart secrets import', () => {
  it('moves a .env into the store: quotes, export, multi-line values; keeps existing values unless --overwrite', () => {
    const { dir, alice } = setUp();
    const envFile = join(dir, '.env');
    writeFileSync(
      envFile,
      [
        '# database',
        `DATABASE_URL="${DB}-from-env"`,
        'export REDIS_URL=redis://:r3dis-pass@cache:6379',
        "JWT_SECRET='single quoted # not a comment'",
        'PRIVATE_KEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"',
        'EMPTY=',
        `API_TOKEN=${TOKEN}`,
        '',
      ].join('\n'),
    );
    const r = rampart(dir, alice, ['import', envFile]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Imported 3 secret\(s\) from .*\.env into .*: REDIS_URL, JWT_SECRET, PRIVATE_KEY\./);
    assert.match(r.stderr, /Kept the stored value of DATABASE_URL/);
    assert.match(r.stderr, /Already stored with the same value: API_TOKEN/);
    assert.match(r.stderr, /Skipped empty: EMPTY/);
    assert.match(r.stderr, /Now delete .*\.env/);
    assertNoValue(r);
    assert.ok(!r.stderr.includes('r3dis-pass'));
    assert.equal(rampart(dir, alice, ['get', 'REDIS_URL']).stdout, 'redis://:r3dis-pass@cache:6379');
    assert.equal(rampart(dir, alice, ['get', 'JWT_SECRET']).stdout, 'single quoted # not a comment');
    assert.equal(rampart(dir, alice, ['get', 'PRIVATE_KEY']).stdout, '-----BEGIN KEY-----\nabc\n-----END KEY-----');
    assert.equal(rampart(dir, alice, ['get', 'DATABASE_URL']).stdout, DB);
    assert.equal(rampart(dir, alice, ['import', envFile, '--overwrite']).code, 0);
    assert.equal(rampart(dir, alice, ['get', 'DATABASE_URL']).stdout, `${DB}-from-env`);
  });

  it('names a missing file, and creates the store when there is none', () => {
    const dir = project();
    const h = home();
    assert.equal(rampart(dir, h, ['keygen']).code, 0);
    const missing = rampart(dir, h, ['import', join(dir, 'nope.env')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.env: ENOENT/);
    writeFileSync(join(dir, '.env'), 'ONE=1\n');
    const r = rampart(dir, h, ['import', '.env']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Created .*secrets\.enc\.json with you as its recipient/);
    assert.equal(rampart(dir, h, ['get', 'ONE']).stdout, '1');
  });
});

describe('rampart secrets recipients, rotate and check', () => {
  it('a second developer is added, reads, is removed and then cannot read (the data key rotated)', () => {
    const { dir, alice, file } = setUp();
    const bob = home();
    const bobKey = rampart(dir, bob, ['keygen']);
    const bobPublic = /rampart-pub-1:\S+/.exec(bobKey.stdout)![0];
    const before = rampart(dir, bob, ['get', 'DATABASE_URL']);
    assert.equal(before.code, 2);
    assert.match(before.stderr, /wrong key .* is not one of its recipients \(alice rk_/);
    const names = rampart(dir, bob, ['list']);
    assert.equal(names.code, 0, names.stderr);
    assert.match(names.stdout, /NOT VERIFIED: your key is not a recipient/);
    assert.match(names.stdout, /^DATABASE_URL /m);
    const add = rampart(dir, alice, ['recipients', 'add', bobPublic, '--name', 'bob@laptop']);
    assert.equal(add.code, 0, add.stderr);
    assert.equal(rampart(dir, bob, ['get', 'DATABASE_URL']).stdout, DB);
    const list = rampart(dir, bob, ['recipients']);
    assert.match(list.stdout, /^alice +rk_/m);
    assert.match(list.stdout, /^bob@laptop +rk_/m);
    const keyBefore = JSON.parse(readFileSync(file, 'utf8')).dataKey.id;
    const selfRemove = rampart(dir, bob, ['recipients', 'remove', 'bob@laptop']);
    assert.equal(selfRemove.code, 2);
    assert.match(selfRemove.stderr, /is the key you are using: .*another recipient must remove it/);
    const remove = rampart(dir, alice, ['recipients', 'remove', 'bob@laptop']);
    assert.equal(remove.code, 0, remove.stderr);
    assert.match(remove.stderr, /rotated the data key/);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    assert.notEqual(doc.dataKey.id, keyBefore);
    assert.deepEqual(
      doc.retiredKeys.map((k: { id: string; reason: string }) => [k.id, k.reason]),
      [[keyBefore, 'recipient-removed']],
    );
    assert.equal(rampart(dir, bob, ['get', 'DATABASE_URL']).code, 2);
    assert.equal(rampart(dir, alice, ['get', 'DATABASE_URL']).stdout, DB);
  });

  it('rotate re-encrypts under a new data key and records the date; values survive', () => {
    const { dir, alice, file } = setUp();
    const before = JSON.parse(readFileSync(file, 'utf8'));
    const r = rampart(dir, alice, ['rotate']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`data key ${before.dataKey.id} -> dk_[0-9a-f]{16}; 2 value\\(s\\) re-encrypted for 1 recipient`));
    const after = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(after.retiredKeys[0].id, before.dataKey.id);
    assert.match(after.retiredKeys[0].retiredAt, /^\d{4}-/);
    assert.ok(after.secrets.every((s: { keyId: string }) => s.keyId === after.dataKey.id));
    assert.equal(rampart(dir, alice, ['get', 'DATABASE_URL']).stdout, DB);
    assert.match(rampart(dir, alice, ['list']).stdout, /1 earlier key\(s\), last rotated/);
  });

  it('check exits 0 on a fresh store and 1 on values older than the maximum age, naming them', () => {
    const { dir, alice } = setUp();
    const fresh = rampart(dir, alice, ['check']);
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.match(fresh.stdout, /integrity verified, written by alice \(rk_[0-9a-f]{16}\), 2 secret\(s\)/);
    const untrusted = rampart(dir, alice, ['check'], { env: { RAMPART_SECRETS_WRITERS: 'rk_0123456789abcdef' } });
    assert.equal(untrusted.code, 1);
    assert.match(untrusted.stdout, /INTEGRITY FAILED: .*not one of the trusted writers/);

    // A store whose values were set long ago (written through the library with an old clock).
    const old = project();
    const key = generateKeyPair();
    const store = SecretsStore.create(join(old, 'secrets.enc.json'), [{ publicKey: key.publicKey, name: 'ci' }], { writerKey: key.privateKey, now: () => new Date('2024-01-01T00:00:00.000Z') });
    store.set('OLD_TOKEN', TOKEN);
    store.save();
    const fresh2 = SecretsStore.open(join(old, 'secrets.enc.json'), { key: key.privateKey });
    fresh2.set('NEW_TOKEN', 'fresh');
    fresh2.save();
    const r = rampart(old, home(), ['check'], { env: { RAMPART_SECRETS_KEY: key.privateKey } });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /TOO OLD +OLD_TOKEN was set \d+ d ago \(2024-01-01\), more than its maximum age of 90 d/);
    assert.match(r.stdout, /ROTATE +data key dk_\w+ was created \d+ d ago/);
    assert.doesNotMatch(r.stdout, /NEW_TOKEN/);
    const json = JSON.parse(rampart(old, home(), ['check', '--json', '--max-age', '10000d', '--max-key-age', '10000d'], { env: { RAMPART_SECRETS_KEY: key.privateKey } }).stdout);
    assert.deepEqual(json.problems, []);
    assert.equal(json.integrity, 'ok');
    // Without a key: a pointer to --no-verify, which checks the (unauthenticated) dates.
    const nokey = rampart(old, home(), ['check']);
    assert.equal(nokey.code, 2);
    assert.match(nokey.stderr, /no private key: .*or run `rampart secrets check --no-verify`/);
    const dates = rampart(old, home(), ['check', '--no-verify']);
    assert.equal(dates.code, 1);
    assert.match(dates.stdout, /integrity NOT checked \(--no-verify\)/);
    assert.match(dates.stdout, /TOO OLD +OLD_TOKEN/);
    assertNoValue(r, nokey, dates);
  });

  it('check exits 1 and get exits 2 on a tampered store, printing no value', () => {
    const { dir, alice, file } = setUp();
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    [doc.secrets[0].ct, doc.secrets[1].ct] = [doc.secrets[1].ct, doc.secrets[0].ct];
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const check = rampart(dir, alice, ['check']);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /INTEGRITY FAILED: .*fails authentication/);
    const get = rampart(dir, alice, ['get', 'DATABASE_URL']);
    assert.equal(get.code, 2);
    assert.match(get.stderr, /fails authentication/);
    assertNoValue(check, get);
  });

  it('refuses a key file that other users can read, with the chmod fix', () => {
    const { dir, alice } = setUp();
    chmodSync(join(alice, '.config', 'rampart', 'secrets.key'), 0o644);
    const r = rampart(dir, alice, ['get', 'DATABASE_URL']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /can be read or changed by other users \(mode 0644\): run `chmod 600 /);
    assertNoValue(r);
  });

  it('public-key prints the public half and its origin', () => {
    const { dir, alice } = setUp();
    const r = rampart(dir, alice, ['public-key']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^rampart-pub-1:\S+ {2}rk_[0-9a-f]{16} {2}\(from .*secrets\.key line 3\)\n$/);
  });
});

// The hidden prompt needs a real terminal: util-linux `script` gives the CLI a pseudo-terminal.
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));

describe('rampart secrets set on a terminal', { skip: !SCRIPT && 'util-linux `script` is not installed: no pseudo-terminal for the prompt test' }, () => {
  it('prompts without echoing the value', async () => {
    const { dir, alice } = setUp();
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: alice, XDG_CONFIG_HOME: join(alice, '.config'), TERM: 'dumb' };
    delete env.RAMPART_SECRETS_KEY;
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} secrets set TYPED_SECRET`;
    const child = spawn(SCRIPT!, ['-qfec', command, '/dev/null'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let typed = false;
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString('utf8');
      // Type only once the prompt is up: raw mode is on from then, so the terminal does not echo.
      if (!typed && output.includes('(input hidden): ')) {
        typed = true;
        child.stdin.write(`${TOKEN}-typed\r`);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const code = await done;
    clearTimeout(timer);
    assert.equal(code, 0, output);
    assert.match(output, /Value for TYPED_SECRET \(input hidden\): /);
    assert.match(output, /Added TYPED_SECRET/);
    assert.ok(!output.includes(TOKEN), `the typed value was echoed: ${JSON.stringify(output)}`);
    assert.equal(rampart(dir, alice, ['get', 'TYPED_SECRET']).stdout, `${TOKEN}-typed`);
  });
});
