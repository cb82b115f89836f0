import express from 'express';
import multer from 'multer';
import { extractTheme } from '../lib/extract-theme';

const upload = multer({ storage: multer.memoryStorage() });
export const themes = express.Router();

themes.post('/themes', upload.single('theme'), (req, res) => {
  if (!req.file) return res.status(400).json({ error: 'no file' });
  const written = extractTheme(req.file.buffer, `/srv/themes/${Date.now()}`);
  res.status(201).json({ files: written });
});
