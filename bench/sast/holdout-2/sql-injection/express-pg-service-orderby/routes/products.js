const express = require('express');
const { listProducts } = require('../services/productService');

const router = express.Router();

router.get('/products', async (req, res, next) => {
  try {
    const { category = 'all', sort = 'name' } = req.query;
    const products = await listProducts({ category: String(category), sort: String(sort) });
    res.json(products);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
