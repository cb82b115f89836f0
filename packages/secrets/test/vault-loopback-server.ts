import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback stand-in for HashiCorp Vault implementing the documented endpoints the provider
// uses, with Vault's response shapes and error bodies ({"errors": [...]}):
//   POST   /v1/auth/<approle-mount>/login            {role_id, secret_id} -> {auth: {client_token, ...}}
//   GET    /v1/<mount>/data/<path>[?version=N]        {data: {data, metadata}}
//   POST   /v1/<mount>/data/<path>                    {options: {cas}, data} -> {data: <version metadata>}
//   DELETE /v1/<mount>/data/<path>                    soft-delete the latest version
//   GET    /v1/<mount>/metadata/<path>                {data: {current_version, versions, ...}}
//   LIST   /v1/<mount>/metadata/<path> (or GET ?list=true)  {data: {keys}}
//   DELETE /v1/<mount>/metadata/<path>                every version and the metadata
// Tokens carry path-prefix policies with Vault's capabilities; a sealed server answers 503.

export type Capability = 'read' | 'create' | 'update' | 'delete' | 'list';

export interface TokenPolicy {
  /** Path prefix below /v1/, e.g. "secret/data/myapp/". */
  readonly prefix: string;
  readonly capabilities: readonly Capability[];
}

interface Version {
  data: Record<string, unknown> | null;
  created_time: string;
  deletion_time: string;
  destroyed: boolean;
}

interface KvSecret {
  versions: Version[];
  created_time: string;
  updated_time: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly token: string | undefined;
  readonly namespace: string | undefined;
  readonly body: unknown;
}

export class VaultLoopbackServer {
  readonly requests: RecordedRequest[] = [];
  sealed = false;
  /** Answer every request with this raw text and status (a proxy error page, say). */
  override: { status: number; body: string } | undefined;
  /** Never answer (a hung proxy or a Vault stuck in a network partition). */
  hang = false;
  /** Called between a read and the next write: lets a test simulate a concurrent writer. */
  beforeWrite: ((path: string) => void) | undefined;
  private readonly tokens = new Map<string, { policies: readonly TokenPolicy[]; usesLeft: number }>();
  private readonly appRoles = new Map<string, { secretId: string; policies: readonly TokenPolicy[]; tokenUses: number }>();
  private readonly kv = new Map<string, KvSecret>();
  private readonly mounts: readonly string[];
  private server: Server | undefined;
  private clock = Date.parse('2026-01-01T00:00:00.000Z');

  constructor(opts: { mounts?: readonly string[] } = {}) {
    this.mounts = opts.mounts ?? ['secret'];
  }

  /** A token with these policies (unlimited uses unless given). */
  addToken(policies: readonly TokenPolicy[], uses = Number.POSITIVE_INFINITY): string {
    const token = `hvs.${randomUUID().replace(/-/g, '')}`;
    this.tokens.set(token, { policies, usesLeft: uses });
    return token;
  }

  /** An AppRole whose tokens last `tokenUses` requests. */
  addAppRole(policies: readonly TokenPolicy[], tokenUses = Number.POSITIVE_INFINITY): { roleId: string; secretId: string } {
    const roleId = randomUUID();
    const secretId = randomUUID();
    this.appRoles.set(roleId, { secretId, policies, tokenUses });
    return { roleId, secretId };
  }

  /** Writes a KV v2 version directly, as `vault kv put` would. */
  put(mountAndPath: string, data: Record<string, unknown>): void {
    this.writeVersion(mountAndPath, data);
  }

  /** The latest data at mount/path, as stored. */
  latest(mountAndPath: string): Record<string, unknown> | null | undefined {
    const s = this.kv.get(mountAndPath);
    return s ? s.versions[s.versions.length - 1].data : undefined;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private writeVersion(key: string, data: Record<string, unknown>): Version {
    const at = this.now();
    const s = this.kv.get(key) ?? { versions: [], created_time: at, updated_time: at };
    const v: Version = { data, created_time: at, deletion_time: '', destroyed: false };
    s.versions.push(v);
    s.updated_time = at;
    this.kv.set(key, s);
    return v;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, { errors: ['failed to parse JSON input'] });
    }
    const url = new URL(req.url ?? '/', 'http://vault');
    const token = header(req, 'x-vault-token');
    this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, token, namespace: header(req, 'x-vault-namespace'), body });
    if (this.hang) return;
    if (this.override) {
      res.writeHead(this.override.status, { 'content-type': 'text/html' });
      res.end(this.override.body);
      return;
    }
    if (this.sealed) return send(res, 503, { errors: ['Vault is sealed'] });
    if (!url.pathname.startsWith('/v1/')) return send(res, 404, { errors: [] });
    const path = decodeURIComponent(url.pathname.slice(4));

    // AppRole login needs no token.
    const login = /^auth\/([^/]+)\/login$/.exec(path);
    if (login && req.method === 'POST') {
      const b = (body ?? {}) as { role_id?: string; secret_id?: string };
      const role = b.role_id ? this.appRoles.get(b.role_id) : undefined;
      if (login[1] !== 'approle' || !role || role.secretId !== b.secret_id) return send(res, 400, { errors: ['invalid role or secret ID'] });
      const clientToken = this.addToken(role.policies, role.tokenUses);
      return send(res, 200, {
        request_id: randomUUID(),
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: null,
        auth: { client_token: clientToken, accessor: randomUUID(), policies: ['default', 'app'], token_policies: ['default', 'app'], lease_duration: 1200, renewable: true },
      });
    }

    const method = req.method === 'GET' && url.searchParams.get('list') === 'true' ? 'LIST' : (req.method ?? 'GET');
    const m = /^([^/]+)\/(data|metadata)\/(.+?)\/?$/.exec(path);
    if (!m || !this.mounts.includes(m[1])) return send(res, 404, { errors: [`no handler for route "${path}". route entry not found.`] });
    const [, mount, kind, sub] = m;
    const capability: Capability = method === 'GET' ? 'read' : method === 'LIST' ? 'list' : method === 'DELETE' ? 'delete' : this.kv.has(`${mount}/${sub}`) ? 'update' : 'create';
    const tok = token ? this.tokens.get(token) : undefined;
    if (!tok || tok.usesLeft <= 0 || !tok.policies.some((p) => path.startsWith(p.prefix) && p.capabilities.includes(capability))) {
      return send(res, 403, { errors: ['1 error occurred:\n\t* permission denied\n\n'] });
    }
    tok.usesLeft--;
    const key = `${mount}/${sub}`;
    const secret = this.kv.get(key);

    if (kind === 'data') {
      if (method === 'GET') {
        if (!secret) return send(res, 404, { errors: [] });
        const wanted = Number(url.searchParams.get('version') ?? secret.versions.length);
        const v = secret.versions[wanted - 1];
        if (!v) return send(res, 404, { errors: [] });
        const metadata = { created_time: v.created_time, custom_metadata: null, deletion_time: v.deletion_time, destroyed: v.destroyed, version: wanted };
        // A deleted version: 404, with the metadata, as Vault answers.
        if (v.deletion_time !== '' || v.destroyed) return send(res, 404, { request_id: randomUUID(), data: { data: null, metadata } });
        return send(res, 200, { request_id: randomUUID(), lease_id: '', renewable: false, lease_duration: 0, data: { data: v.data, metadata }, wrap_info: null, warnings: null, auth: null });
      }
      if (method === 'POST' || method === 'PUT') {
        this.beforeWrite?.(key);
        const b = (body ?? {}) as { options?: { cas?: number }; data?: Record<string, unknown> };
        if (typeof b.data !== 'object' || b.data === null) return send(res, 400, { errors: ['no data provided'] });
        const current = this.kv.get(key)?.versions.length ?? 0;
        if (b.options?.cas !== undefined && b.options.cas !== current) {
          return send(res, 400, { errors: ['check-and-set parameter did not match the current version'] });
        }
        const v = this.writeVersion(key, b.data);
        return send(res, 200, { data: { created_time: v.created_time, custom_metadata: null, deletion_time: '', destroyed: false, version: this.kv.get(key)!.versions.length } });
      }
      if (method === 'DELETE') {
        if (secret) secret.versions[secret.versions.length - 1].deletion_time = this.now();
        return send(res, 204);
      }
    }

    if (kind === 'metadata') {
      if (method === 'LIST') {
        const prefix = `${key}/`;
        const keys = new Set<string>();
        for (const k of this.kv.keys()) {
          if (!k.startsWith(prefix)) continue;
          const rest = k.slice(prefix.length);
          const slash = rest.indexOf('/');
          keys.add(slash < 0 ? rest : `${rest.slice(0, slash + 1)}`);
        }
        if (keys.size === 0) return send(res, 404, { errors: [] });
        return send(res, 200, { data: { keys: [...keys].sort() } });
      }
      if (method === 'GET') {
        if (!secret) return send(res, 404, { errors: [] });
        const versions = Object.fromEntries(secret.versions.map((v, i) => [String(i + 1), { created_time: v.created_time, deletion_time: v.deletion_time, destroyed: v.destroyed }]));
        return send(res, 200, {
          data: {
            cas_required: false,
            created_time: secret.created_time,
            current_version: secret.versions.length,
            custom_metadata: null,
            delete_version_after: '0s',
            max_versions: 0,
            oldest_version: 0,
            updated_time: secret.updated_time,
            versions,
          },
        });
      }
      if (method === 'DELETE') {
        this.kv.delete(key);
        return send(res, 204);
      }
    }
    return send(res, 405, { errors: [`unsupported operation`] });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
