import { readdir } from 'node:fs/promises';

export async function listFiles(): Promise<string[]> {
  return readdir(process.env.SHARE_DIR ?? '/srv/share');
}
