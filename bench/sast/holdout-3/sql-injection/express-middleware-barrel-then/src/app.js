'use strict';

const express = require('express');
const filters = require('./middleware/filters');
const { salesByRegion } = require('./repositories');

const app = express();
const reports = express.Router();

reports.use(filters);
reports.get('/sales', (req, res, next) => {
  salesByRegion(req.filters)
    .then((rows) => res.json({ rows }))
    .catch(next);
});

app.use('/reports', reports);
app.listen(3000);
