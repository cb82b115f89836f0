import { dirname } from 'node:path';
import { DEFAULTS } from './defaults.js';
import { MissingSecretsError, SecretsError } from './errors.js';
import { fileProvider, resolveStoreFile, type FileProviderOptions } from './providers/file-provider.js';
import type { SecretsProvider } from './providers/provider.js';
import { providersFromConfig, readSecretsConfig } from './providers/provider-config.js';
import { Secrets, type LoadedSecrets } from './secrets-container.js';
import { SecretsStore } from './store.js';

export interface LoadSecretsOptions<Required extends string = string> extends FileProviderOptions {
  /**
   * Where the secrets come from, in order (the first one that has a name wins). Default: the
   * encrypted file store (`file`, `key`, `keyFile` and the other file options apply to it).
   */
  readonly provider?: SecretsProvider | readonly SecretsProvider[];
  /**
   * A JSON file naming the providers instead of `provider` (`{ "providers": [{ "kind": "vault",
   * "path": "myapp/production" }, { "kind": "file" }] }`, see docs/secrets-store.md); the CLI's
   * `--config` reads the same file. Credentials come from the environment, never from the file.
   */
  readonly config?: string | URL;
  /** Names that must be present: loading fails, naming every missing one, when any is not. */
  readonly required?: readonly Required[];
  /**
   * Copy secrets into process.env: `true` for all, or a list of names (default false). Every
   * child process inherits process.env: ask for this only for libraries that read nothing else.
   */
  readonly toEnv?: boolean | readonly string[];
  /** Keep RAMPART_SECRETS_KEY in process.env after reading it (default false: deleted, so child processes never inherit it). */
  readonly keepKeyInEnv?: boolean;
  /** Instead of throwing, print "refusing to start: <reason>" to stderr and exit with code 1. */
  readonly exitOnError?: boolean;
}

function finish<R extends string>(values: ReadonlyMap<string, string>, options: LoadSecretsOptions<R>, where: string): LoadedSecrets<R> {
  const missing = (options.required ?? []).filter((n) => !values.has(n));
  if (missing.length > 0) {
    throw new MissingSecretsError(`required secret${missing.length > 1 ? 's' : ''} missing from ${where}: ${missing.join(', ')}. Add ${missing.length > 1 ? 'them' : 'it'} with \`rampart secrets set ${missing[0]}\``, missing);
  }
  const toEnv = options.toEnv ?? DEFAULTS.toEnv;
  if (toEnv) {
    const names = toEnv === true ? [...values.keys()] : toEnv;
    const absent = names.filter((n) => !values.has(n));
    if (absent.length > 0) throw new MissingSecretsError(`toEnv names secret(s) that were not loaded from ${where}: ${absent.join(', ')}`, absent);
    for (const n of names) process.env[n] = values.get(n);
  }
  return new Secrets<R>(values) as LoadedSecrets<R>;
}

function forgetKey(options: LoadSecretsOptions<string>): void {
  // Only the real environment: a test or a caller passing its own `env` keeps it.
  if (!(options.keepKeyInEnv ?? DEFAULTS.keepKeyInEnv) && options.env === undefined) delete process.env[DEFAULTS.keyEnv];
}

function refuse(err: unknown, options: LoadSecretsOptions<string>): never {
  // Only our own errors carry messages known to be free of values; anything else is reduced to its code.
  const error = err instanceof SecretsError ? err : new SecretsError(`cannot load secrets: ${(err as NodeJS.ErrnoException)?.code ?? (err as Error)?.name ?? 'unknown error'}`);
  if (options.exitOnError) {
    process.stderr.write(`rampart secrets: refusing to start: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

function resolveProviders(options: LoadSecretsOptions<string>): readonly SecretsProvider[] {
  if (options.config !== undefined) {
    if (options.provider !== undefined) throw new SecretsError('loadSecrets: give `provider` or `config`, not both');
    const { config, file } = readSecretsConfig(options.config);
    return providersFromConfig(config, file, options);
  }
  if (options.provider === undefined) return [fileProvider(options)];
  return Array.isArray(options.provider) ? (options.provider as readonly SecretsProvider[]) : [options.provider as SecretsProvider];
}

/**
 * Loads the app's secrets, verified, into a container that never prints them. Throws (or, with
 * `exitOnError`, exits) with a message naming the problem and never a value when a required
 * secret is missing, the key is wrong or absent, or the store fails authentication.
 *
 *   const secrets = await loadSecrets({ required: ['DATABASE_URL', 'SESSION_SECRET'] });
 *   connect(secrets.DATABASE_URL);
 */
export async function loadSecrets<const Required extends string = string>(options: LoadSecretsOptions<Required> = {}): Promise<LoadedSecrets<Required>> {
  try {
    const providers = resolveProviders(options);
    if (providers.length === 0) throw new SecretsError('loadSecrets: `provider` is an empty list');
    const values = new Map<string, string>();
    for (const p of providers) {
      const loaded = await p.readAll();
      for (const [k, v] of loaded) if (!values.has(k)) values.set(k, v);
    }
    forgetKey(options);
    return finish(values, options, providers.map((p) => p.location).join(', '));
  } catch (err) {
    forgetKey(options);
    return refuse(err, options);
  }
}

/** loadSecrets for the file store, synchronously (for CommonJS start-up code and config files). */
export function loadSecretsSync<const Required extends string = string>(options: Omit<LoadSecretsOptions<Required>, 'provider'> = {}): LoadedSecrets<Required> {
  try {
    if ((options as LoadSecretsOptions<Required>).provider !== undefined || (options as LoadSecretsOptions<Required>).config !== undefined) throw new SecretsError('loadSecretsSync reads the file store only: use `await loadSecrets({ provider })` or `await loadSecrets({ config })` for other providers');
    const file = resolveStoreFile(options.file, options.env);
    const store = SecretsStore.open(file, { ...options, projectDir: options.projectDir ?? dirname(file) });
    forgetKey(options);
    return finish(store.values(), options, file);
  } catch (err) {
    forgetKey(options);
    return refuse(err, options);
  }
}
