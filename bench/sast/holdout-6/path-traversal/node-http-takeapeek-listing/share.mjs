import { readFile } from 'node:fs/promises';
import path from 'node:path';

const SHARE = path.resolve(process.env.SHARE_DIR || './share');

export async function readShared(urlPath) {
  const file = path.join(SHARE, urlPath);
  return readFile(file); // expect: path-traversal
}
