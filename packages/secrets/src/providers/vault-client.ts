import { isIP } from 'node:net';
import { DEFAULTS } from '../defaults.js';
import { SecretsError, VaultError } from '../errors.js';

// A small client for the parts of the HashiCorp Vault HTTP API the provider uses: KV v2
// (data, metadata, list) and token or AppRole authentication. Responses are JSON; errors come
// as {"errors": [...]} with the HTTP status. Vault's own error strings are quoted in our
// messages (they name paths and policies, not values); bodies of successful reads never are.

export type VaultAuth =
  /** A Vault token (X-Vault-Token). */
  | { readonly token: string }
  /** AppRole: POST /v1/auth/<mount>/login with role_id and secret_id, which returns a client token. */
  | { readonly appRole: { readonly roleId: string; readonly secretId: string; readonly mount?: string } };

export interface VaultClientOptions {
  /** Vault's address (default $VAULT_ADDR, else http://127.0.0.1:8200). */
  readonly address?: string;
  /** Token or AppRole credentials (default $VAULT_TOKEN, else $VAULT_ROLE_ID + $VAULT_SECRET_ID). */
  readonly auth?: VaultAuth;
  /** Vault Enterprise / HCP namespace (default $VAULT_NAMESPACE). */
  readonly namespace?: string;
  /** Per-request timeout in ms (default 10 s). */
  readonly timeoutMs?: number;
  /** Allow plain http:// to a non-loopback address (default false: the token would travel in clear). */
  readonly allowInsecureHttp?: boolean;
  /** The environment read for defaults (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface VaultResponse {
  readonly status: number;
  readonly body: Record<string, unknown> | undefined;
}

const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

function vaultErrors(body: Record<string, unknown> | undefined): string {
  const errors = body?.errors;
  if (!Array.isArray(errors)) return '';
  const text = errors
    .filter((e): e is string => typeof e === 'string')
    .join('; ')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Resolves the auth from options or the environment; throws a setup error naming the variables. */
function resolveAuth(opts: VaultClientOptions, env: NodeJS.ProcessEnv): VaultAuth {
  if (opts.auth) {
    if ('token' in opts.auth) {
      if (typeof opts.auth.token !== 'string' || opts.auth.token === '') throw new SecretsError('vault: `auth.token` is empty');
    } else if (!opts.auth.appRole?.roleId || !opts.auth.appRole?.secretId) {
      throw new SecretsError('vault: `auth.appRole` needs roleId and secretId');
    }
    return opts.auth;
  }
  if (env.VAULT_TOKEN) return { token: env.VAULT_TOKEN };
  if (env.VAULT_ROLE_ID && env.VAULT_SECRET_ID) return { appRole: { roleId: env.VAULT_ROLE_ID, secretId: env.VAULT_SECRET_ID } };
  throw new SecretsError('vault: no credentials: pass `auth: { token }` or `auth: { appRole: { roleId, secretId } }`, or set VAULT_TOKEN (or VAULT_ROLE_ID and VAULT_SECRET_ID)');
}

export class VaultClient {
  readonly address: string;
  private readonly base: URL;
  private readonly auth: VaultAuth;
  private readonly namespace: string | undefined;
  private readonly timeoutMs: number;
  private token: string | undefined;

  constructor(opts: VaultClientOptions = {}) {
    const env = opts.env ?? process.env;
    const address = opts.address ?? env.VAULT_ADDR ?? DEFAULTS.vault.address;
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw new SecretsError(`vault: \`address\` ${JSON.stringify(address.slice(0, 200))} is not a URL; use for example https://vault.example.com:8200`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SecretsError(`vault: \`address\` must be http:// or https://, not ${url.protocol}`);
    if (url.username || url.password) throw new SecretsError('vault: `address` must not carry credentials; use `auth`');
    if (url.protocol === 'http:' && !isLoopback(url.hostname) && !(opts.allowInsecureHttp ?? DEFAULTS.vault.allowInsecureHttp)) {
      throw new SecretsError(`vault: refusing plain http:// to ${url.host}: the token would cross the network in clear. Use https://, or set \`allowInsecureHttp: true\` if a TLS proxy sits in between`);
    }
    this.base = url;
    this.address = url.origin + url.pathname.replace(/\/+$/, '');
    this.auth = resolveAuth(opts, env);
    this.namespace = opts.namespace ?? env.VAULT_NAMESPACE ?? undefined;
    this.timeoutMs = opts.timeoutMs ?? DEFAULTS.vault.timeoutMs;
    if ('token' in this.auth) this.token = this.auth.token;
  }

  /** Logs in with AppRole (once, and again when a request is denied with an expired token). */
  private async login(): Promise<string> {
    if ('token' in this.auth) return this.auth.token;
    const { roleId, secretId, mount = DEFAULTS.vault.appRoleMount } = this.auth.appRole;
    const path = `auth/${encodePath(mount)}/login`;
    const res = await this.send('POST', path, { role_id: roleId, secret_id: secretId }, undefined);
    if (res.status !== 200) {
      const why = vaultErrors(res.body);
      if (res.status === 400 || res.status === 403) {
        throw new VaultError(`vault: AppRole login at ${this.address}/v1/${path} was refused (${res.status}${why ? `: ${why}` : ''}): check the role_id and secret_id (a secret_id may have expired or run out of uses)`, res.status);
      }
      throw this.statusError(res, 'POST', path, 'log in with AppRole');
    }
    const auth = res.body?.auth as Record<string, unknown> | undefined;
    const token = auth?.client_token;
    if (typeof token !== 'string' || token === '') throw new VaultError(`vault: AppRole login at ${this.address}/v1/${path} returned no client_token`, res.status);
    this.token = token;
    return token;
  }

  /**
   * One API call, authenticated. `path` is below /v1/. Resolves for any HTTP status so callers
   * can give 404 its meaning; use `fail()` for the others.
   */
  async request(method: string, path: string, body?: unknown): Promise<VaultResponse> {
    const token = this.token ?? (await this.login());
    const res = await this.send(method, path, body, token);
    // An AppRole token may expire while the app runs: log in once more and retry.
    if (res.status === 403 && 'appRole' in this.auth) {
      this.token = undefined;
      return this.send(method, path, body, await this.login());
    }
    return res;
  }

  private async send(method: string, path: string, body: unknown, token: string | undefined): Promise<VaultResponse> {
    const url = new URL(`${this.base.pathname.replace(/\/+$/, '')}/v1/${path}`, this.base);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers['x-vault-token'] = token;
    if (this.namespace) headers['x-vault-namespace'] = this.namespace;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const reason = e.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : (e.cause?.code ?? e.message);
      throw new VaultError(`vault: cannot reach ${this.address} (${method} /v1/${path}): ${reason}`, 0);
    }
    const text = await readLimited(response, MAX_RESPONSE_BYTES);
    let parsed: Record<string, unknown> | undefined;
    if (text !== undefined && text.trim() !== '') {
      try {
        const json: unknown = JSON.parse(text);
        if (typeof json === 'object' && json !== null && !Array.isArray(json)) parsed = json as Record<string, unknown>;
      } catch {
        parsed = undefined;
      }
      if (parsed === undefined && response.status < 300) {
        throw new VaultError(`vault: ${method} ${this.address}/v1/${path} answered ${response.status} with a body that is not a JSON object: is ${this.address} a Vault server?`, response.status);
      }
    }
    if (text === undefined) throw new VaultError(`vault: ${method} ${this.address}/v1/${path}: the response is larger than ${MAX_RESPONSE_BYTES} bytes`, response.status);
    return { status: response.status, body: parsed };
  }

  /** The error for a status the caller does not handle itself, with what to do about it. */
  statusError(res: VaultResponse, method: string, path: string, doing: string): VaultError {
    const why = vaultErrors(res.body);
    const where = `${method} ${this.address}/v1/${path}`;
    const detail = why ? ` (Vault says: ${why})` : '';
    switch (res.status) {
      case 403:
        return new VaultError(`vault: permission denied to ${doing} (${where}, 403)${detail}: the token's policy needs the matching capability on ${path}, or the token expired`, 403);
      case 404:
        return new VaultError(`vault: nothing at ${where} (404)${detail}: check the mount and path (is the mount a KV version 2 engine?)`, 404);
      case 503:
        return new VaultError(`vault: ${this.address} is sealed or unavailable (503)${detail}: it must be unsealed before secrets can be read`, 503);
      case 400:
        return new VaultError(`vault: ${where} was rejected (400)${detail}`, 400);
      case 412:
        return new VaultError(`vault: ${where} (412)${detail}: the Vault node is behind its cluster; retry`, 412);
      default:
        return new VaultError(`vault: ${where} failed with HTTP ${res.status}${detail}`, res.status);
    }
  }
}

/** Encodes each segment of a Vault path, keeping the slashes; rejects traversal. */
export function encodePath(path: string): string {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length === 0) throw new SecretsError('vault: empty path');
  for (const s of segments) if (s === '.' || s === '..') throw new SecretsError(`vault: the path ${JSON.stringify(path)} must not contain "." or ".." segments`);
  return segments.map(encodeURIComponent).join('/');
}

async function readLimited(response: Response, max: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
