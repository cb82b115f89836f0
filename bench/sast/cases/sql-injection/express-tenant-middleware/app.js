const express = require('express');
const reports = require('./routes/reports');

const app = express();

app.use((req, res, next) => {
  req.tenant = req.get('x-tenant') || 'public';
  next();
});
app.use('/reports', reports);

app.listen(3000);
