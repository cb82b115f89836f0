import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SecretsError } from '../errors.js';
import { fileProvider, type FileProviderOptions } from './file-provider.js';
import type { SecretsProvider } from './provider.js';
import { vaultProvider, type VaultProviderOptions } from './vault-provider.js';

// Providers named in a JSON file instead of code, so one file tells the app (loadSecrets) and
// the CLI (`rampart secrets get|list|check --config`) where the secrets live:
//
//   { "providers": [
//       { "kind": "vault", "address": "https://vault.example.com:8200", "mount": "secret", "path": "myapp/production" },
//       { "kind": "file", "file": "secrets.enc.json" } ] }
//
// Credentials never go in this file (it is committed): Vault's token or AppRole role_id and
// secret_id come from VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID, as for vaultProvider().

/** A Vault KV v2 provider in the config file: every vaultProvider() option but the credentials. */
export interface VaultProviderConfig {
  readonly kind: 'vault';
  /** Default $VAULT_ADDR, else http://127.0.0.1:8200. */
  readonly address?: string;
  /** KV v2 mount, default "secret". */
  readonly mount?: string;
  /** The secret's path under the mount, e.g. "myapp/production". Required. */
  readonly path: string;
  /** "map" (default) or "per-secret". */
  readonly layout?: 'map' | 'per-secret';
  /** Vault Enterprise / HCP namespace; default $VAULT_NAMESPACE. */
  readonly namespace?: string;
  /** The AppRole auth mount, default "approle" (used with VAULT_ROLE_ID and VAULT_SECRET_ID). */
  readonly appRoleMount?: string;
  /** Per-request timeout in ms, default 10000. */
  readonly timeoutMs?: number;
  /** Allow plain http:// to a non-loopback address (a TLS-terminating proxy), default false. */
  readonly allowInsecureHttp?: boolean;
}

/** The encrypted file store in the config file; the key still comes from RAMPART_SECRETS_KEY or a key file. */
export interface FileProviderConfig {
  readonly kind: 'file';
  /** The store, relative to the config file's folder; default $RAMPART_SECRETS_FILE, else secrets.enc.json in the working directory. */
  readonly file?: string;
}

export type ProviderConfig = VaultProviderConfig | FileProviderConfig;

/** The secrets config file: the providers, in the order loadSecrets() asks them (the first one that has a name wins). */
export interface SecretsConfig {
  readonly providers: readonly ProviderConfig[];
}

const VAULT_KEYS = ['kind', 'address', 'mount', 'path', 'layout', 'namespace', 'appRoleMount', 'timeoutMs', 'allowInsecureHttp'] as const;
const FILE_KEYS = ['kind', 'file'] as const;
const MAX_CONFIG_BYTES = 64 * 1024;

function fail(source: string, message: string): never {
  throw new SecretsError(`${source}: ${message}`);
}

function optionalString(o: Record<string, unknown>, key: string, where: string, source: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') fail(source, `${where}.${key} must be a non-empty string`);
  return v;
}

/** Validates a parsed config; errors name the file, the entry and the fix. */
export function validateSecretsConfig(raw: unknown, source: string): SecretsConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(source, 'the secrets config must be an object such as { "providers": [{ "kind": "vault", "path": "myapp/production" }] }');
  const top = raw as Record<string, unknown>;
  for (const k of Object.keys(top)) if (k !== 'providers' && k !== '$schema') fail(source, `unknown option "${k}" (known: providers)`);
  if (!Array.isArray(top.providers) || top.providers.length === 0) fail(source, '"providers" must be a non-empty array, e.g. [{ "kind": "vault", "path": "myapp/production" }]');
  const providers = top.providers.map((p: unknown, i: number): ProviderConfig => {
    const where = `providers[${i}]`;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) fail(source, `${where} must be an object with a "kind" ("vault" or "file")`);
    const o = p as Record<string, unknown>;
    const keys: readonly string[] = o.kind === 'vault' ? VAULT_KEYS : o.kind === 'file' ? FILE_KEYS : fail(source, `${where}.kind must be "vault" or "file", not ${JSON.stringify(o.kind)}`);
    for (const k of Object.keys(o)) {
      if (keys.includes(k)) continue;
      if (/token|secret|role_?id|password/i.test(k)) fail(source, `${where}.${k}: credentials do not belong in a committed file; set VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID, in the environment`);
      fail(source, `${where} has an unknown key "${k}" (known for ${String(o.kind)}: ${keys.join(', ')})`);
    }
    if (o.kind === 'file') return { kind: 'file', file: optionalString(o, 'file', where, source) };
    const path = optionalString(o, 'path', where, source) ?? fail(source, `${where}.path is required: the KV v2 secret path under the mount, e.g. "myapp/production"`);
    if (o.layout !== undefined && o.layout !== 'map' && o.layout !== 'per-secret') fail(source, `${where}.layout must be "map" or "per-secret"`);
    if (o.timeoutMs !== undefined && (typeof o.timeoutMs !== 'number' || !Number.isInteger(o.timeoutMs) || o.timeoutMs <= 0)) fail(source, `${where}.timeoutMs must be a positive whole number of milliseconds`);
    if (o.allowInsecureHttp !== undefined && typeof o.allowInsecureHttp !== 'boolean') fail(source, `${where}.allowInsecureHttp must be true or false`);
    return {
      kind: 'vault',
      path,
      address: optionalString(o, 'address', where, source),
      mount: optionalString(o, 'mount', where, source),
      layout: o.layout as VaultProviderConfig['layout'],
      namespace: optionalString(o, 'namespace', where, source),
      appRoleMount: optionalString(o, 'appRoleMount', where, source),
      timeoutMs: o.timeoutMs as number | undefined,
      allowInsecureHttp: o.allowInsecureHttp as boolean | undefined,
    };
  });
  return { providers };
}

/** Reads and validates a secrets config file (JSON). */
export function readSecretsConfig(file: string | URL): { config: SecretsConfig; file: string } {
  const path = file instanceof URL ? fileURLToPath(file) : resolve(file);
  let text: string;
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES) fail(path, `larger than ${MAX_CONFIG_BYTES} bytes: not a secrets config`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof SecretsError) throw err;
    fail(path, `cannot read the secrets config (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    fail(path, `not valid JSON: ${(err as Error).message}`);
  }
  return { config: validateSecretsConfig(raw, path), file: path };
}

/** Vault options from a config entry: the credentials and anything not in the file come from `env`. */
export function vaultOptionsFromConfig(c: VaultProviderConfig, env?: NodeJS.ProcessEnv): VaultProviderOptions {
  const e = env ?? process.env;
  const appRole = !e.VAULT_TOKEN && e.VAULT_ROLE_ID && e.VAULT_SECRET_ID ? { appRole: { roleId: e.VAULT_ROLE_ID, secretId: e.VAULT_SECRET_ID, ...(c.appRoleMount ? { mount: c.appRoleMount } : {}) } } : undefined;
  return {
    path: c.path,
    ...(c.address !== undefined ? { address: c.address } : {}),
    ...(c.mount !== undefined ? { mount: c.mount } : {}),
    ...(c.layout !== undefined ? { layout: c.layout } : {}),
    ...(c.namespace !== undefined ? { namespace: c.namespace } : {}),
    ...(c.timeoutMs !== undefined ? { timeoutMs: c.timeoutMs } : {}),
    ...(c.allowInsecureHttp !== undefined ? { allowInsecureHttp: c.allowInsecureHttp } : {}),
    ...(appRole ? { auth: appRole } : {}),
    ...(env ? { env } : {}),
  };
}

/** The providers a config names, in order. File paths are relative to the config file's folder. */
export function providersFromConfig(config: SecretsConfig, configFile: string, fileOptions: FileProviderOptions = {}): SecretsProvider[] {
  return config.providers.map((c) =>
    c.kind === 'vault'
      ? vaultProvider(vaultOptionsFromConfig(c, fileOptions.env))
      : fileProvider({ ...fileOptions, ...(c.file !== undefined ? { file: resolve(dirname(configFile), c.file) } : {}) }),
  );
}
