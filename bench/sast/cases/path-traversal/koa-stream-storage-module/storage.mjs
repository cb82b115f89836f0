import { createReadStream } from 'node:fs';
import path from 'node:path';

const ROOT = '/var/lib/app/attachments';

export function openAttachment(key) {
  return createReadStream(path.join(ROOT, key)); // expect: path-traversal
}
