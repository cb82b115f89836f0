import { readFile } from 'node:fs/promises';
import path from 'node:path';

const SHARE = path.resolve(process.env.SHARE_DIR || './share');

export async function readShared(urlPath) {
  const file = path.resolve(SHARE, '.' + path.posix.normalize('/' + urlPath));
  if (file !== SHARE && !file.startsWith(SHARE + path.sep)) throw new Error('outside share');
  return readFile(file);
}
