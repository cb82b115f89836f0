import { appendFile } from 'node:fs/promises';

export async function audit(action, actor) {
  await appendFile('/var/log/app/audit.log', `${new Date().toISOString()} ${action} ${actor}\n`); // expect: log-injection
}
