import express from 'express';
import { matchEmployees } from './services/directory.mjs';

const app = express();

app.get('/employees', (req, res) => {
  const pattern = typeof req.query.pattern === 'string' ? req.query.pattern : '';
  res.json({ matches: matchEmployees(pattern) });
});

app.listen(3000);
