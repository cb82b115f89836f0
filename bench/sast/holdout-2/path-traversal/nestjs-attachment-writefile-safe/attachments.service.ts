import { Injectable } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

@Injectable()
export class AttachmentsService {
  private readonly root = join(process.cwd(), 'data', 'attachments');

  async save(ticketId: number, fileName: string, contentBase64: string): Promise<string> {
    const dir = join(this.root, String(ticketId));
    await mkdir(dir, { recursive: true });
    const name = basename(fileName);
    await writeFile(join(dir, name), Buffer.from(contentBase64, 'base64'));
    return name;
  }
}
