import express from 'express';
import { readLog } from './logService';

export const admin = express.Router();

admin.get('/admin/logs/:name', async (req, res) => {
  const text = await readLog(req.params.name);
  res.type('text/plain').send(text);
});
