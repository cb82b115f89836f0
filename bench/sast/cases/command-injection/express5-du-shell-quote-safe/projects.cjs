const express = require('express');
const path = require('path');
const { exec } = require('child_process');
const { quote } = require('shell-quote');

const PROJECTS_ROOT = '/srv/projects';
const app = express();

app.get('/projects/:project/size', (req, res) => {
  const dir = path.join(PROJECTS_ROOT, path.basename(req.params.project));
  exec(`du -sh -- ${quote([dir])}`, { timeout: 10000 }, (err, stdout) => {
    if (err) return res.status(404).json({ error: 'unknown project' });
    res.json({ project: req.params.project, size: stdout.split('\t')[0] });
  });
});

app.listen(3000);
