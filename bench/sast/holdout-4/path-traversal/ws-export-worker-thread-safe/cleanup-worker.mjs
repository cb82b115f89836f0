import { parentPort } from 'node:worker_threads';
import { unlink } from 'node:fs/promises';
import path from 'node:path';

const EXPORTS = '/srv/exports';

parentPort.on('message', async ({ file }) => {
  const target = path.join(EXPORTS, path.basename(String(file)));
  await unlink(target).catch(() => {});
});
