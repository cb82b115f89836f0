import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';

const run = promisify(exec);
const SIZE = /\d{1,4}x\d{1,4}/;

export class ThumbnailService {
  constructor(private readonly mediaDir: string) {}

  async resize(imageId: number, size: string): Promise<string> {
    if (!SIZE.test(size)) throw new Error('size must look like 200x200');
    const source = path.join(this.mediaDir, `${imageId}.png`);
    const target = path.join(this.mediaDir, 'thumbs', `${imageId}-${Date.now()}.png`);
    await run(`convert ${source} -resize ${size} ${target}`); // expect: command-injection
    return target;
  }
}
