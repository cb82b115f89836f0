import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AuthSetupError } from '../setup-error.js';

/**
 * AES-256-GCM for TOTP secrets at rest: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url). The
 * user id is bound as additional data, so a secret copied onto another account fails to decrypt.
 */
export interface SecretBox {
  seal(plaintext: Buffer, context: string): string;
  open(sealed: string, context: string): Buffer | undefined;
}

export interface SecretBoxKeys {
  /** Id of the key new secrets use. */
  current: string;
  /** Every key by id (32 bytes each, from the secrets store); old ids stay to open old secrets. */
  keys: Readonly<Record<string, Buffer | string>>;
}

export function createSecretBox(option: string, given: SecretBoxKeys | Buffer | string): SecretBox {
  const spec: SecretBoxKeys = Buffer.isBuffer(given) || typeof given === 'string' ? { current: 'k1', keys: { k1: given } } : given;
  const keys = new Map<string, Buffer>();
  for (const [id, raw] of Object.entries(spec?.keys ?? {})) {
    // A 32-byte key given as base64 or hex text is decoded; raw Buffers are taken as is.
    const key = Buffer.isBuffer(raw) ? raw : /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (key.length !== 32 || !/^[A-Za-z0-9-]{1,32}$/.test(id)) throw new AuthSetupError(`${option}.keys.${id}`, 'is not a 32-byte key with a plain id', 'Use 32 random bytes (`openssl rand -base64 32`) from the secrets store, under an id of letters, digits or dashes.');
    keys.set(id, key);
  }
  if (!spec || !keys.has(spec.current)) throw new AuthSetupError(option, 'has no key for the current id', 'Pass a 32-byte key, or `{ current: "k2", keys: { k1, k2 } }` to rotate.');
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.get(spec.current)!, iv);
      cipher.setAAD(Buffer.from(context));
      const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return ['v1', spec.current, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed, context) {
      const parts = typeof sealed === 'string' && sealed.length < 4096 ? sealed.split('.') : [];
      if (parts.length !== 5 || parts[0] !== 'v1') return undefined;
      const key = keys.get(parts[1]);
      const tag = Buffer.from(parts[3], 'base64url');
      // A full 16-byte tag only: GCM accepts truncated tags, which are easier to forge.
      if (!key || tag.length !== 16) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[2], 'base64url'), { authTagLength: 16 });
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(Buffer.from(parts[4], 'base64url')), decipher.final()]);
      } catch {
        return undefined;
      }
    },
  };
}
