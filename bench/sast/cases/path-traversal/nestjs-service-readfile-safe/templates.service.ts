import { Injectable, NotFoundException } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';

const TEMPLATES = '/srv/mail-templates';

@Injectable()
export class TemplatesService {
  load(name: string) {
    const file = resolve(TEMPLATES, basename(name));
    if (!file.startsWith(TEMPLATES + sep)) throw new NotFoundException();
    return readFile(file, 'utf8');
  }
}
