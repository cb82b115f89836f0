import express from 'express';
import { keysOf } from '../lib/keys-repository.js';

export const keys = express.Router();

keys.get('/settings/api-keys', (req, res) => {
  const rows = keysOf(req.session.userId);
  res.json({ keys: rows }); // expect: data-leak
});
