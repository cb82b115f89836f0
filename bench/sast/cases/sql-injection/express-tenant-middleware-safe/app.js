const express = require('express');
const reports = require('./routes/reports');

const app = express();
const TENANTS = new Set(['public', 'acme', 'globex']);

app.use((req, res, next) => {
  const tenant = req.get('x-tenant') || 'public';
  if (!TENANTS.has(tenant)) return res.status(403).json({ error: 'unknown tenant' });
  req.tenant = tenant;
  next();
});
app.use('/reports', reports);

app.listen(3000);
