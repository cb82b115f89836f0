import { createWriteStream } from 'node:fs';

const stream = createWriteStream('/var/log/app/audit.log', { flags: 'a' });
const field = (v) => String(v);

export function audit(user, action, detail) {
  stream.write(`${new Date().toISOString()} user=${user} action=${action} detail=${field(detail)}\n`); // expect: log-injection
}
