const express = require('express');

const REPORTS = '/srv/reports';
const app = express();

app.get('/reports/download', (req, res) => {
  res.download(String(req.query.name), { root: REPORTS });
});

app.listen(3000);
