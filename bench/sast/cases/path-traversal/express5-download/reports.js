const express = require('express');
const path = require('path');

const REPORTS = '/srv/reports';
const app = express();

app.get('/reports/download', (req, res) => {
  res.download(path.join(REPORTS, req.query.name)); // expect: path-traversal
});

app.listen(3000);
