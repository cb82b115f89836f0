import { createReadStream } from 'node:fs';
import path from 'node:path';

const EXPORT_DIR = process.env.EXPORT_DIR ?? '/var/lib/app/exports';

export function openExport(name: string) {
  const file = path.join(EXPORT_DIR, path.basename(name));
  return createReadStream(file);
}
