import express from 'express';
import { NotFoundError, htmlErrorHandler } from './errors.mjs';
import { catalog } from './catalog.mjs';

const app = express();

app.get('/products/:sku', async (req, res) => {
  const product = catalog.get(req.params.sku);
  if (!product) throw new NotFoundError(`No product with SKU ${req.params.sku}`);
  res.json(product);
});

app.use(htmlErrorHandler);
app.listen(3000);
