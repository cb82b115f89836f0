import express from 'express';
import { spawn } from 'node:child_process';

const app = express();

app.get('/repo/history/:branch', (req, res) => {
  const branch = req.params.branch;
  const git = spawn('git', ['log', '--oneline', '-n', '20', branch], { cwd: '/srv/repo', shell: true }); // expect: command-injection
  res.type('text/plain');
  git.stdout.pipe(res);
});

app.listen(3000);
