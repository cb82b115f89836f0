import { SecretsError } from './errors.js';

// Names are public (they appear in the committed file and in `list`), so they are held to
// a shape that is a valid environment variable on every platform and cannot smuggle
// control characters or path separators into messages.
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/;
// Recipient labels are for humans ("alice@laptop", "ci-deploy"); printable ASCII, bounded.
const RECIPIENT_LABEL = /^[A-Za-z0-9_.@+-][A-Za-z0-9_.@+ -]{0,63}$/;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Throws a SecretsError naming the rule when `name` is not a valid secret name. */
export function assertSecretName(name: string): void {
  if (!isSecretName(name)) {
    throw new SecretsError(
      `invalid secret name ${JSON.stringify(name.slice(0, 140))}: use 1-128 characters, letters, digits, "_", "." or "-", starting with a letter or "_" (for example DATABASE_URL)`,
    );
  }
}

export function isRecipientLabel(label: string): boolean {
  return RECIPIENT_LABEL.test(label) && label.trim() === label;
}

export function assertRecipientLabel(label: string): void {
  if (!isRecipientLabel(label)) {
    throw new SecretsError(
      `invalid recipient name ${JSON.stringify(label.slice(0, 80))}: use 1-64 characters, letters, digits, spaces and _ . @ + - (for example "alice@laptop" or "ci-deploy")`,
    );
  }
}
