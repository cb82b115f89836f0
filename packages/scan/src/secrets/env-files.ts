import { isPlaceholder } from './placeholders.js';
import { secretKind } from './rules/generic.js';
import { isCredentialFile, isEnvFile } from './paths.js';

/** One committed environment or credential file, and the first line that holds a secret. */
export interface CommittedSecretFile {
  readonly line: number;
  /** Names (or credential kinds) with literal values, for the message. */
  readonly names: readonly string[];
  /** The literal values, to redact wherever the file is quoted. */
  readonly values: readonly string[];
}

/** `NAME=value` in a .env file, with an optional `export`. */
const ENV_LINE = /^\s{0,8}(?:export\s{1,4})?([A-Za-z_][A-Za-z0-9_.-]{0,100})\s{0,4}=\s{0,4}(.{0,4096})$/;
/** Credentials in .npmrc/.yarnrc.yml/.pypirc/.netrc/.git-credentials/Docker config. */
const CREDENTIAL_LINE = /(_authToken|_auth|_password|npmAuthToken|npmAuthIdent|password|"auth")\s{0,4}[=:]\s{0,4}"?([^\s"]{1,4096})|^\s{0,8}(?:machine\s+\S+\s+.{0,200}?)?password\s+(\S{1,4096})|https?:\/\/[^:@/\s]{1,128}:([^@/\s]{1,256})@/i;

function unquote(value: string): string {
  const v = value.trim().replace(/\s+#.*$/, '');
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

function isLiteral(value: string): boolean {
  return value !== '' && !value.startsWith('$') && !isPlaceholder(value);
}

/**
 * A .env or credential file that holds at least one literal secret. Checked on its own, next
 * to the secrets in it: even a weak password (which the entropy checks let through) is
 * committed with the file, and so is every secret the rules do not know.
 */
export function committedSecretFile(path: string, text: string): CommittedSecretFile | undefined {
  const env = isEnvFile(path);
  if (!env && !isCredentialFile(path)) return undefined;
  const lines = text.split('\n');
  let first = 0;
  const names: string[] = [];
  const values: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trimStart().startsWith('#')) return;
    let name: string | undefined;
    let value: string | undefined;
    if (env) {
      const m = ENV_LINE.exec(line);
      if (m && secretKind(m[1], true) !== undefined && isLiteral(unquote(m[2]))) [name, value] = [m[1], unquote(m[2])];
    } else {
      const m = CREDENTIAL_LINE.exec(line);
      const v = m ? (m[2] ?? m[3] ?? m[4]) : undefined;
      if (m && v && isLiteral(v)) [name, value] = [m[1]?.replace(/"/g, '') ?? (m[4] !== undefined ? 'URL password' : 'password'), v];
    }
    if (name === undefined || value === undefined) return;
    if (first === 0) first = i + 1;
    names.push(name);
    values.push(value);
  });
  return first === 0 ? undefined : { line: first, names, values };
}
