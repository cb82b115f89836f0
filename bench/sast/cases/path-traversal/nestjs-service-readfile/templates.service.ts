import { Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const TEMPLATES = '/srv/mail-templates';

@Injectable()
export class TemplatesService {
  load(name: string) {
    return readFile(join(TEMPLATES, name), 'utf8'); // expect: path-traversal
  }
}
