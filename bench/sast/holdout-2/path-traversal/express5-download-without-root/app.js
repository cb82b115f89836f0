import express from 'express';
import path from 'node:path';

const INVOICE_DIR = path.resolve('var/invoices');
const app = express();

app.get('/invoices/download', (req, res, next) => {
  const file = String(req.query.file ?? '');
  res.download(path.join(INVOICE_DIR, file), (err) => { // expect: path-traversal
    if (err) next(err);
  });
});

app.listen(3000);
