import { readFile } from 'node:fs/promises';
import path from 'node:path';

const CONTENT = path.join(process.cwd(), 'content');

export async function loadPage(page: string): Promise<string> {
  const name = page;
  return readFile(path.join(CONTENT, name), 'utf8'); // expect: path-traversal
}
