import express from 'express';
import { greetingPage } from './views.mjs';

const app = express();

app.get('/welcome', (req, res) => {
  const name = req.query.name ?? 'guest';
  res.send(greetingPage(name));
});

app.listen(3000);
