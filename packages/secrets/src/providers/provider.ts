/** What `list` tells about a secret in any provider: names and dates, never values. */
export interface ProviderSecretInfo {
  readonly name: string;
  /** When the value was last set, when the provider records it. */
  readonly updatedAt?: string;
  /** The file store's data key id, or Vault's version number. */
  readonly version?: string;
}

/**
 * Where secrets live. The encrypted file store is the first provider, HashiCorp Vault KV v2
 * the second; loadSecrets() takes any list of them. Every method rejects with a SecretsError
 * whose message names the provider's `location` and never a value or a credential.
 */
export interface SecretsProvider {
  /** "file", "vault", ... */
  readonly kind: string;
  /** Where, for messages: a file path, or a Vault address and path. */
  readonly location: string;
  /** Every secret, authenticated. */
  readAll(): Promise<ReadonlyMap<string, string>>;
  /** One value, or undefined. */
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  /** False when there was nothing to delete. */
  delete(name: string): Promise<boolean>;
  list(): Promise<ProviderSecretInfo[]>;
}
