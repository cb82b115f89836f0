const express = require('express');
const { mergeDeep } = require('./lib/merge');

const app = express();
app.use(express.json());
const settings = { theme: { mode: 'light' }, notifications: { email: true } };

app.patch('/settings', (req, res) => {
  mergeDeep(settings, req.body);
  res.json(settings);
});

app.listen(3000);
