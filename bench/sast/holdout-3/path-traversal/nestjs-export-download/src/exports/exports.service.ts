import { Injectable } from '@nestjs/common';
import { join } from 'node:path';

const EXPORT_DIR = '/srv/app/exports';

@Injectable()
export class ExportsService {
  locate(file: string): string {
    return join(EXPORT_DIR, file);
  }
}
