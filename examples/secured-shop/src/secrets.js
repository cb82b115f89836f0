import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SecretsKeyError, SecretsStore, defaultKeyFilePath, generateKeyPair, loadPrivateKeys, loadSecrets, writeKeyFile } from '@rampart/secrets';
import { config } from './config.js';

/** What the shop cannot run without; the loader refuses to start when one is missing. */
export const REQUIRED_SECRETS = ['PAYMENTS_API_KEY', 'REPORTING_DB_PASSWORD', 'TOTP_ENCRYPTION_KEY'];

/** The store: RAMPART_SECRETS_FILE in production (a committed secrets.enc.json), else one in DATA_DIR. */
export const SECRETS_FILE = process.env.RAMPART_SECRETS_FILE || join(config.dataDir, 'secrets.enc.json');

/** Where the first start puts a development key when none is given: where `rampart secrets keygen` would. */
const DEVELOPMENT_KEY_FILE = process.env.RAMPART_SECRETS_KEY_FILE || defaultKeyFilePath();

/** The developer's key from the usual sources; on a machine with none, a new one in DEVELOPMENT_KEY_FILE. */
function developmentKey(projectDir, notice) {
  try {
    return loadPrivateKeys({ projectDir })[0];
  } catch (missing) {
    if (!(missing instanceof SecretsKeyError) || process.env.RAMPART_SECRETS_KEY) throw missing;
    try {
      // Refuses to replace an existing file: a key file that is there but unusable is reported, never overwritten.
      writeKeyFile(DEVELOPMENT_KEY_FILE, `# secured-shop development key, made on first start\n${generateKeyPair().privateKey}\n`, { projectDir });
    } catch {
      throw missing;
    }
    notice(`created a development key in ${DEVELOPMENT_KEY_FILE} (mode 600)`);
    return loadPrivateKeys({ projectDir })[0];
  }
}

/**
 * Development only, first start: makes a store holding generated stand-in values, readable by the
 * developer's own key (RAMPART_SECRETS_KEY, RAMPART_SECRETS_KEY_FILE or ~/.config/rampart/secrets.key),
 * creating that key where `rampart secrets keygen` would if there is none. The key never goes
 * into the repository: @rampart/secrets refuses to write or read one there.
 */
function createDevelopmentStore(notice) {
  const writerKey = developmentKey(dirname(SECRETS_FILE), notice);
  const store = SecretsStore.create(SECRETS_FILE, [{ publicKey: writerKey.publicKey.text, name: 'secured-shop development' }], { writerKey });
  // Stand-ins: the payment provider is simulated and the reporting database is never contacted here.
  store.set('PAYMENTS_API_KEY', `sk_test_${randomBytes(24).toString('hex')}`);
  store.set('REPORTING_DB_PASSWORD', randomBytes(18).toString('base64url'));
  store.set('TOTP_ENCRYPTION_KEY', randomBytes(32).toString('base64'));
  store.save();
  notice(`created the development secrets store ${SECRETS_FILE}`);
}

/**
 * Loads the secrets once at start. Production: the store and RAMPART_SECRETS_KEY must be provided
 * (rampart secrets keygen / set / recipients add), or the shop refuses to start.
 */
export async function openSecrets(notice) {
  if (!config.production && !existsSync(SECRETS_FILE)) createDevelopmentStore(notice);
  return loadSecrets({ file: SECRETS_FILE, required: REQUIRED_SECRETS });
}
