import { Injectable } from '@nestjs/common';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';

@Injectable()
export class ExportService {
  async toPdf(title: string, markdown: string): Promise<string> {
    const id = randomUUID();
    await writeFile(`/tmp/${id}.md`, markdown);
    execSync(`pandoc /tmp/${id}.md -o /srv/exports/${id}.pdf --metadata title="${title}"`); // expect: command-injection
    return `${id}.pdf`;
  }
}
