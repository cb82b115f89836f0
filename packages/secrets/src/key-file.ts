import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, statSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { DEFAULTS, defaultKeyFilePath } from './defaults.js';

export { defaultKeyFilePath };
import { SecretsKeyError } from './errors.js';
import { parsePrivateKey, type PrivateKeyInfo } from './keys.js';

// Where the private key comes from, in order: an explicit key, the RAMPART_SECRETS_KEY
// environment variable, the file named by RAMPART_SECRETS_KEY_FILE or an explicit key file,
// and last the default key file in the user's config folder. A key file is refused when it
// sits inside the repository (one `git add -A` from being published) or when other users can
// read it, as ssh refuses a private key with loose permissions.

export interface KeySourceOptions {
  /** A private key as text (`RAMPART-SECRET-KEY-1:...`). */
  readonly key?: string;
  /** A key file; one key per line, `#` comments allowed. */
  readonly keyFile?: string;
  /** The environment to read (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** The folder of the store file: the repository is found from here. */
  readonly projectDir?: string;
  /** Turn the refusal of an unsafe key file into a warning (default false). */
  readonly allowUnsafeKeyFile?: boolean;
  /** Where warnings go (default: stderr). */
  readonly onWarning?: (message: string) => void;
}


/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in worktrees and submodules). */
export function findRepoRoot(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Problems with where a key file lives: inside the project's repository, or readable or
 * writable by other users. Empty when it is safe.
 */
export function keyFileProblems(file: string, projectDir: string | undefined): string[] {
  const problems: string[] = [];
  const real = realpathOrSelf(file);
  if (projectDir !== undefined) {
    const root = findRepoRoot(projectDir) ?? resolve(projectDir);
    if (isInside(real, realpathOrSelf(root))) {
      problems.push(`the key file ${file} is inside the repository ${root}: one \`git add\` would publish it; move it to ${defaultKeyFilePath()} or put the key in ${DEFAULTS.keyEnv}`);
    }
  }
  if (process.platform !== 'win32') {
    const mode = statSync(real).mode & 0o777;
    if (mode & 0o077) {
      problems.push(`the key file ${file} can be read or changed by other users (mode ${mode.toString(8).padStart(4, '0')}): run \`chmod 600 ${file}\``);
    }
  }
  return problems;
}

const warnToStderr = (message: string) => void process.stderr.write(`rampart secrets: WARNING: ${message}\n`);

function readKeyFile(file: string, opts: KeySourceOptions): PrivateKeyInfo[] {
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new SecretsKeyError(`the key file ${file} is not a regular file`);
    const problems = keyFileProblems(file, opts.projectDir);
    if (problems.length > 0) {
      if (!(opts.allowUnsafeKeyFile ?? DEFAULTS.allowUnsafeKeyFile)) throw new SecretsKeyError(`refusing to use ${problems.join('; and ')}`);
      for (const p of problems) (opts.onWarning ?? warnToStderr)(`unsafe key file (allowed by allowUnsafeKeyFile): ${p}`);
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof SecretsKeyError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new SecretsKeyError(`cannot read the key file ${file}: ${e.code === 'ENOENT' ? 'it does not exist' : (e.code ?? 'error')}. Create one with \`rampart secrets keygen\` or set ${DEFAULTS.keyEnv}`);
  }
  const keys: PrivateKeyInfo[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && i < 1000; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    keys.push(parsePrivateKey(line, `${file} line ${i + 1}`));
  }
  if (keys.length === 0) throw new SecretsKeyError(`the key file ${file} holds no key. Create one with \`rampart secrets keygen\``);
  return keys;
}

/** Where a key would be looked for, described for messages (never the key itself). */
export function describeKeySources(opts: KeySourceOptions = {}): string {
  const env = opts.env ?? process.env;
  return `set ${DEFAULTS.keyEnv}, or ${DEFAULTS.keyFileEnv} to a key file, or create ${opts.keyFile ?? env[DEFAULTS.keyFileEnv] ?? defaultKeyFilePath(env)} with \`rampart secrets keygen\``;
}

/**
 * The private keys available, from the first source that is set. Throws SecretsKeyError when
 * none is, or when a source is set but unusable (bad key, unsafe key file).
 */
export function loadPrivateKeys(opts: KeySourceOptions = {}): PrivateKeyInfo[] {
  const env = opts.env ?? process.env;
  if (opts.key !== undefined) return [parsePrivateKey(opts.key, 'the `key` option')];
  const fromEnv = env[DEFAULTS.keyEnv];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    // Several keys may be given, one per line or separated by commas (old and new during a key change).
    return fromEnv
      .split(/[\n,]/)
      .map((k) => k.trim())
      .filter((k) => k !== '')
      .map((k, i, all) => parsePrivateKey(k, all.length > 1 ? `${DEFAULTS.keyEnv} (key ${i + 1})` : DEFAULTS.keyEnv));
  }
  const file = opts.keyFile ?? env[DEFAULTS.keyFileEnv];
  if (file !== undefined && file !== '') return readKeyFile(resolve(file), opts);
  const fallback = defaultKeyFilePath(env);
  if (existsSync(fallback)) return readKeyFile(fallback, opts);
  throw new SecretsKeyError(`no private key: ${describeKeySources(opts)}`);
}

/**
 * Writes a new key file readable only by its owner (folder 0700, file 0600). Refuses to replace
 * an existing file unless `force`, and refuses a location inside the repository unless
 * `allowUnsafe`. Returns the path written.
 */
export function writeKeyFile(file: string, content: string, opts: { force?: boolean; projectDir?: string; allowUnsafe?: boolean } = {}): string {
  const target = resolve(file);
  if (opts.projectDir !== undefined && !opts.allowUnsafe) {
    const root = findRepoRoot(opts.projectDir) ?? resolve(opts.projectDir);
    if (isInside(realpathOrSelf(dirname(target)), realpathOrSelf(root)) || isInside(target, resolve(root))) {
      throw new SecretsKeyError(`refusing to write a private key inside the repository ${root} (${target}): keep it outside, for example ${defaultKeyFilePath()}`);
    }
  }
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  // An existing file opened for replacement keeps its old mode: tighten it first.
  if (opts.force && existsSync(target) && process.platform !== 'win32') chmodSync(target, 0o600);
  let fd: number;
  try {
    fd = openSync(target, opts.force ? 'w' : 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new SecretsKeyError(`${target} already exists: it may hold the only copy of a key. Use --out for another file, or --force to replace it`);
    }
    throw err;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return target;
}
