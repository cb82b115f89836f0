const express = require('express');

const STOCK = new Map([['AB-100', 12], ['CX-310', 0]]);
const app = express();

app.get('/stock', (req, res) => {
  const sku = String(req.query.sku ?? '');
  if (!STOCK.has(sku)) return res.status(404).send({ error: 'unknown sku', sku });
  res.send({ sku, inStock: STOCK.get(sku) });
});

app.listen(3000);
