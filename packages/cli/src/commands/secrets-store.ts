import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { Option, type Command } from 'commander';
import { UserError } from '@rampart/core';
import type * as SecretsLib from '@rampart/secrets';
import type { ProviderSecretInfo, SecretsProvider, StoreInfo, StoreOpenOptions, VaultProviderConfig } from '@rampart/secrets';
// Light at start-up: the store's code (node:crypto, the Vault client) and dotenv load when a
// store command runs, not for `rampart secrets scan` or `--help`.
import { DEFAULTS, defaultKeyFilePath } from '@rampart/secrets/defaults';
import { EXIT, type CommandContext, type Io } from '../io.js';

// `rampart secrets keygen|public-key|set|get|rm|list|rotate|check|recipients`: the encrypted
// store. Values enter through stdin, a hidden prompt, a file or an environment variable,
// never through argv (shell history and `ps` would keep them), and leave only through `get`.
// `get`, `list` and `check` also read HashiCorp Vault KV v2 (`--provider vault`).

type Lib = typeof SecretsLib;
const loadLib = (): Promise<Lib> => import('@rampart/secrets');

interface StoreFlags {
  file?: string;
  keyFile?: string;
  allowUnsafeKeyFile?: boolean;
}

function withStoreOptions(cmd: Command): Command {
  return cmd
    .option('-f, --file <path>', `the store (default: $${DEFAULTS.fileEnv}, else ${DEFAULTS.file})`)
    .option('--key-file <path>', `private key file (default: $${DEFAULTS.keyEnv}, $${DEFAULTS.keyFileEnv}, else ${defaultKeyFilePath()})`)
    .option('--allow-unsafe-key-file', 'use a key file inside the repository or readable by others, with a warning');
}

function openOptions(S: Lib, flags: StoreFlags, io: Io): StoreOpenOptions & { file: string } {
  const file = S.resolveStoreFile(flags.file);
  return {
    file,
    keyFile: flags.keyFile,
    allowUnsafeKeyFile: flags.allowUnsafeKeyFile,
    projectDir: dirname(file),
    onWarning: (m) => io.stderr(`rampart: WARNING: ${m}\n`),
  };
}

function openStore(S: Lib, flags: StoreFlags, io: Io): SecretsLib.SecretsStore {
  const opts = openOptions(S, flags, io);
  return S.SecretsStore.open(opts.file, opts);
}

/** Opens the store, or creates one whose only recipient is the current key. */
function openOrCreate(S: Lib, flags: StoreFlags & { recipientName?: string }, io: Io): { store: SecretsLib.SecretsStore; created: boolean } {
  const opts = openOptions(S, flags, io);
  if (existsSync(opts.file)) return { store: S.SecretsStore.open(opts.file, opts), created: false };
  const [key] = S.loadPrivateKeys(opts);
  const name = flags.recipientName ?? S.defaultRecipientName();
  return { store: S.SecretsStore.create(opts.file, [{ publicKey: key.publicKey.text, name }], { writerKey: key }), created: true };
}

/** Whether any key source is set; a set but broken source still fails loudly when opening. */
function hasKey(S: Lib, opts: StoreOpenOptions): boolean {
  try {
    S.loadPrivateKeys(opts);
    return true;
  } catch (err) {
    return !(err instanceof S.SecretsKeyError && /^no private key/.test(err.message));
  }
}

// ------------------------------------------------------------------ reading a value

async function readStdin(S: Lib, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new S.SecretsError(`the value on stdin is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string, io: Io): Promise<string> {
  const stdin = process.stdin;
  // Echo off before the prompt shows: a value typed or pasted the moment it appears stays hidden.
  stdin.setRawMode(true);
  io.stderr(question);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolvePrompt, reject) => {
    let value = '';
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      io.stderr('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          done();
          resolvePrompt(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new UserError('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

interface SetFlags extends StoreFlags {
  fromFile?: string;
  fromEnv?: string;
  maxAge?: string;
  recipientName?: string;
}

async function readValue(S: Lib, name: string, flags: SetFlags, io: Io): Promise<string> {
  if (flags.fromFile && flags.fromEnv) throw new UserError('give either --from-file or --from-env, not both');
  if (flags.fromFile) {
    const st = statSync(flags.fromFile);
    if (st.size > DEFAULTS.maxValueBytes) throw new S.SecretsError(`${flags.fromFile} is larger than ${DEFAULTS.maxValueBytes} bytes`);
    // The file's exact bytes: a PEM keeps its final newline.
    return readFileSync(flags.fromFile, 'utf8');
  }
  if (flags.fromEnv) {
    const v = process.env[flags.fromEnv];
    if (v === undefined || v === '') throw new UserError(`the environment variable ${flags.fromEnv} is not set or empty`);
    return v;
  }
  if (process.stdin.isTTY) return promptHidden(`Value for ${name} (input hidden): `, io);
  // `echo value | rampart secrets set NAME` adds one newline; that one is not part of the value.
  return (await readStdin(S, DEFAULTS.maxValueBytes + 2)).replace(/\r?\n$/, '');
}

// ------------------------------------------------------------------ printing

function age(S: Lib, iso: string, now: number): string {
  return S.formatAge(now - Date.parse(iso));
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}

function printInfo(S: Lib, info: StoreInfo, unverified: string | undefined, io: Io): void {
  const now = Date.now();
  io.stdout(`${info.file}${unverified ? `  (NOT VERIFIED: ${unverified}; names and dates as the file claims them)` : ''}\n`);
  io.stdout(`data key ${info.dataKey.id}, created ${info.dataKey.createdAt.slice(0, 10)} (${age(S, info.dataKey.createdAt, now)} ago)${info.retiredKeys.length ? `, ${info.retiredKeys.length} earlier key(s), last rotated ${info.retiredKeys[info.retiredKeys.length - 1].retiredAt.slice(0, 10)}` : ''}\n`);
  io.stdout(`recipients: ${info.recipients.map((r) => `${r.name} (${r.id})`).join(', ')}; last written by ${info.writer.name} (${info.writer.id})\n\n`);
  if (info.secrets.length === 0) {
    io.stdout('no secrets yet: add one with `rampart secrets set NAME`\n');
    return;
  }
  const rows = [['NAME', 'SET', 'AGE', 'MAX AGE', 'ENCRYPTED', 'KEY']];
  for (const s of info.secrets) rows.push([s.name, s.setAt.slice(0, 10), age(S, s.setAt, now), s.maxAge ?? '-', s.encryptedAt.slice(0, 10), s.keyId]);
  io.stdout(`${table(rows)}\n`);
}

// ------------------------------------------------------------------ providers (get, list, check)

interface ProviderFlags {
  provider?: 'file' | 'vault';
  config?: string;
  vaultAddr?: string;
  vaultMount?: string;
  vaultPath?: string;
  vaultLayout?: 'map' | 'per-secret';
  vaultNamespace?: string;
  vaultApproleMount?: string;
  vaultRoleId?: string;
  vaultTokenFile?: string;
}

const VAULT_FLAGS = ['vaultAddr', 'vaultMount', 'vaultPath', 'vaultLayout', 'vaultNamespace', 'vaultApproleMount', 'vaultRoleId', 'vaultTokenFile'] as const;
const MAX_TOKEN_FILE_BYTES = 64 * 1024;

function withProviderOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--provider <kind>', 'where the secrets live: the encrypted file store, or HashiCorp Vault KV v2 (default: file, or the first provider of --config)').choices(['file', 'vault']))
    .option('--config <file>', 'a secrets config naming the providers (JSON, also read by loadSecrets({ config }))')
    .option('--vault-addr <url>', `Vault's address (default: the config, $VAULT_ADDR, else ${DEFAULTS.vault.address})`)
    .option('--vault-mount <mount>', `the KV v2 mount (default: the config, else ${DEFAULTS.vault.mount})`)
    .option('--vault-path <path>', 'the secret path under the mount, e.g. myapp/production (default: the config)')
    .addOption(new Option('--vault-layout <layout>', `one KV secret holding every name, or one per name (default: the config, else ${DEFAULTS.vault.layout})`).choices(['map', 'per-secret']))
    .option('--vault-namespace <ns>', 'Vault Enterprise / HCP namespace (default: the config, $VAULT_NAMESPACE)')
    .option('--vault-approle-mount <mount>', `AppRole auth mount, with $VAULT_ROLE_ID and $VAULT_SECRET_ID (default: ${DEFAULTS.vault.appRoleMount})`)
    .option('--vault-role-id <id>', 'AppRole role_id (an identifier, like a user name); the secret_id still comes from $VAULT_SECRET_ID')
    .option('--vault-token-file <file>', 'read the Vault token from this file (a Vault agent sink, ~/.vault-token) instead of $VAULT_TOKEN');
}

/** Credentials the flags name: a token file, or a role_id with $VAULT_SECRET_ID. Never a secret from argv. */
function vaultAuthFromFlags(flags: ProviderFlags): SecretsLib.VaultAuth | undefined {
  if (flags.vaultTokenFile && flags.vaultRoleId) throw new UserError('give --vault-token-file or --vault-role-id, not both');
  if (flags.vaultTokenFile) {
    let token: string;
    try {
      if (statSync(flags.vaultTokenFile).size > MAX_TOKEN_FILE_BYTES) throw new UserError(`${flags.vaultTokenFile} is larger than ${MAX_TOKEN_FILE_BYTES} bytes: not a Vault token file`);
      token = readFileSync(flags.vaultTokenFile, 'utf8').trim();
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`cannot read the Vault token file ${flags.vaultTokenFile} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (token === '') throw new UserError(`the Vault token file ${flags.vaultTokenFile} is empty`);
    return { token };
  }
  if (flags.vaultRoleId) {
    const secretId = process.env.VAULT_SECRET_ID;
    if (!secretId) throw new UserError('--vault-role-id needs the secret_id in $VAULT_SECRET_ID (never on the command line)');
    return { appRole: { roleId: flags.vaultRoleId, secretId, ...(flags.vaultApproleMount ? { mount: flags.vaultApproleMount } : {}) } };
  }
  return undefined;
}

/**
 * The Vault provider the flags ask for, or undefined for the file store (whose flags, with
 * --config naming a file provider first, get that file). Credentials come from the environment
 * only (VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID): a token in argv would stay in shell
 * history and `ps`.
 */
function vaultFromFlags(S: Lib, flags: StoreFlags & ProviderFlags): SecretsProvider | undefined {
  const loaded = flags.config ? S.readSecretsConfig(flags.config) : undefined;
  const kind = flags.provider ?? loaded?.config.providers[0].kind ?? 'file';
  if (kind === 'file') {
    const given = VAULT_FLAGS.filter((k) => flags[k] !== undefined);
    if (given.length > 0) throw new UserError(`--${given[0].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --provider vault`);
    const entry = loaded?.config.providers.find((p) => p.kind === 'file');
    if (!flags.file && loaded && entry?.kind === 'file' && entry.file) flags.file = resolvePath(dirname(loaded.file), entry.file);
    return undefined;
  }
  if (flags.file) throw new UserError('-f/--file names the encrypted file store: it does not go with --provider vault');
  const base = loaded?.config.providers.find((p): p is VaultProviderConfig => p.kind === 'vault');
  const path = flags.vaultPath ?? base?.path;
  if (!path) throw new UserError(`--provider vault needs --vault-path <path> (the KV v2 secret path under the mount, e.g. myapp/production)${loaded ? `; ${loaded.file} names no vault provider` : ', or --config naming a vault provider'}`);
  const config: VaultProviderConfig = {
    ...base,
    kind: 'vault',
    path,
    ...(flags.vaultAddr ? { address: flags.vaultAddr } : {}),
    ...(flags.vaultMount ? { mount: flags.vaultMount } : {}),
    ...(flags.vaultLayout ? { layout: flags.vaultLayout } : {}),
    ...(flags.vaultNamespace ? { namespace: flags.vaultNamespace } : {}),
    ...(flags.vaultApproleMount ? { appRoleMount: flags.vaultApproleMount } : {}),
  };
  const auth = vaultAuthFromFlags(flags);
  return S.vaultProvider({ ...S.vaultOptionsFromConfig(config), ...(auth ? { auth } : {}) });
}

function printProviderList(S: Lib, provider: SecretsProvider, listed: readonly ProviderSecretInfo[], io: Io): void {
  const now = Date.now();
  io.stdout(`${provider.kind} ${provider.location}\n\n`);
  if (listed.length === 0) {
    io.stdout('no secrets at this path\n');
    return;
  }
  const rows = [['NAME', 'UPDATED', 'AGE', 'VERSION']];
  for (const s of listed) rows.push([s.name, s.updatedAt?.slice(0, 10) ?? '-', s.updatedAt ? age(S, s.updatedAt, now) : '-', s.version ?? '-']);
  io.stdout(`${table(rows)}\n`);
}

/** `check --provider vault`: reachable, authenticated, and no value written longer ago than --max-age. */
async function checkProvider(S: Lib, provider: SecretsProvider, flags: { maxAge?: string; json?: boolean }, io: Io): Promise<number> {
  const maxAge = flags.maxAge ?? DEFAULTS.maxValueAge;
  const maxMs = S.parseDuration(maxAge, '--max-age');
  const listed = await provider.list();
  const now = Date.now();
  const problems = listed
    .filter((s) => s.updatedAt !== undefined && now - Date.parse(s.updatedAt) > maxMs)
    .map((s) => {
      const ageMs = now - Date.parse(s.updatedAt!);
      return {
        kind: 'value-too-old' as const,
        name: s.name,
        since: s.updatedAt!,
        ageMs,
        maxAgeMs: maxMs,
        message: `${s.name} was last written ${S.formatAge(ageMs)} ago (${s.updatedAt!.slice(0, 10)}), more than ${S.formatAge(maxMs)}: issue a new value at its source, then write it to ${provider.location}`,
      };
    });
  if (flags.json) {
    io.stdout(`${JSON.stringify({ provider: provider.kind, location: provider.location, reachable: true, secrets: listed.length, problems }, null, 2)}\n`);
  } else {
    io.stdout(`${provider.kind} ${provider.location}: reachable and authenticated, ${listed.length} secret(s)\n`);
    for (const p of problems) io.stdout(`TOO OLD  ${p.message}\n`);
    if (problems.length === 0) io.stdout(`no value older than ${maxAge}\n`);
  }
  return problems.length > 0 ? EXIT.findings : EXIT.ok;
}

// ------------------------------------------------------------------ commands

export function registerSecretsStore(secrets: Command, { io, setExit }: CommandContext): void {
  secrets
    .command('keygen')
    .description('Create a private key (written outside the repository, mode 600) and print its public key')
    .option('-o, --out <file>', `where to write the key (default ${defaultKeyFilePath()})`)
    .option('--force', 'replace an existing key file')
    .option('--stdout', 'print the private key instead of writing a file (to paste into a CI secret)')
    .option('--allow-unsafe-key-file', 'allow writing the key inside the repository')
    .action(async (flags: { out?: string; force?: boolean; stdout?: boolean; allowUnsafeKeyFile?: boolean }) => {
      const S = await loadLib();
      const pair = S.generateKeyPair();
      if (flags.stdout) {
        io.stdout(`${pair.privateKey}\n`);
        io.stderr(`Private key printed: store it as the CI secret ${DEFAULTS.keyEnv}; do not commit it.\nPublic key (id ${pair.id}):\n  ${pair.publicKey}\nA recipient adds it with: rampart secrets recipients add ${pair.publicKey} --name ci\n`);
        return;
      }
      const target = flags.out ?? process.env[DEFAULTS.keyFileEnv] ?? defaultKeyFilePath();
      const written = S.writeKeyFile(target, `# rampart secrets private key ${pair.id}, created ${new Date().toISOString()}\n# public key: ${pair.publicKey}\n${pair.privateKey}\n`, {
        force: flags.force,
        projectDir: process.cwd(),
        allowUnsafe: flags.allowUnsafeKeyFile,
      });
      io.stdout(`Private key written to ${written} (mode 600). Keep it there; back it up somewhere safe.\nPublic key (id ${pair.id}):\n  ${pair.publicKey}\nShare the public key; a recipient of the store adds you with:\n  rampart secrets recipients add ${pair.publicKey} --name <your name>\n`);
    });

  withStoreOptions(secrets.command('public-key').description('Print the public key and id of your private key (safe to share)')).action(async (flags: StoreFlags) => {
    const S = await loadLib();
    const opts = openOptions(S, flags, io);
    for (const k of S.loadPrivateKeys(opts)) io.stdout(`${k.publicKey.text}  ${k.id}  (from ${k.origin})\n`);
  });

  withStoreOptions(
    secrets
      .command('set')
      .description('Encrypt and store a value, read from stdin or a hidden prompt (never from the command line)')
      .argument('<name>', 'secret name, e.g. DATABASE_URL')
      .option('--from-file <path>', 'read the value from a file (exact bytes, e.g. a PEM)')
      .option('--from-env <VAR>', 'read the value from an environment variable')
      .option('--max-age <duration>', 'this secret must be changed within this age (e.g. 30d); `check` flags it after')
      .option('--name <recipient>', 'your recipient name when this creates the store (default: your user name)'),
  ).action(async (name: string, flags: SetFlags & { name?: string }) => {
    const S = await loadLib();
    if (flags.maxAge) S.parseDuration(flags.maxAge, '--max-age');
    const { store, created } = openOrCreate(S, { ...flags, recipientName: flags.name }, io);
    const had = store.has(name);
    const value = await readValue(S, name, flags, io);
    store.set(name, value, flags.maxAge ? { maxAge: flags.maxAge } : {});
    store.save();
    io.stderr(`${created ? `Created ${store.file} with you as its recipient. ` : ''}${had ? 'Updated' : 'Added'} ${name} in ${store.file}.\n`);
  });

  withStoreOptions(
    secrets
      .command('import')
      .description('Move the values of a .env file into the store (then delete the .env)')
      .argument('<env-file>', 'a dotenv file: KEY=value lines, quotes, comments, export prefixes')
      .option('--overwrite', 'replace secrets that already exist (default: keep them)')
      .option('--name <recipient>', 'your recipient name when this creates the store'),
  ).action(async (envFile: string, flags: StoreFlags & { overwrite?: boolean; name?: string }) => {
    const S = await loadLib();
    const { parse: parseDotenv } = await import('dotenv');
    let text: string;
    try {
      const st = statSync(envFile);
      if (!st.isFile()) throw new UserError(`${envFile} is not a file`);
      if (st.size > DEFAULTS.maxFileBytes) throw new UserError(`${envFile} is larger than ${DEFAULTS.maxFileBytes} bytes: not a dotenv file`);
      text = readFileSync(envFile, 'utf8');
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`cannot read ${envFile}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    const parsed = parseDotenv(text);
    const { store, created } = openOrCreate(S, { ...flags, recipientName: flags.name }, io);
    const added: string[] = [];
    const kept: string[] = [];
    const invalid: string[] = [];
    const empty: string[] = [];
    const same: string[] = [];
    for (const [name, value] of Object.entries(parsed)) {
      if (!S.isSecretName(name)) invalid.push(name.slice(0, 60));
      else if (value === '') empty.push(name);
      else if (store.get(name) === value) same.push(name);
      else if (store.has(name) && !flags.overwrite) kept.push(name);
      else {
        store.set(name, value);
        added.push(name);
      }
    }
    if (added.length > 0 || created) store.save();
    io.stderr(`${created ? `Created ${store.file} with you as its recipient. ` : ''}Imported ${added.length} secret(s) from ${envFile} into ${store.file}${added.length ? `: ${added.join(', ')}` : ''}.\n`);
    if (kept.length) io.stderr(`Kept the stored value of ${kept.join(', ')} (different in ${envFile}; --overwrite replaces them).\n`);
    if (same.length) io.stderr(`Already stored with the same value: ${same.join(', ')}.\n`);
    if (empty.length) io.stderr(`Skipped empty: ${empty.join(', ')}.\n`);
    if (invalid.length) io.stderr(`Skipped names that are not valid secret names: ${invalid.map((n) => JSON.stringify(n)).join(', ')}.\n`);
    if (added.length) io.stderr(`Now delete ${envFile}. If it was ever committed, its values are in git history: change them at their source.\n`);
  });

  withProviderOptions(
    withStoreOptions(
      secrets
        .command('get')
        .description('Print one decrypted value to stdout (nothing else ever prints a value)')
        .argument('<name>', 'secret name'),
    ),
  ).action(async (name: string, flags: StoreFlags & ProviderFlags) => {
    const S = await loadLib();
    let value: string | undefined;
    let where: string;
    const vault = vaultFromFlags(S, flags);
    if (vault) {
      S.assertSecretName(name);
      value = await vault.get(name);
      where = vault.location;
      if (value === undefined) throw new S.SecretsError(`no secret named ${name} at ${where}`);
    } else {
      const store = openStore(S, flags, io);
      value = store.get(name);
      if (value === undefined) throw new S.SecretsError(`no secret named ${name} in ${store.file}; it has: ${store.names().join(', ') || '(none)'}`);
    }
    // A newline for a person at a terminal; exact bytes for a pipe or $(...).
    io.stdout(io.stdoutIsTTY ? `${value}\n` : value);
  });

  withStoreOptions(secrets.command('rm').description('Remove a secret').argument('<name>', 'secret name')).action(async (name: string, flags: StoreFlags) => {
    const S = await loadLib();
    const store = openStore(S, flags, io);
    if (!store.delete(name)) throw new S.SecretsError(`no secret named ${name} in ${store.file}`);
    store.save();
    io.stderr(`Removed ${name} from ${store.file}. Its value is still in version control history: change it at its source if it was exposed.\n`);
  });

  withProviderOptions(withStoreOptions(secrets.command('list').description('Names, dates and key ids of the stored secrets (never values)').option('--json', 'print as JSON'))).action(
    async (flags: StoreFlags & ProviderFlags & { json?: boolean }) => {
      const S = await loadLib();
      const vault = vaultFromFlags(S, flags);
      if (vault) {
        const listed = await vault.list();
        if (flags.json) io.stdout(`${JSON.stringify({ provider: 'vault', location: vault.location, secrets: listed }, null, 2)}\n`);
        else printProviderList(S, vault, listed, io);
        return;
      }
      const opts = openOptions(S, flags, io);
      let info: StoreInfo | undefined;
      let unverified: string | undefined;
      if (hasKey(S, opts)) {
        try {
          info = S.SecretsStore.open(opts.file, opts).info();
        } catch (err) {
          // Not yet a recipient: the names are still worth seeing. Tampering and bad keys stay errors.
          if (!(err instanceof S.SecretsKeyError && /^wrong key/.test(err.message))) throw err;
          unverified = 'your key is not a recipient';
        }
      } else unverified = 'no private key';
      if (!info) info = S.SecretsStore.readUnverified(opts.file);
      if (flags.json) io.stdout(`${JSON.stringify({ ...info, verified: !unverified }, null, 2)}\n`);
      else printInfo(S, info, unverified, io);
    },
  );

  withStoreOptions(
    secrets.command('rotate').description('Re-encrypt every value under a new data key and record the rotation date'),
  ).action(async (flags: StoreFlags) => {
    const S = await loadLib();
    const store = openStore(S, flags, io);
    const { retired, current } = store.rotate();
    store.save();
    const info = store.info();
    io.stderr(`Rotated ${store.file}: data key ${retired} -> ${current}; ${info.secrets.length} value(s) re-encrypted for ${info.recipients.length} recipient(s). Commit the file.\n`);
  });

  withProviderOptions(
    withStoreOptions(
      secrets
        .command('check')
        .description('Verify the store and flag values and keys older than their maximum age (exit 1)')
        .option('--max-age <duration>', `maximum age of a value (default ${DEFAULTS.maxValueAge})`)
        .option('--max-key-age <duration>', `maximum age of the data key (default ${DEFAULTS.maxKeyAge}; file store only)`)
        .option('--no-verify', 'check dates without a private key (they are then unauthenticated; file store only)')
        .option('--json', 'print as JSON'),
    ),
  ).action(async (flags: StoreFlags & ProviderFlags & { maxAge?: string; maxKeyAge?: string; verify: boolean; json?: boolean }) => {
    const S = await loadLib();
    if (flags.maxAge) S.parseDuration(flags.maxAge, '--max-age');
    if (flags.maxKeyAge) S.parseDuration(flags.maxKeyAge, '--max-key-age');
    const vault = vaultFromFlags(S, flags);
    if (vault) {
      if (flags.maxKeyAge || !flags.verify) throw new UserError('--max-key-age and --no-verify apply to the file store only: Vault has no data key of ours, and every read is authenticated');
      setExit(await checkProvider(S, vault, flags, io));
      return;
    }
    const opts = openOptions(S, flags, io);
    let info: StoreInfo | undefined;
    let integrity: string | undefined;
    if (flags.verify) {
      try {
        info = S.SecretsStore.open(opts.file, opts).info();
      } catch (err) {
        if (err instanceof S.SecretsKeyError && /^no private key/.test(err.message)) {
          throw new S.SecretsKeyError(`${err.message}; or run \`rampart secrets check --no-verify\` to check dates without verifying the file`);
        }
        if (!(err instanceof S.SecretsTamperError)) throw err;
        integrity = err.message;
      }
    } else info = S.SecretsStore.readUnverified(opts.file);
    const problems = info ? S.checkAges(info, { maxValueAge: flags.maxAge, maxKeyAge: flags.maxKeyAge }) : [];
    if (flags.json) {
      io.stdout(`${JSON.stringify({ file: opts.file, verified: flags.verify && !integrity, integrity: integrity ?? (flags.verify ? 'ok' : 'not checked'), problems }, null, 2)}\n`);
    } else {
      if (integrity) io.stdout(`INTEGRITY FAILED: ${integrity}\n`);
      else io.stdout(`${opts.file}: ${flags.verify ? `integrity verified, written by ${info!.writer.name} (${info!.writer.id})` : 'integrity NOT checked (--no-verify)'}, ${info!.secrets.length} secret(s)\n`);
      for (const p of problems) io.stdout(`${p.kind === 'value-too-old' ? 'TOO OLD' : 'ROTATE '}  ${p.message}\n`);
      if (!integrity && problems.length === 0) io.stdout('no value or key older than its maximum age\n');
    }
    setExit(integrity || problems.length > 0 ? EXIT.findings : EXIT.ok);
  });

  const recipients = secrets.command('recipients').description('Who can decrypt the store: list, add, remove');
  withStoreOptions(recipients.command('list', { isDefault: true }).description('List the recipients').option('--json', 'print as JSON')).action(
    async (flags: StoreFlags & { json?: boolean }) => {
      const S = await loadLib();
      const opts = openOptions(S, flags, io);
      const info = hasKey(S, opts) ? S.SecretsStore.open(opts.file, opts).info() : S.SecretsStore.readUnverified(opts.file);
      if (flags.json) io.stdout(`${JSON.stringify(info.recipients, null, 2)}\n`);
      else io.stdout(`${table([['NAME', 'ID', 'ADDED', 'PUBLIC KEY'], ...info.recipients.map((r) => [r.name, r.id, r.addedAt.slice(0, 10), r.publicKey])])}\n`);
    },
  );
  withStoreOptions(
    recipients
      .command('add')
      .description('Let another key decrypt the store (its owner ran `rampart secrets keygen`)')
      .argument('<public-key>', 'rampart-pub-1:...')
      .requiredOption('--name <name>', 'who it is, e.g. "alice@laptop" or "ci"'),
  ).action(async (publicKey: string, flags: StoreFlags & { name: string }) => {
    const S = await loadLib();
    const store = openStore(S, flags, io);
    const r = store.addRecipient(publicKey, flags.name);
    store.save();
    io.stderr(`Added recipient ${r.name} (${r.id}) to ${store.file}. Commit the file.\n`);
  });
  withStoreOptions(
    recipients
      .command('remove')
      .description('Remove a recipient and rotate the data key (it can read nothing set from now on)')
      .argument('<id-or-name>', 'recipient id (rk_...) or name (not your own: another recipient removes you)'),
  ).action(async (who: string, flags: StoreFlags) => {
    const S = await loadLib();
    const store = openStore(S, flags, io);
    const r = store.removeRecipient(who);
    store.save();
    io.stderr(
      `Removed recipient ${r.name} (${r.id}) from ${store.file} and rotated the data key. ${r.name} could read every value until now: change those that matter at their source, then \`rampart secrets set\` them.\n`,
    );
  });
}
