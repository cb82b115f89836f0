const express = require('express');
const fs = require('fs');
const path = require('path');
const db = require('../db');

const router = express.Router();
const MANUALS_DIR = path.join(__dirname, '..', '..', 'manuals');

router.get('/', (req, res) => {
  const products = db.prepare('SELECT id, name, description, price, stock, manual FROM products ORDER BY id').all();
  res.json(products);
});

// Product manuals: /api/products/manuals?file=espresso-machine.txt
router.get('/manuals', (req, res) => {
  const file = path.join(MANUALS_DIR, req.query.file);
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) {
      return res.status(404).json({ error: 'Manual not found' });
    }
    res.type('text/plain').send(text);
  });
});

// Link preview for product reviews: /api/products/preview?url=https://example.com/my-review
router.get('/preview', async (req, res) => {
  try {
    const response = await fetch(req.query.url);
    const html = await response.text();
    const title = /<title>([^<]*)<\/title>/i.exec(html);
    res.json({ status: response.status, title: title ? title[1].trim() : null, bytes: Buffer.byteLength(html) });
  } catch (err) {
    res.status(502).json({ error: 'Could not fetch the link' });
  }
});

router.get('/:id', (req, res) => {
  const product = db.prepare('SELECT * FROM products WHERE id = ?').get(req.params.id);
  if (!product) {
    return res.status(404).json({ error: 'Product not found' });
  }
  res.json(product);
});

// Price preview for the promo banner. The banner sends its discount rule, e.g.
// ?discount=price*0.9, so marketing can change promotions without a deploy.
router.get('/:id/price', (req, res) => {
  const product = db.prepare('SELECT * FROM products WHERE id = ?').get(req.params.id);
  if (!product) {
    return res.status(404).json({ error: 'Product not found' });
  }
  const price = product.price;
  const quantity = parseInt(req.query.quantity, 10) || 1;
  const unitPrice = req.query.discount ? eval(req.query.discount) : price;
  res.json({ productId: product.id, quantity, unitPrice, total: Math.round(unitPrice * quantity * 100) / 100 });
});

module.exports = router;
