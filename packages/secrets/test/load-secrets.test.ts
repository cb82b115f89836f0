import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, inspect } from 'node:util';
import { MissingSecretsError, SecretsError, SecretsTamperError, fileProvider, generateKeyPair, loadSecrets, loadSecretsSync } from '@rampart/secrets';
import { flipBit, makeStore, readJson, writeJson } from './helpers.ts';

const VALUES = {
  DATABASE_URL: 'postgres://app:Sup3r-S3cret-Passw0rd@db.internal:5432/app',
  API_TOKEN: 'tok_VALUE_THAT_MUST_NOT_LEAK_98765',
};

function assertNoValue(text: string, extra: string[] = []): void {
  for (const v of [...Object.values(VALUES), ...extra]) assert.ok(!text.includes(v), `output contains a secret: ${text.slice(0, 300)}`);
}

describe('loadSecrets: the container', () => {
  it('gives the values by get() and as properties, typed by `required`', async () => {
    const { file, key } = makeStore(VALUES);
    const secrets = await loadSecrets({ file, key: key.privateKey, required: ['DATABASE_URL', 'API_TOKEN'] });
    assert.equal(secrets.DATABASE_URL, VALUES.DATABASE_URL);
    assert.equal(secrets.get('API_TOKEN'), VALUES.API_TOKEN);
    assert.deepEqual(secrets.names(), ['API_TOKEN', 'DATABASE_URL']);
    assert.equal(secrets.size, 2);
  });

  it('redacts in inspect, console formats, JSON, string conversion, spread and key listing', async () => {
    const { file, key } = makeStore(VALUES);
    const secrets = await loadSecrets({ file, key: key.privateKey });
    const shown = [
      inspect(secrets),
      inspect(secrets, { showHidden: true, depth: 5, getters: true }),
      inspect({ config: { secrets } }, { depth: 10 }),
      format('%s %o %O %j', secrets, secrets, secrets, secrets),
      JSON.stringify(secrets),
      JSON.stringify({ nested: secrets }),
      String(secrets),
      `${secrets}`,
      JSON.stringify({ ...secrets }),
      JSON.stringify(Object.keys(secrets)),
      JSON.stringify(Object.entries(secrets)),
      JSON.stringify(Object.assign({}, secrets)),
    ].join('\n');
    assertNoValue(shown);
    assert.match(inspect(secrets), /DATABASE_URL: \[redacted\]/);
    assert.equal(JSON.stringify(secrets), '{"API_TOKEN":"[redacted]","DATABASE_URL":"[redacted]"}');
  });

  it('throws on an unknown name without revealing values, and is frozen', async () => {
    const { file, key } = makeStore(VALUES);
    const secrets = await loadSecrets({ file, key: key.privateKey });
    assert.throws(() => secrets.get('DATABSE_URL'), (e: Error) => e instanceof SecretsError && /no secret named "DATABSE_URL"; loaded: API_TOKEN, DATABASE_URL/.test(e.message));
    assert.equal(secrets.find('NOPE'), undefined);
    assert.throws(() => {
      (secrets as unknown as Record<string, string>).DATABASE_URL = 'x';
    }, TypeError);
  });

  it('a secret named like a method stays reachable through get()', async () => {
    const { file, key } = makeStore({ get: 'g', toJSON: 'j', size: 's' });
    const secrets = await loadSecrets({ file, key: key.privateKey });
    assert.equal(secrets.get('get'), 'g');
    assert.equal(secrets.get('toJSON'), 'j');
    assert.equal(secrets.size, 3);
    assert.equal(JSON.stringify(secrets), '{"get":"[redacted]","size":"[redacted]","toJSON":"[redacted]"}');
  });
});

describe('loadSecrets: refusing to start', () => {
  it('names every missing required secret and no value', async () => {
    const { file, key } = makeStore(VALUES);
    await assert.rejects(loadSecrets({ file, key: key.privateKey, required: ['DATABASE_URL', 'REDIS_URL', 'SMTP_PASSWORD'] }), (e: Error) => {
      assert.ok(e instanceof MissingSecretsError);
      assert.deepEqual(e.missing, ['REDIS_URL', 'SMTP_PASSWORD']);
      assert.match(e.message, /required secrets missing from .*secrets\.enc\.json: REDIS_URL, SMTP_PASSWORD/);
      assertNoValue(e.message + inspect(e));
      return true;
    });
  });

  it('refuses a tampered file', async () => {
    const { file, key } = makeStore(VALUES);
    const doc = readJson(file);
    doc.secrets[0].tag = flipBit(doc.secrets[0].tag);
    writeJson(file, doc);
    await assert.rejects(loadSecrets({ file, key: key.privateKey }), SecretsTamperError);
    assert.throws(() => loadSecretsSync({ file, key: key.privateKey }), SecretsTamperError);
  });

  it('loadSecretsSync loads the file store; a file: URL names the store too', () => {
    const { file, key } = makeStore(VALUES);
    assert.equal(loadSecretsSync({ file, key: key.privateKey, required: ['API_TOKEN'] }).API_TOKEN, VALUES.API_TOKEN);
    assert.equal(loadSecretsSync({ file: pathToFileURL(file), key: key.privateKey }).API_TOKEN, VALUES.API_TOKEN);
  });
});

describe('loadSecrets: process.env and child processes', () => {
  it('does not touch process.env unless asked; toEnv copies only the names given', async () => {
    const { file, key } = makeStore({ RAMPART_TEST_ONE: 'one-value', RAMPART_TEST_TWO: 'two-value' });
    await loadSecrets({ file, key: key.privateKey });
    assert.equal(process.env.RAMPART_TEST_ONE, undefined);
    try {
      await loadSecrets({ file, key: key.privateKey, toEnv: ['RAMPART_TEST_TWO'] });
      assert.equal(process.env.RAMPART_TEST_ONE, undefined);
      assert.equal(process.env.RAMPART_TEST_TWO, 'two-value');
      await assert.rejects(loadSecrets({ file, key: key.privateKey, toEnv: ['NOT_THERE'] }), /toEnv names secret\(s\) that were not loaded .*: NOT_THERE/);
    } finally {
      delete process.env.RAMPART_TEST_TWO;
    }
  });

  it('takes several providers in order: the first that has a name wins', async () => {
    const a = makeStore({ SHARED: 'from-a', ONLY_A: 'a' });
    const b = makeStore({ SHARED: 'from-b', ONLY_B: 'b' });
    const secrets = await loadSecrets({ provider: [fileProvider({ file: a.file, key: a.key.privateKey }), fileProvider({ file: b.file, key: b.key.privateKey })] });
    assert.deepEqual(
      secrets.names().map((n) => [n, secrets.get(n)]),
      [
        ['ONLY_A', 'a'],
        ['ONLY_B', 'b'],
        ['SHARED', 'from-a'],
      ],
    );
  });
});

// A real app process: the built package, a top-level await, exit code and output checked.
const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));

function runApp(script: string, env: Record<string, string | undefined>, dir: string) {
  const file = join(dir, 'app.mjs');
  writeFileSync(file, `import { loadSecrets } from ${JSON.stringify(pathToFileURL(DIST).href)};\n${script}`);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
  delete childEnv.RAMPART_SECRETS_KEY;
  delete childEnv.RAMPART_SECRETS_KEY_FILE;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  const r = spawnSync(process.execPath, [file], { cwd: dir, env: childEnv, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('loadSecrets in a real process', { skip: !existsSync(DIST) && 'packages/secrets/dist is missing: run `npx tsc -b` first' }, () => {
  const START = `const secrets = await loadSecrets({ required: ['DATABASE_URL', 'API_TOKEN'] });\nconsole.log('started with', secrets.names().join(','));\n`;

  it('starts with the right key from RAMPART_SECRETS_KEY, and logging the container prints no value', () => {
    const { dir, key } = makeStore(VALUES);
    const r = runApp(`${START}console.log(secrets); console.log(JSON.stringify({ secrets })); console.error('%o', secrets);\n`, { RAMPART_SECRETS_KEY: key.privateKey }, dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /started with API_TOKEN,DATABASE_URL/);
    assertNoValue(r.stdout + r.stderr, [key.privateKey]);
  });

  for (const [what, prepare, message] of [
    [
      'a tampered file',
      (file: string) => {
        const doc = readJson(file);
        doc.secrets[1].ct = flipBit(doc.secrets[1].ct, 3);
        writeJson(file, doc);
      },
      /SecretsTamperError.*secret DATABASE_URL fails authentication/s,
    ],
    [
      'two entries swapped',
      (file: string) => {
        const doc = readJson(file);
        const [a, b] = doc.secrets;
        [a.ct, a.iv, a.tag, b.ct, b.iv, b.tag] = [b.ct, b.iv, b.tag, a.ct, a.iv, a.tag];
        writeJson(file, doc);
      },
      /SecretsTamperError.*fails authentication/s,
    ],
    [
      'a required secret missing',
      (file: string) => {
        const doc = readJson(file);
        doc.secrets = doc.secrets.filter((s: { name: string }) => s.name !== 'API_TOKEN');
        writeJson(file, doc);
      },
      // Removing an entry breaks the file MAC before the required check: either way it refuses.
      /SecretsTamperError.*MAC does not match/s,
    ],
  ] as const) {
    it(`refuses to start on ${what}: exit code 1, no value on stderr`, () => {
      const { dir, file, key } = makeStore(VALUES);
      prepare(file);
      const r = runApp(START, { RAMPART_SECRETS_KEY: key.privateKey }, dir);
      assert.equal(r.code, 1);
      assert.doesNotMatch(r.stdout, /started/);
      assert.match(r.stderr, message);
      assertNoValue(r.stdout + r.stderr, [key.privateKey]);
    });
  }

  it('refuses to start when a required secret was never set, naming it', () => {
    const { dir, key } = makeStore({ DATABASE_URL: VALUES.DATABASE_URL });
    const r = runApp(START, { RAMPART_SECRETS_KEY: key.privateKey }, dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /MissingSecretsError.*required secret missing from .*: API_TOKEN/s);
    assertNoValue(r.stdout + r.stderr, [key.privateKey]);
  });

  it('refuses to start with the wrong key, and with no key', () => {
    const { dir } = makeStore(VALUES);
    const wrong = generateKeyPair();
    const r = runApp(START, { RAMPART_SECRETS_KEY: wrong.privateKey }, dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /SecretsKeyError.*wrong key/s);
    assertNoValue(r.stdout + r.stderr, [wrong.privateKey]);
    const none = runApp(START, { XDG_CONFIG_HOME: join(dir, 'no-config'), HOME: join(dir, 'no-home') }, dir);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no private key: set RAMPART_SECRETS_KEY/);
  });

  it('refuses to start on a store not written by a trusted writer (RAMPART_SECRETS_WRITERS)', () => {
    const { dir, key } = makeStore(VALUES);
    const r = runApp(START, { RAMPART_SECRETS_KEY: key.privateKey, RAMPART_SECRETS_WRITERS: 'rk_0123456789abcdef' }, dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /SecretsTamperError.*was written by alice \(rk_\w+\), who is not one of the trusted writers \(rk_0123456789abcdef\)/s);
    assertNoValue(r.stdout + r.stderr, [key.privateKey]);
    const ok = runApp(START, { RAMPART_SECRETS_KEY: key.privateKey, RAMPART_SECRETS_WRITERS: key.id }, dir);
    assert.equal(ok.code, 0, ok.stderr);
  });

  it('exitOnError prints one line and exits 1', () => {
    const { dir } = makeStore(VALUES);
    const r = runApp(`await loadSecrets({ required: ['NOPE'], exitOnError: true });\nconsole.log('started');\n`, { RAMPART_SECRETS_KEY: generateKeyPair().privateKey }, dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^rampart secrets: refusing to start: wrong key for /);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  it('child processes inherit neither the secrets nor the key, unless toEnv asks', () => {
    const { dir, key } = makeStore(VALUES);
    const child = `import { execFileSync } from 'node:child_process';\nconst env = execFileSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.env))'], { encoding: 'utf8' });\nconsole.log(JSON.parse(env).RAMPART_SECRETS_KEY === undefined ? 'no key in child' : 'KEY IN CHILD');\nconsole.log(env.includes(${JSON.stringify(VALUES.API_TOKEN)}) ? 'SECRET IN CHILD' : 'no secret in child');\n`;
    const r = runApp(`${START}${child}`, { RAMPART_SECRETS_KEY: key.privateKey }, dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /no key in child/);
    assert.match(r.stdout, /no secret in child/);
    const asked = runApp(`await loadSecrets({ toEnv: ['API_TOKEN'] });\n${child}`, { RAMPART_SECRETS_KEY: key.privateKey }, dir);
    assert.equal(asked.code, 0, asked.stderr);
    assert.match(asked.stdout, /SECRET IN CHILD/);
    assert.match(asked.stdout, /no key in child/);
  });
});
