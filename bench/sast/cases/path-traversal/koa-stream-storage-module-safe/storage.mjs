import { createReadStream } from 'node:fs';
import path from 'node:path';

const ROOT = '/var/lib/app/attachments';

export function openAttachment(key) {
  const full = path.resolve(ROOT, key);
  if (!full.startsWith(ROOT + path.sep)) throw Object.assign(new Error('not found'), { status: 404 });
  return createReadStream(full);
}
