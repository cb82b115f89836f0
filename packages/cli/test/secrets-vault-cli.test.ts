import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { VaultLoopbackServer, type TokenPolicy } from '../../secrets/test/vault-loopback-server.ts';

// `rampart secrets get|list|check --provider vault` as a user runs them: the built bin, with
// credentials in the environment, against the loopback server that implements Vault's KV v2
// endpoints (the one the provider's own tests use). The CLI runs in a child process while
// the server answers in this one, so every run is asynchronous.
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const DB = 'postgres://app:VaultCliPassw0rd@db/app';
const API = 'api-key-VAULT-CLI-VALUE-THAT-MUST-NOT-LEAK';
const READ: TokenPolicy[] = [
  { prefix: 'secret/data/shop/', capabilities: ['read'] },
  { prefix: 'secret/metadata/shop/', capabilities: ['read', 'list'] },
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function rampart(args: string[], env: Record<string, string>, cwd = mkdtempSync(join(tmpdir(), 'rampart-vault-cli-'))): Promise<Run> {
  const full: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  for (const k of ['VAULT_ADDR', 'VAULT_TOKEN', 'VAULT_ROLE_ID', 'VAULT_SECRET_ID', 'VAULT_NAMESPACE', 'RAMPART_SECRETS_KEY']) if (!(k in env)) delete full[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'secrets', ...args], { cwd, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function assertNothingLeaked(runs: Run[], ...secrets: string[]): void {
  for (const r of runs) for (const s of secrets) assert.ok(!(r.stdout + r.stderr).includes(s), `printed a value or credential: ${r.stdout}${r.stderr}`);
}

describe('rampart secrets get|list|check --provider vault', () => {
  const vault = new VaultLoopbackServer();
  let address: string;
  before(async () => {
    address = await vault.start();
    vault.put('secret/shop/production', { DATABASE_URL: DB, API_KEY: API });
    vault.put('secret/shop/per/DATABASE_URL', { value: DB });
    vault.put('secret/shop/per/API_KEY', { value: API });
  });
  after(() => vault.stop());

  it('with VAULT_TOKEN: list shows names and dates, check flags old values, get prints the one value asked for', async () => {
    const token = vault.addToken(READ);
    const env = { VAULT_ADDR: address, VAULT_TOKEN: token };
    const flags = ['--provider', 'vault', '--vault-path', 'shop/production'];
    const list = await rampart(['list', ...flags], env);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, new RegExp(`vault ${address.replace(/[.]/g, '\\.')} secret/shop/production`));
    assert.match(list.stdout, /^API_KEY\s+2026-01-01\s+\d+ d\s+1$/m);
    assert.match(list.stdout, /^DATABASE_URL\s+2026-01-01/m);
    const json = await rampart(['list', ...flags, '--json'], env);
    const listed = JSON.parse(json.stdout) as { provider: string; secrets: { name: string; version: string }[] };
    assert.equal(listed.provider, 'vault');
    assert.deepEqual(listed.secrets.map((s) => [s.name, s.version]), [['API_KEY', '1'], ['DATABASE_URL', '1']]);

    // The loopback server's clock starts on 2026-01-01: older than 90 days today.
    const check = await rampart(['check', ...flags], env);
    assert.equal(check.code, 1, check.stdout + check.stderr);
    assert.match(check.stdout, /reachable and authenticated, 2 secret\(s\)/);
    assert.match(check.stdout, /TOO OLD {2}API_KEY was last written \d+ d ago \(2026-01-01\)/);
    const young = await rampart(['check', ...flags, '--max-age', '5y', '--json'], env);
    assert.equal(young.code, 0, young.stdout + young.stderr);
    assert.deepEqual(JSON.parse(young.stdout).problems, []);

    const get = await rampart(['get', 'DATABASE_URL', ...flags], env);
    assert.equal(get.code, 0, get.stderr);
    assert.equal(get.stdout, DB, 'exact bytes to a pipe');
    const missing = await rampart(['get', 'NOPE', ...flags], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no secret named NOPE at .*secret\/shop\/production/);

    assertNothingLeaked([list, json, check, young, missing], DB, API, token);
    assert.ok(!get.stderr.includes(token));
  });

  it('with AppRole from VAULT_ROLE_ID and VAULT_SECRET_ID, the per-secret layout, and the address from the flag', async () => {
    const { roleId, secretId } = vault.addAppRole(READ);
    const env = { VAULT_ROLE_ID: roleId, VAULT_SECRET_ID: secretId };
    const flags = ['--provider', 'vault', '--vault-addr', address, '--vault-path', 'shop/per', '--vault-layout', 'per-secret'];
    const list = await rampart(['list', ...flags, '--json'], env);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual((JSON.parse(list.stdout) as { secrets: { name: string }[] }).secrets.map((s) => s.name), ['API_KEY', 'DATABASE_URL']);
    const get = await rampart(['get', 'API_KEY', ...flags], env);
    assert.equal(get.stdout, API);
    assert.ok(vault.requests.some((r) => r.method === 'POST' && r.path === '/v1/auth/approle/login'), 'logged in with AppRole');
    assertNothingLeaked([list], DB, API, secretId);
    assertNothingLeaked([get], DB, secretId);
  });

  it('takes the token from a file (--vault-token-file) or the role_id from a flag (--vault-role-id, secret_id from the environment)', async () => {
    const token = vault.addToken(READ);
    const dir = mkdtempSync(join(tmpdir(), 'rampart-vault-token-'));
    const tokenFile = join(dir, '.vault-token');
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
    const flags = ['--provider', 'vault', '--vault-addr', address, '--vault-path', 'shop/production'];
    const fromFile = await rampart(['get', 'API_KEY', ...flags, '--vault-token-file', tokenFile], {});
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.equal(fromFile.stdout, API);
    const missingFile = await rampart(['list', ...flags, '--vault-token-file', join(dir, 'nope')], {});
    assert.equal(missingFile.code, 2);
    assert.match(missingFile.stderr, /cannot read the Vault token file .*nope \(ENOENT\)/);
    const { roleId, secretId } = vault.addAppRole(READ);
    const byFlag = await rampart(['list', ...flags, '--vault-role-id', roleId], { VAULT_SECRET_ID: secretId });
    assert.equal(byFlag.code, 0, byFlag.stderr);
    assert.match(byFlag.stdout, /^DATABASE_URL/m);
    const noSecretId = await rampart(['list', ...flags, '--vault-role-id', roleId], {});
    assert.equal(noSecretId.code, 2);
    assert.match(noSecretId.stderr, /--vault-role-id needs the secret_id in \$VAULT_SECRET_ID/);
    assertNothingLeaked([missingFile, byFlag, noSecretId], token, secretId, API, DB);
  });

  it('reads the provider from a secrets config file (--config), the same file loadSecrets({ config }) reads', async () => {
    const token = vault.addToken(READ);
    const dir = mkdtempSync(join(tmpdir(), 'rampart-vault-config-'));
    const config = join(dir, 'secrets.config.json');
    writeFileSync(config, JSON.stringify({ providers: [{ kind: 'vault', address, mount: 'secret', path: 'shop/production' }, { kind: 'file', file: 'secrets.enc.json' }] }));
    const get = await rampart(['get', 'API_KEY', '--config', config], { VAULT_TOKEN: token }, dir);
    assert.equal(get.code, 0, get.stderr);
    assert.equal(get.stdout, API);
    // A flag overrides the file: another path, which this token may not read.
    const denied = await rampart(['list', '--config', config, '--vault-path', 'other/app'], { VAULT_TOKEN: token }, dir);
    assert.equal(denied.code, 2);
    assert.match(denied.stderr, /permission denied to read .*403/);
    assertNothingLeaked([denied], DB, API, token);
    // Credentials in the committed file are refused, by name of the key only.
    writeFileSync(config, JSON.stringify({ providers: [{ kind: 'vault', path: 'shop/production', token }] }));
    const refused = await rampart(['list', '--config', config], {}, dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /providers\[0\]\.token: credentials do not belong in a committed file/);
    assertNothingLeaked([refused], token);
  });

  it('says what is missing: a path, credentials, the provider for --vault-* flags; a wrong token is a 403 that names no token', async () => {
    const noPath = await rampart(['list', '--provider', 'vault'], { VAULT_ADDR: address, VAULT_TOKEN: 'x' });
    assert.equal(noPath.code, 2);
    assert.match(noPath.stderr, /--provider vault needs --vault-path <path>/);
    const noAuth = await rampart(['list', '--provider', 'vault', '--vault-path', 'shop/production'], { VAULT_ADDR: address });
    assert.equal(noAuth.code, 2);
    assert.match(noAuth.stderr, /no credentials: .*VAULT_TOKEN \(or VAULT_ROLE_ID and VAULT_SECRET_ID\)/);
    const noProvider = await rampart(['list', '--vault-path', 'shop/production'], {});
    assert.equal(noProvider.code, 2);
    assert.match(noProvider.stderr, /--vault-path needs --provider vault/);
    const wrongToken = 'hvs.WRONGTOKENWRONGTOKENWRONG';
    const denied = await rampart(['get', 'API_KEY', '--provider', 'vault', '--vault-path', 'shop/production'], { VAULT_ADDR: address, VAULT_TOKEN: wrongToken });
    assert.equal(denied.code, 2);
    assert.match(denied.stderr, /permission denied/);
    const fileOnly = await rampart(['check', '--provider', 'vault', '--vault-path', 'shop/production', '--no-verify'], { VAULT_ADDR: address, VAULT_TOKEN: 'x' });
    assert.equal(fileOnly.code, 2);
    assert.match(fileOnly.stderr, /apply to the file store only/);
    assertNothingLeaked([noPath, noAuth, noProvider, denied, fileOnly], wrongToken, API, DB);
  });
});
