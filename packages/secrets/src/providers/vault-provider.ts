import { DEFAULTS } from '../defaults.js';
import { SecretsError, VaultError } from '../errors.js';
import { assertSecretName } from '../names.js';
import type { ProviderSecretInfo, SecretsProvider } from './provider.js';
import { VaultClient, encodePath, type VaultClientOptions, type VaultResponse } from './vault-client.js';

// HashiCorp Vault's KV version 2 engine as a provider. Paths, as documented for KV v2:
//   GET/POST   /v1/<mount>/data/<path>            read (latest version) / write a new version
//   GET        /v1/<mount>/metadata/<path>        versions, created and updated times
//   GET        /v1/<mount>/metadata/<path>?list=true   the keys below a folder (same as LIST)
//   DELETE     /v1/<mount>/metadata/<path>        every version and the metadata
// Writes use check-and-set (`options.cas`) so two writers cannot silently overwrite each other.

export interface VaultProviderOptions extends VaultClientOptions {
  /** The KV v2 mount (default "secret"). */
  readonly mount?: string;
  /** The secret's path under the mount, e.g. "myapp/production". */
  readonly path: string;
  /**
   * "map" (default): one KV secret at `path` holds every name as a key, one request to load.
   * "per-secret": one KV secret per name at `path/NAME`, the value in its field `value`; each
   * has its own versions and dates.
   */
  readonly layout?: 'map' | 'per-secret';
}

const CAS_RETRIES = 3;
const PARALLEL_READS = 8;

function asValue(name: string, value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) throw new SecretsError(`vault: ${name} at ${where} is null`);
  // Nested JSON is handed over as JSON text; the app parses it if it wants the structure.
  return JSON.stringify(value);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function vaultProvider(options: VaultProviderOptions): SecretsProvider {
  if (!options || typeof options.path !== 'string' || options.path.replace(/\//g, '') === '') {
    throw new SecretsError('vaultProvider: `path` is required: the KV v2 secret path under the mount, e.g. "myapp/production"');
  }
  const layout = options.layout ?? DEFAULTS.vault.layout;
  if (layout !== 'map' && layout !== 'per-secret') throw new SecretsError(`vaultProvider: \`layout\` must be "map" or "per-secret", not ${JSON.stringify(layout)}`);
  const client = new VaultClient(options);
  const mount = encodePath(options.mount ?? DEFAULTS.vault.mount);
  const base = encodePath(options.path);
  const location = `${client.address} ${mount}/${base}`;
  const dataPath = (sub?: string) => `${mount}/data/${base}${sub ? `/${encodeURIComponent(sub)}` : ''}`;
  const metadataPath = (sub?: string) => `${mount}/metadata/${base}${sub ? `/${encodeURIComponent(sub)}` : ''}`;

  const expectOk = (res: VaultResponse, method: string, path: string, doing: string) => {
    if (res.status < 200 || res.status >= 300) throw client.statusError(res, method, path, doing);
  };

  /** The latest version's data and version number; undefined when there is none (404). */
  async function readVersion(path: string, doing: string): Promise<{ data: Record<string, unknown>; version: number; createdTime?: string } | undefined> {
    const res = await client.request('GET', path);
    if (res.status === 404) return undefined;
    expectOk(res, 'GET', path, doing);
    const outer = record(res.body?.data);
    const data = record(outer?.data);
    const metadata = record(outer?.metadata);
    if (!outer || !metadata) throw new VaultError(`vault: GET ${client.address}/v1/${path} did not return KV v2 data: is ${mount} a KV version 2 mount?`, res.status);
    return { data: data ?? {}, version: typeof metadata.version === 'number' ? metadata.version : 0, createdTime: typeof metadata.created_time === 'string' ? metadata.created_time : undefined };
  }

  async function write(path: string, data: Record<string, unknown>, cas: number): Promise<'ok' | 'conflict'> {
    const res = await client.request('POST', path, { options: { cas }, data });
    if (res.status === 400 && /check-and-set/i.test(JSON.stringify(res.body?.errors ?? ''))) return 'conflict';
    expectOk(res, 'POST', path, 'write');
    return 'ok';
  }

  /** Read-modify-write of the map secret with check-and-set, retried when someone wrote in between. */
  async function updateMap(change: (data: Record<string, unknown>) => boolean): Promise<boolean> {
    for (let attempt = 0; attempt < CAS_RETRIES; attempt++) {
      const current = await readVersion(dataPath(), 'read');
      const data = { ...(current?.data ?? {}) };
      if (!change(data)) return false;
      if ((await write(dataPath(), data, current?.version ?? 0)) === 'ok') return true;
    }
    throw new VaultError(`vault: ${location} kept changing while writing (check-and-set failed ${CAS_RETRIES} times); retry`, 400);
  }

  async function listNames(): Promise<string[]> {
    const path = `${metadataPath()}?list=true`;
    const res = await client.request('GET', path);
    if (res.status === 404) return [];
    expectOk(res, 'LIST', metadataPath(), 'list');
    const keys = record(res.body?.data)?.keys;
    if (!Array.isArray(keys)) return [];
    // Folders end with "/"; names that could not be ours are skipped rather than fetched.
    return keys.filter((k): k is string => typeof k === 'string' && !k.endsWith('/')).sort();
  }

  async function inParallel<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
    const out: R[] = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.min(PARALLEL_READS, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    });
    await Promise.all(workers);
    return out;
  }

  if (layout === 'map') {
    return {
      kind: 'vault',
      location,
      async readAll() {
        const current = await readVersion(dataPath(), 'read');
        if (!current) throw new VaultError(`vault: no secret at ${location} (GET /v1/${dataPath()} answered 404): write one with \`vault kv put -mount=${options.mount ?? DEFAULTS.vault.mount} ${options.path} NAME=...\`, or check the path`, 404);
        return new Map(Object.entries(current.data).map(([k, v]) => [k, asValue(k, v, location)]));
      },
      async get(name) {
        const current = await readVersion(dataPath(), 'read');
        const v = current?.data[name];
        return v === undefined ? undefined : asValue(name, v, location);
      },
      async set(name, value) {
        assertSecretName(name);
        await updateMap((data) => {
          data[name] = value;
          return true;
        });
      },
      async delete(name) {
        return updateMap((data) => {
          if (!(name in data)) return false;
          delete data[name];
          return true;
        });
      },
      async list() {
        const current = await readVersion(dataPath(), 'read');
        if (!current) return [];
        return Object.keys(current.data)
          .sort()
          .map((name): ProviderSecretInfo => ({ name, updatedAt: current.createdTime, version: String(current.version) }));
      },
    };
  }

  return {
    kind: 'vault',
    location,
    async readAll() {
      const names = await listNames();
      const values = await inParallel(names, async (name) => {
        const current = await readVersion(dataPath(name), 'read');
        return current && current.data.value !== undefined ? ([name, asValue(name, current.data.value, `${location}/${name}`)] as const) : undefined;
      });
      return new Map(values.filter((v): v is readonly [string, string] => v !== undefined));
    },
    async get(name) {
      assertSecretName(name);
      const current = await readVersion(dataPath(name), 'read');
      return current?.data.value === undefined ? undefined : asValue(name, current.data.value, `${location}/${name}`);
    },
    async set(name, value) {
      assertSecretName(name);
      for (let attempt = 0; attempt < CAS_RETRIES; attempt++) {
        const current = await readVersion(dataPath(name), 'read');
        if ((await write(dataPath(name), { value }, current?.version ?? 0)) === 'ok') return;
      }
      throw new VaultError(`vault: ${location}/${name} kept changing while writing; retry`, 400);
    },
    async delete(name) {
      assertSecretName(name);
      const meta = await client.request('GET', metadataPath(name));
      if (meta.status === 404) return false;
      expectOk(meta, 'GET', metadataPath(name), 'read metadata');
      const res = await client.request('DELETE', metadataPath(name));
      expectOk(res, 'DELETE', metadataPath(name), 'delete');
      return true;
    },
    async list() {
      const names = await listNames();
      return inParallel(names, async (name): Promise<ProviderSecretInfo> => {
        const res = await client.request('GET', metadataPath(name));
        if (res.status === 404) return { name };
        expectOk(res, 'GET', metadataPath(name), 'read metadata');
        const data = record(res.body?.data);
        return {
          name,
          ...(typeof data?.updated_time === 'string' ? { updatedAt: data.updated_time } : {}),
          ...(typeof data?.current_version === 'number' ? { version: String(data.current_version) } : {}),
        };
      });
    },
  };
}
