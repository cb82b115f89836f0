import express from 'express';
import path from 'node:path';

const INVOICE_DIR = path.resolve('var/invoices');
const app = express();

app.get('/invoices/download', (req, res, next) => {
  const file = String(req.query.file ?? '');
  res.download(file, { root: INVOICE_DIR }, (err) => {
    if (err) next(err);
  });
});

app.listen(3000);
