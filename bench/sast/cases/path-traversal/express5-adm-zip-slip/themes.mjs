import express from 'express';
import multer from 'multer';
import AdmZip from 'adm-zip';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

const THEMES_DIR = path.resolve('storage/themes');
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 10 * 1024 * 1024 } });
const app = express();

app.post('/admin/themes', upload.single('bundle'), async (req, res) => {
  const dest = path.join(THEMES_DIR, randomUUID());
  const zip = new AdmZip(req.file.buffer);
  for (const entry of zip.getEntries()) {
    if (entry.isDirectory) continue;
    const target = path.join(dest, entry.entryName);
    fs.mkdirSync(path.dirname(target), { recursive: true }); // expect: path-traversal
    fs.writeFileSync(target, entry.getData()); // expect: path-traversal
  }
  res.status(201).json({ theme: path.basename(dest) });
});

app.listen(3000);
