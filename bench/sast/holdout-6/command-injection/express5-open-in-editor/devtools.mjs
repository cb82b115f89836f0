import express from 'express';
import { exec } from 'node:child_process';

const app = express();

app.get('/__open-in-editor', (req, res) => {
  const file = String(req.query.file ?? '');
  const line = Number.parseInt(String(req.query.line ?? '1'), 10) || 1;
  exec(`code --goto "${file}:${line}"`, (err) => { // expect: command-injection
    res.status(err ? 500 : 204).end();
  });
});

app.listen(5173);
