import path from 'node:path';

const ROOT = path.resolve(process.env.STORAGE_ROOT ?? '/var/lib/docs');

export function storagePath(name: string): string {
  return path.join(ROOT, 'incoming', name);
}
