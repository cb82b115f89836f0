import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Every default of @rampart/secrets in one frozen object. The CLI, the loader and the
 * providers read from here; the README's table lists the same keys.
 */
export const DEFAULTS = Object.freeze({
  /** The encrypted store, relative to the working directory; safe to commit. */
  file: 'secrets.enc.json',
  /** Environment variable that names the store file instead of `file`. */
  fileEnv: 'RAMPART_SECRETS_FILE',
  /** Environment variable holding a private key (`RAMPART-SECRET-KEY-1:...`), the usual way in CI and production. */
  keyEnv: 'RAMPART_SECRETS_KEY',
  /** Environment variable naming a key file, used when `keyEnv` is unset. */
  keyFileEnv: 'RAMPART_SECRETS_KEY_FILE',
  /** Environment variable listing the recipient ids (or public keys) trusted to write the store, comma-separated; unset: any recipient. */
  writersEnv: 'RAMPART_SECRETS_WRITERS',
  /** Key file under the user's config folder ($XDG_CONFIG_HOME or ~/.config, %APPDATA% on Windows): outside any repository. */
  keyFileName: 'rampart/secrets.key',
  /** The loader deletes `keyEnv` from process.env after reading it, so child processes never inherit the key. */
  keepKeyInEnv: false,
  /** The loader never copies secrets into process.env (inherited by every child process) unless asked. */
  toEnv: false,
  /** A key file inside the repository, or readable by other users, is refused (true turns the refusal into a loud warning). */
  allowUnsafeKeyFile: false,
  /** `rampart secrets check`: a value last set longer ago than this is flagged. */
  maxValueAge: '90d',
  /** `rampart secrets check`: a data key older than this is flagged (`rampart secrets rotate`). */
  maxKeyAge: '365d',
  /** Largest value `set` accepts, in bytes (PEM bundles fit easily). */
  maxValueBytes: 1024 * 1024,
  /** Largest store file read, in bytes: a bigger one is refused before parsing. */
  maxFileBytes: 64 * 1024 * 1024,
  vault: Object.freeze({
    /** Address when `address` is not given and VAULT_ADDR is unset. */
    address: 'http://127.0.0.1:8200',
    /** The KV v2 mount. */
    mount: 'secret',
    /** `map`: one KV secret holds every name as a key; `per-secret`: one KV secret per name under `path`, value in field `value`. */
    layout: 'map' as 'map' | 'per-secret',
    /** The AppRole auth mount. */
    appRoleMount: 'approle',
    /** Per-request timeout. */
    timeoutMs: 10_000,
    /** Plain http:// is refused except to loopback addresses: the token would cross the network in clear. */
    allowInsecureHttp: false,
  }),
});

/** The default key file: $XDG_CONFIG_HOME/rampart/secrets.key, ~/.config/..., or %APPDATA%\rampart\secrets.key. */
export function defaultKeyFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const base = process.platform === 'win32' ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')) : env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, ...DEFAULTS.keyFileName.split('/'));
}
