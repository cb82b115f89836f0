import { readFile } from 'node:fs/promises';
import path from 'node:path';

export class DocsService {
  constructor(private readonly root: string) {}

  async page(slug: string): Promise<string> {
    const name = path.basename(slug);
    const file = name.includes('.') ? name : `${name}.md`;
    return readFile(path.join(this.root, file), 'utf8');
  }
}
