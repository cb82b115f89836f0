'use strict';

const express = require('express');
const { backups } = require('./backups');

const app = express();
app.use(express.json());

app.post('/admin/backups', (req, res) => {
  backups.create(req.body.name);
  res.status(201).json({ ok: true });
});

app.listen(3000);
