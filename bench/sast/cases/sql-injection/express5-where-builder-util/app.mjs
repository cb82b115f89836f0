import express from 'express';
import { findProducts } from './products.repo.mjs';

const app = express();

app.get('/products', async (req, res) => {
  const { category, brand, color } = req.query;
  const products = await findProducts({ category, brand, color });
  res.json({ count: products.length, products });
});

app.listen(8080);
