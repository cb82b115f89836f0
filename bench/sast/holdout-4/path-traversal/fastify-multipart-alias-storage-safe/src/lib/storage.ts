import path from 'node:path';

const ROOT = path.resolve(process.env.STORAGE_ROOT ?? '/var/lib/docs');

const INCOMING = path.join(ROOT, 'incoming');

export function storagePath(name: string): string {
  const target = path.resolve(INCOMING, name);
  // Containment after resolving: `..` and absolute names cannot leave the folder.
  if (!target.startsWith(INCOMING + path.sep)) throw new Error('invalid file name');
  return target;
}
