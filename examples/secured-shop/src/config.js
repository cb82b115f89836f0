import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const defaults = require('../config/default.json');

/** The example's folder: manuals, public files and the default data folder live under it. */
export const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** PORT=0 asks for any free port, so only an unset or empty PORT falls back to the default. */
function readPort(value, fallback) {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(value)}`);
  return port;
}

/** A comma-separated list from the environment, or undefined when unset. */
function readList(value) {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const production = process.env.NODE_ENV === 'production';
const dataDir = resolve(APP_ROOT, process.env.DATA_DIR || defaults.database.dir);

// Settings come from config/default.json and the environment; secrets only from the encrypted
// store (src/secrets.js), never from this file.
export const config = Object.freeze({
  shopName: defaults.shopName,
  port: readPort(process.env.PORT, defaults.port),
  host: process.env.HOST || defaults.host,
  production,
  dataDir,
  databaseFile: join(dataDir, defaults.database.filename),
  backupDir: join(dataDir, 'backups'),
  manualsDir: join(APP_ROOT, 'manuals'),
  publicDir: join(APP_ROOT, 'public'),
  reporting: Object.freeze({ ...defaults.database.reporting }),
  payments: Object.freeze({ ...defaults.payments }),
  mail: Object.freeze({ ...defaults.mail }),
  /** Where the link preview may go: host names (HTTPS only) or exact origins such as http://127.0.0.1:8080. */
  previewHosts: Object.freeze(readList(process.env.PREVIEW_HOSTS) ?? defaults.previewHosts),
  /** Demo accounts are created on first start outside production only. */
  seedDemoAccounts: !production,
  /** Bearer token of the dashboard at /_rampart/dashboard/; generated at start when unset. */
  dashboardToken: process.env.RAMPART_DASHBOARD_TOKEN || undefined,
  logLevel: process.env.LOG_LEVEL || 'info',
});
