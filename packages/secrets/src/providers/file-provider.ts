import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS } from '../defaults.js';
import { loadPrivateKeys } from '../key-file.js';
import { SecretsStore, type StoreOpenOptions } from '../store.js';
import type { ProviderSecretInfo, SecretsProvider } from './provider.js';

export interface FileProviderOptions extends StoreOpenOptions {
  /**
   * The store file (default: $RAMPART_SECRETS_FILE, else secrets.enc.json in the working
   * directory). A file: URL works too: `new URL('../secrets.enc.json', import.meta.url)` finds
   * it next to the code whatever directory the app is started from.
   */
  readonly file?: string | URL;
}

/** The store file path these options name. */
export function resolveStoreFile(file: string | URL | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (file instanceof URL) return fileURLToPath(file);
  return resolve(file ?? env[DEFAULTS.fileEnv] ?? DEFAULTS.file);
}

/** A name for a new store's first recipient when none is given: user@host-like, within the label rules. */
function defaultRecipientName(): string {
  let user = 'me';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry (containers) */
  }
  const cleaned = user.replace(/[^A-Za-z0-9_.@+-]/g, '').slice(0, 64);
  return cleaned === '' ? 'me' : cleaned;
}

/** The encrypted file store as a provider. Each call reads the file anew, so edits by the CLI are seen. */
export function fileProvider(options: FileProviderOptions = {}): SecretsProvider {
  const file = resolveStoreFile(options.file, options.env);
  const open = () => SecretsStore.open(file, options);
  return {
    kind: 'file',
    location: file,
    async readAll() {
      return open().values();
    },
    async get(name) {
      return open().get(name);
    },
    async set(name, value) {
      let store: SecretsStore;
      if (existsSync(file)) store = open();
      else {
        const [key] = loadPrivateKeys({ ...options, projectDir: options.projectDir ?? dirname(file) });
        store = SecretsStore.create(file, [{ publicKey: key.publicKey.text, name: defaultRecipientName() }], { writerKey: key, now: options.now });
      }
      store.set(name, value);
      store.save();
    },
    async delete(name) {
      const store = open();
      const removed = store.delete(name);
      if (removed) store.save();
      return removed;
    },
    async list(): Promise<ProviderSecretInfo[]> {
      return open()
        .info()
        .secrets.map((s) => ({ name: s.name, updatedAt: s.setAt, version: s.keyId }));
    },
  };
}

export { defaultRecipientName };
