const express = require('express');
const path = require('node:path');
const { db } = require('../db');
const config = require('../config');
const logger = require('../logger');
const { fetchPreview } = require('../preview');

const router = express.Router();
const MANUALS_DIR = path.join(__dirname, '..', '..', 'manuals');

// Promotion codes the promo banner may use. Each is reviewed code, not text from the request.
const PROMOTIONS = new Map([
  ['SPRING10', (price) => price * 0.9],
  ['MUGLOVER', (price) => Math.max(price - 2, 0)],
]);

function parseQuantity(value) {
  const quantity = Number(value ?? 1);
  return Number.isInteger(quantity) && quantity >= 1 && quantity <= 99 ? quantity : undefined;
}

router.get('/', (req, res) => {
  const products = db.prepare('SELECT id, name, description, price, stock, manual FROM products ORDER BY id').all();
  res.json(products);
});

// Link preview for product reviews: only https links to the hosts in config `previewHosts`,
// and only when they resolve to public addresses (no loopback, private or metadata addresses).
const PREVIEW_HOSTS = new Set(config.previewHosts);

router.get('/preview', async (req, res) => {
  let url;
  try {
    url = new URL(String(req.query.url));
  } catch {
    return res.status(400).json({ error: 'url must be an absolute https URL' });
  }
  if (url.protocol !== 'https:' || url.username || url.password || !PREVIEW_HOSTS.has(url.hostname)) {
    return res.status(400).json({ error: 'Previews are only made for https links to known review sites' });
  }
  try {
    res.json(await fetchPreview(url));
  } catch (err) {
    if (err.code === 'PREVIEW_NOT_PUBLIC') {
      return res.status(400).json({ error: 'That link does not lead to a public site' });
    }
    logger.warn({ err, host: url.hostname }, 'link preview failed');
    res.status(502).json({ error: 'Could not fetch the link' });
  }
});

router.get('/:id', (req, res) => {
  const product = db.prepare('SELECT id, name, description, price, stock, manual FROM products WHERE id = ?').get(req.params.id);
  if (!product) {
    return res.status(404).json({ error: 'Product not found' });
  }
  res.json(product);
});

// The product's manual. The file name comes from our database, and `root` keeps
// send() inside the manuals folder whatever the name holds.
router.get('/:id/manual', (req, res, next) => {
  const product = db.prepare('SELECT manual FROM products WHERE id = ?').get(req.params.id);
  if (!product || !product.manual) {
    return res.status(404).json({ error: 'Manual not found' });
  }
  res.type('text/plain');
  res.sendFile(product.manual, { root: MANUALS_DIR, dotfiles: 'deny' }, (err) => {
    if (err) next(err);
  });
});

// Price preview for the promo banner: ?promo=SPRING10&quantity=2
router.get('/:id/price', (req, res) => {
  const product = db.prepare('SELECT id, price FROM products WHERE id = ?').get(req.params.id);
  if (!product) {
    return res.status(404).json({ error: 'Product not found' });
  }
  const quantity = parseQuantity(req.query.quantity);
  if (quantity === undefined) {
    return res.status(400).json({ error: 'Quantity must be a whole number from 1 to 99' });
  }
  let unitPrice = product.price;
  if (req.query.promo !== undefined) {
    const promotion = PROMOTIONS.get(String(req.query.promo).toUpperCase());
    if (!promotion) {
      return res.status(400).json({ error: 'Unknown promotion code' });
    }
    unitPrice = Math.round(promotion(product.price) * 100) / 100;
  }
  res.json({ productId: product.id, quantity, unitPrice, total: Math.round(unitPrice * quantity * 100) / 100 });
});

module.exports = router;
