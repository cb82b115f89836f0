// @rampart/secrets: an encrypted secrets store safe to commit, a loader that refuses to start
// on a missing or tampered secret, and providers (the file store, HashiCorp Vault KV v2).
export { loadSecrets, loadSecretsSync, type LoadSecretsOptions } from './load-secrets.js';
export { Secrets, type LoadedSecrets } from './secrets-container.js';
export { SecretsStore, type SecretInfo, type RecipientInfo, type StoreInfo, type StoreOpenOptions, type NewRecipient } from './store.js';
export { checkAges, type CheckProblem, type CheckOptions } from './check.js';
export { generateKeyPair, parsePublicKey, parsePrivateKey, PRIVATE_KEY_PREFIX, PUBLIC_KEY_PREFIX, type GeneratedKeyPair, type PublicKeyInfo, type PrivateKeyInfo } from './keys.js';
export { loadPrivateKeys, defaultKeyFilePath, writeKeyFile, keyFileProblems, findRepoRoot, describeKeySources, type KeySourceOptions } from './key-file.js';
export { fileProvider, resolveStoreFile, defaultRecipientName, type FileProviderOptions } from './providers/file-provider.js';
export { vaultProvider, type VaultProviderOptions } from './providers/vault-provider.js';
export type { VaultAuth, VaultClientOptions } from './providers/vault-client.js';
export type { SecretsProvider, ProviderSecretInfo } from './providers/provider.js';
export { readSecretsConfig, validateSecretsConfig, providersFromConfig, vaultOptionsFromConfig, type SecretsConfig, type ProviderConfig, type VaultProviderConfig, type FileProviderConfig } from './providers/provider-config.js';
export { SecretsError, SecretsTamperError, SecretsKeyError, SecretsFormatError, MissingSecretsError, VaultError } from './errors.js';
export { parseDuration, formatAge } from './duration.js';
export { isSecretName, assertSecretName } from './names.js';
export { STORE_FORMAT, STORE_VERSION } from './store-format.js';
export { DEFAULTS } from './defaults.js';
