import express from 'express';
import { execFile } from 'node:child_process';

const app = express();

app.get('/__open-in-editor', (req, res) => {
  const file = String(req.query.file ?? '');
  const line = Number.parseInt(String(req.query.line ?? '1'), 10) || 1;
  execFile('code', ['--goto', `${file}:${line}`], (err) => {
    res.status(err ? 500 : 204).end();
  });
});

app.listen(5173);
