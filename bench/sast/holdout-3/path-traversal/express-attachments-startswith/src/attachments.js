import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';

const UPLOAD_DIR = path.resolve('var/uploads');
export const attachments = Router();

attachments.get('/attachments/:ticket/:name', (req, res) => {
  const { ticket, name } = req.params;
  const filePath = UPLOAD_DIR + '/' + ticket + '/' + name;
  if (!filePath.startsWith(UPLOAD_DIR)) {
    return res.status(403).send('forbidden');
  }
  res.type('application/octet-stream');
  fs.createReadStream(filePath).on('error', () => res.status(404).end()).pipe(res); // expect: path-traversal
});
