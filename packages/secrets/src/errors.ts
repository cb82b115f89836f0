import { UserError } from '@rampart/core';

// Every error here is built from names, paths, key ids and counts only: never from a secret
// value, a private key or a token, so printing or logging one cannot leak what it guards.

/** Any problem with the secrets store, its keys or a provider that the user can fix. */
export class SecretsError extends UserError {
  override name = 'SecretsError';
  /** A stable code for programs: see the subclasses. */
  readonly code: string = 'RAMPART_SECRETS';
}

/** The store file fails authentication: edited, reordered, swapped, truncated or forged. */
export class SecretsTamperError extends SecretsError {
  override name = 'SecretsTamperError';
  override readonly code = 'RAMPART_SECRETS_TAMPERED';
}

/** No usable private key, or the key is not a recipient of the store. */
export class SecretsKeyError extends SecretsError {
  override name = 'SecretsKeyError';
  override readonly code = 'RAMPART_SECRETS_KEY';
}

/** The store file cannot be read as a store: malformed JSON, unknown version, bad field. */
export class SecretsFormatError extends SecretsError {
  override name = 'SecretsFormatError';
  override readonly code = 'RAMPART_SECRETS_FORMAT';
}

/** One or more required secrets are missing. */
export class MissingSecretsError extends SecretsError {
  override name = 'MissingSecretsError';
  override readonly code = 'RAMPART_SECRETS_MISSING';
  constructor(
    message: string,
    /** The missing names (names only). */
    readonly missing: readonly string[],
  ) {
    super(message);
  }
}

/** A HashiCorp Vault request failed: denied, not found, sealed, unreachable. */
export class VaultError extends SecretsError {
  override name = 'VaultError';
  override readonly code = 'RAMPART_SECRETS_VAULT';
  constructor(
    message: string,
    /** The HTTP status, or 0 when Vault could not be reached. */
    readonly status: number,
  ) {
    super(message);
  }
}
