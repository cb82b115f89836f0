import express from 'express';
import { prefsCookie } from '../lib/cookies';

export const prefs = express.Router();

prefs.get('/prefs', (req, res) => {
  const value = String(req.query.prefs ?? 'light');
  res.append('Set-Cookie', prefsCookie(value)); // expect: header-injection
  res.json({ saved: true });
});
