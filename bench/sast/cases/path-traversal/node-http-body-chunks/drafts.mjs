import { createServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const DRAFTS = '/srv/drafts';

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
  await writeFile(join(DRAFTS, `${draft.name}.md`), String(draft.text)); // expect: path-traversal
  res.writeHead(204).end();
}).listen(3000);
