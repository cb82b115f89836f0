import express from 'express';
import { findPhone } from './directory.js';

const app = express();

app.get('/phone', (req, res) => {
  const name = String(req.query.name ?? '');
  res.json({ phones: findPhone(name) });
});

app.listen(3000);
