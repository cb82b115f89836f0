import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inspect } from 'node:util';
import { MissingSecretsError, SecretsError, VaultError, loadSecrets, vaultProvider } from '@rampart/secrets';
import { VaultLoopbackServer, type TokenPolicy } from './vault-loopback-server.ts';

const ALL: TokenPolicy = { prefix: 'secret/', capabilities: ['read', 'create', 'update', 'delete', 'list'] };
const READ_ONLY: TokenPolicy[] = [
  { prefix: 'secret/data/myapp/', capabilities: ['read'] },
  { prefix: 'secret/metadata/myapp/', capabilities: ['read', 'list'] },
];
const DB = 'postgres://app:VaultSecretPassw0rd@db/app';

describe('Vault KV v2 provider against a loopback server', () => {
  const vault = new VaultLoopbackServer();
  let address: string;
  before(async () => {
    address = await vault.start();
  });
  after(() => vault.stop());

  it('map layout: set, get, list and delete one KV secret holding every name, with check-and-set', async () => {
    const token = vault.addToken([ALL]);
    const p = vaultProvider({ address, path: 'myapp/map', auth: { token } });
    assert.equal(p.location, `${address} secret/myapp/map`);
    await p.set('DATABASE_URL', DB);
    await p.set('API_KEY', 'k-1');
    assert.deepEqual(vault.latest('secret/myapp/map'), { DATABASE_URL: DB, API_KEY: 'k-1' });
    assert.equal(await p.get('DATABASE_URL'), DB);
    assert.equal(await p.get('NOPE'), undefined);
    assert.deepEqual(Object.fromEntries(await p.readAll()), { DATABASE_URL: DB, API_KEY: 'k-1' });
    const listed = await p.list();
    assert.deepEqual(
      listed.map((s) => [s.name, s.version]),
      [
        ['API_KEY', '2'],
        ['DATABASE_URL', '2'],
      ],
    );
    assert.match(listed[0].updatedAt ?? '', /^2026-/);
    assert.equal(await p.delete('API_KEY'), true);
    assert.equal(await p.delete('API_KEY'), false);
    assert.deepEqual(vault.latest('secret/myapp/map'), { DATABASE_URL: DB });
    // Every write carried check-and-set with the version it read.
    const writes = vault.requests.filter((r) => r.method === 'POST' && r.path === '/v1/secret/data/myapp/map');
    assert.deepEqual(
      writes.map((w) => (w.body as { options: { cas: number } }).options.cas),
      [0, 1, 2],
    );
    assert.ok(writes.every((w) => w.token === token));
  });

  it('retries a write when another writer got in between (check-and-set conflict)', async () => {
    const token = vault.addToken([ALL]);
    const p = vaultProvider({ address, path: 'myapp/race', auth: { token } });
    await p.set('A', '1');
    let raced = false;
    vault.beforeWrite = (key) => {
      if (key === 'secret/myapp/race' && !raced) {
        raced = true;
        vault.put('secret/myapp/race', { A: '1', B: 'written by someone else' });
      }
    };
    try {
      await p.set('C', '3');
    } finally {
      vault.beforeWrite = undefined;
    }
    assert.deepEqual(vault.latest('secret/myapp/race'), { A: '1', B: 'written by someone else', C: '3' });
  });

  it('per-secret layout: one KV secret per name, listed through metadata, with dates and versions', async () => {
    const token = vault.addToken([ALL]);
    const p = vaultProvider({ address, path: 'myapp/each', layout: 'per-secret', auth: { token } });
    await p.set('DATABASE_URL', DB);
    await p.set('API_KEY', 'k-1');
    await p.set('API_KEY', 'k-2');
    vault.put('secret/myapp/each/nested/deeper', { value: 'a folder, not ours' });
    assert.deepEqual(vault.latest('secret/myapp/each/API_KEY'), { value: 'k-2' });
    assert.equal(await p.get('API_KEY'), 'k-2');
    assert.equal(await p.get('MISSING'), undefined);
    assert.deepEqual(Object.fromEntries(await p.readAll()), { API_KEY: 'k-2', DATABASE_URL: DB });
    const listed = await p.list();
    assert.deepEqual(
      listed.map((s) => [s.name, s.version]),
      [
        ['API_KEY', '2'],
        ['DATABASE_URL', '1'],
      ],
    );
    assert.ok(vault.requests.some((r) => r.method === 'GET' && r.path === '/v1/secret/metadata/myapp/each?list=true'));
    assert.equal(await p.delete('API_KEY'), true);
    assert.equal(await p.delete('API_KEY'), false);
    assert.deepEqual([...(await p.readAll()).keys()], ['DATABASE_URL']);
  });

  it('loadSecrets reads Vault and refuses to start on a missing required name', async () => {
    const token = vault.addToken(READ_ONLY);
    vault.put('secret/myapp/prod', { DATABASE_URL: DB, PORT: 8080, FLAGS: { a: true } });
    const secrets = await loadSecrets({ provider: vaultProvider({ address, path: 'myapp/prod', auth: { token } }), required: ['DATABASE_URL'] });
    assert.equal(secrets.DATABASE_URL, DB);
    assert.equal(secrets.get('PORT'), '8080');
    assert.equal(secrets.get('FLAGS'), '{"a":true}');
    assert.ok(!inspect(secrets).includes(DB));
    await assert.rejects(loadSecrets({ provider: vaultProvider({ address, path: 'myapp/prod', auth: { token } }), required: ['SMTP_PASSWORD'] }), (e: Error) => {
      assert.ok(e instanceof MissingSecretsError);
      assert.match(e.message, /SMTP_PASSWORD/);
      assert.ok(!e.message.includes(DB));
      return true;
    });
  });

  it('AppRole: logs in at /v1/auth/approle/login and uses the client token', async () => {
    vault.put('secret/myapp/approle', { TOKEN: 'from-approle' });
    const { roleId, secretId } = vault.addAppRole(READ_ONLY);
    const p = vaultProvider({ address, path: 'myapp/approle', auth: { appRole: { roleId, secretId } } });
    assert.equal(await p.get('TOKEN'), 'from-approle');
    const login = vault.requests.filter((r) => r.path === '/v1/auth/approle/login');
    assert.equal(login.length, 1);
    assert.deepEqual(login[0].body, { role_id: roleId, secret_id: secretId });
    const read = vault.requests.at(-1)!;
    assert.match(read.token ?? '', /^hvs\./);
  });

  it('AppRole: logs in again when the token stops working', async () => {
    vault.put('secret/myapp/short', { A: 'a' });
    const { roleId, secretId } = vault.addAppRole(READ_ONLY, 1);
    const p = vaultProvider({ address, path: 'myapp/short', auth: { appRole: { roleId, secretId } } });
    const before = vault.requests.filter((r) => r.path === '/v1/auth/approle/login').length;
    assert.equal(await p.get('A'), 'a');
    assert.equal(await p.get('A'), 'a');
    assert.equal(vault.requests.filter((r) => r.path === '/v1/auth/approle/login').length - before, 2);
  });

  it('AppRole: a wrong secret_id is a clear error that quotes neither id', async () => {
    const { roleId } = vault.addAppRole(READ_ONLY);
    const p = vaultProvider({ address, path: 'myapp/prod', auth: { appRole: { roleId, secretId: 'wrong-secret-id-123' } } });
    await assert.rejects(p.readAll(), (e: Error) => {
      assert.ok(e instanceof VaultError);
      assert.equal(e.status, 400);
      assert.match(e.message, /AppRole login at .*\/v1\/auth\/approle\/login was refused \(400: invalid role or secret ID\): check the role_id and secret_id/);
      assert.ok(!e.message.includes('wrong-secret-id-123') && !e.message.includes(roleId));
      return true;
    });
  });

  it('403: permission denied names the path and never the token', async () => {
    const token = vault.addToken([{ prefix: 'secret/data/other/', capabilities: ['read'] }]);
    vault.put('secret/myapp/prod', { DATABASE_URL: DB });
    const p = vaultProvider({ address, path: 'myapp/prod', auth: { token } });
    await assert.rejects(p.readAll(), (e: Error) => {
      assert.ok(e instanceof VaultError);
      assert.equal(e.status, 403);
      assert.match(e.message, /permission denied to read \(GET .*\/v1\/secret\/data\/myapp\/prod, 403\)/);
      assert.ok(!e.message.includes(token) && !inspect(e).includes(token) && !e.message.includes(DB));
      return true;
    });
    const readOnly = vaultProvider({ address, path: 'myapp/prod', auth: { token: vault.addToken(READ_ONLY) } });
    await assert.rejects(readOnly.set('X', 'y'), /permission denied to write/);
  });

  it('404: a missing map secret refuses loading; a missing name is undefined', async () => {
    const token = vault.addToken([ALL]);
    const p = vaultProvider({ address, path: 'myapp/absent', auth: { token } });
    await assert.rejects(p.readAll(), (e: Error) => e instanceof VaultError && e.status === 404 && /no secret at .*secret\/myapp\/absent/.test(e.message));
    assert.equal(await p.get('X'), undefined);
    assert.deepEqual(await p.list(), []);
    assert.deepEqual(await vaultProvider({ address, path: 'myapp/absent', layout: 'per-secret', auth: { token } }).list(), []);
  });

  it('503: a sealed Vault says so', async () => {
    const token = vault.addToken([ALL]);
    vault.sealed = true;
    try {
      await assert.rejects(vaultProvider({ address, path: 'myapp/prod', auth: { token } }).readAll(), (e: Error) => {
        assert.ok(e instanceof VaultError);
        assert.equal(e.status, 503);
        assert.match(e.message, /is sealed or unavailable \(503\) \(Vault says: Vault is sealed\): it must be unsealed/);
        return true;
      });
    } finally {
      vault.sealed = false;
    }
  });

  it('a server that is not Vault (an HTML error page) is a clear error', async () => {
    const token = vault.addToken([ALL]);
    vault.override = { status: 200, body: '<html>proxy login</html>' };
    try {
      await assert.rejects(vaultProvider({ address, path: 'myapp/prod', auth: { token } }).readAll(), /not a JSON object: is .* a Vault server\?/);
    } finally {
      vault.override = undefined;
    }
  });

  it('a Vault that does not answer times out with a clear error', async () => {
    const token = vault.addToken([ALL]);
    vault.hang = true;
    try {
      await assert.rejects(vaultProvider({ address, path: 'myapp/prod', auth: { token }, timeoutMs: 300 }).readAll(), (e: Error) => {
        assert.ok(e instanceof VaultError);
        assert.equal(e.status, 0);
        assert.match(e.message, /cannot reach .*: no answer within 300 ms/);
        return true;
      });
    } finally {
      vault.hang = false;
    }
  });

  it('sends the namespace header when one is given', async () => {
    const token = vault.addToken([ALL]);
    vault.put('secret/myapp/ns', { A: 'a' });
    await vaultProvider({ address, path: 'myapp/ns', namespace: 'team-a', auth: { token } }).readAll();
    assert.equal(vault.requests.at(-1)!.namespace, 'team-a');
  });
});

describe('Vault provider setup errors', () => {
  it('refuses plain http to a non-loopback address, missing credentials and a missing path', () => {
    assert.throws(() => vaultProvider({ address: 'http://vault.example.com:8200', path: 'a', auth: { token: 't' } }), /refusing plain http:\/\/ to vault\.example\.com:8200/);
    assert.doesNotThrow(() => vaultProvider({ address: 'http://vault.example.com:8200', path: 'a', auth: { token: 't' }, allowInsecureHttp: true }));
    assert.throws(() => vaultProvider({ address: 'https://v:8200', path: 'a', env: {} }), /no credentials: pass `auth: \{ token \}`/);
    assert.throws(() => vaultProvider({ address: 'https://v:8200', path: '', auth: { token: 't' } }), /`path` is required/);
    assert.throws(() => vaultProvider({ address: 'https://v:8200', path: 'a/../b', auth: { token: 't' } }), /must not contain "\." or "\.\." segments/);
    assert.throws(() => vaultProvider({ address: 'not a url', path: 'a', auth: { token: 't' } }), SecretsError);
    assert.throws(() => vaultProvider({ address: 'https://user:pw@v:8200', path: 'a', auth: { token: 't' } }), /must not carry credentials/);
  });

  it('reads VAULT_ADDR and VAULT_TOKEN from the environment', async () => {
    const vault = new VaultLoopbackServer();
    const address = await vault.start();
    try {
      const token = vault.addToken([ALL]);
      vault.put('secret/envapp', { A: 'a' });
      assert.equal(await vaultProvider({ path: 'envapp', env: { VAULT_ADDR: address, VAULT_TOKEN: token } }).get('A'), 'a');
    } finally {
      await vault.stop();
    }
  });

  it('an unreachable Vault is a clear error', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    await assert.rejects(vaultProvider({ address: `http://127.0.0.1:${port}`, path: 'a', auth: { token: 't' } }).readAll(), (e: Error) => {
      assert.ok(e instanceof VaultError);
      assert.equal(e.status, 0);
      assert.match(e.message, /cannot reach http:\/\/127\.0\.0\.1:\d+ .*ECONNREFUSED/);
      return true;
    });
  });
});

describe('loadSecrets({ config }): providers named in a JSON file', () => {
  const vault = new VaultLoopbackServer();
  let address: string;
  before(async () => {
    address = await vault.start();
    vault.put('secret/myapp/config', { DATABASE_URL: DB });
  });
  after(() => vault.stop());

  it('loads from the Vault provider the file names, with the token from the environment', async () => {
    const token = vault.addToken(READ_ONLY);
    const dir = mkdtempSync(join(tmpdir(), 'rampart-secrets-config-'));
    const file = join(dir, 'secrets.config.json');
    writeFileSync(file, JSON.stringify({ providers: [{ kind: 'vault', address, path: 'myapp/config', layout: 'map' }] }));
    const secrets = await loadSecrets({ config: file, required: ['DATABASE_URL'], env: { VAULT_TOKEN: token } });
    assert.equal(secrets.DATABASE_URL, DB);
    assert.ok(vault.requests.some((r) => r.token === token && r.path === '/v1/secret/data/myapp/config'));
  });

  it('refuses a config with credentials, an unknown key or no path, naming the entry; and config with provider', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-secrets-config-'));
    const file = join(dir, 'secrets.config.json');
    const cases: [unknown, RegExp][] = [
      [{ providers: [{ kind: 'vault', path: 'a', token: 'hvs.x' }] }, /providers\[0\]\.token: credentials do not belong in a committed file/],
      [{ providers: [{ kind: 'vault', path: 'a', adress: 'https://v' }] }, /providers\[0\] has an unknown key "adress" \(known for vault: kind, address/],
      [{ providers: [{ kind: 'vault' }] }, /providers\[0\]\.path is required/],
      [{ providers: [{ kind: 'aws' }] }, /providers\[0\]\.kind must be "vault" or "file"/],
      [{ provider: 'vault' }, /unknown option "provider"/],
    ];
    for (const [config, message] of cases) {
      writeFileSync(file, JSON.stringify(config));
      await assert.rejects(loadSecrets({ config: file, env: {} }), (err: Error) => err instanceof SecretsError && message.test(err.message) && err.message.includes(file));
    }
    await assert.rejects(loadSecrets({ config: join(dir, 'missing.json') }), /cannot read the secrets config \(ENOENT\)/);
    const p = vaultProvider({ address, path: 'x', auth: { token: 't' } });
    await assert.rejects(loadSecrets({ config: file, provider: p }), /give `provider` or `config`, not both/);
  });
});
