import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOG_DIR = '/var/log/app';

export function readLog(name: string) {
  return readFile(join(LOG_DIR, name), 'utf8'); // expect: path-traversal
}
