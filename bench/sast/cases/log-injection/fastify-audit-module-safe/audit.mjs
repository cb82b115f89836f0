import { appendFile } from 'node:fs/promises';

const oneLine = (value) => String(value).replace(/[\r\n]+/g, ' ');

export async function audit(action, actor) {
  await appendFile('/var/log/app/audit.log', `${new Date().toISOString()} ${oneLine(action)} ${oneLine(actor)}\n`);
}
