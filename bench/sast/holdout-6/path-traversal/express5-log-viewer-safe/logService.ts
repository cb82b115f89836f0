import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOG_DIR = '/var/log/app';

export function readLog(name: string) {
  if (!/^app-\d{4}-\d{2}-\d{2}\.log$/.test(name)) throw new Error('unknown log');
  return readFile(join(LOG_DIR, name), 'utf8');
}
