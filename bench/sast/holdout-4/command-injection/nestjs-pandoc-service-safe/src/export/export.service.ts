import { Injectable } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';

@Injectable()
export class ExportService {
  async toPdf(title: string, markdown: string): Promise<string> {
    const id = randomUUID();
    await writeFile(`/tmp/${id}.md`, markdown);
    execFileSync('pandoc', [`/tmp/${id}.md`, '-o', `/srv/exports/${id}.pdf`, '--metadata', `title=${title}`]);
    return `${id}.pdf`;
  }
}
