import { createServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv from 'ajv';

const DRAFTS = '/srv/drafts';
const validDraft = new Ajv().compile({
  type: 'object',
  properties: { name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }, text: { type: 'string' } },
  required: ['name', 'text'],
});

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(body));
      } catch (err) {
        reject(err);
      }
    });
  });
}

createServer(async (req, res) => {
  const draft = await readJson(req);
  if (!validDraft(draft)) return res.writeHead(400).end();
  await writeFile(join(DRAFTS, `${draft.name}.md`), String(draft.text));
  res.writeHead(204).end();
}).listen(3000);
