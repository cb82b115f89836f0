'use strict';

const express = require('express');
const { backups } = require('./backups');

const app = express();
app.use(express.json());

app.post('/admin/backups', (req, res) => {
  if (!/^[a-z0-9-]{1,40}$/.test(req.body.name)) return res.status(400).json({ error: 'bad name' });
  backups.create(req.body.name);
  res.status(201).json({ ok: true });
});

app.listen(3000);
