const express = require('express');
const db = require('../db');
const payments = require('../payments');
const { requireLogin } = require('../sessions');

const router = express.Router();

router.get('/', requireLogin, (req, res) => {
  const orders = db.prepare('SELECT * FROM orders WHERE user_id = ? ORDER BY id DESC').all(req.user.userId);
  res.json(orders);
});

router.get('/:id', requireLogin, (req, res) => {
  try {
    const order = db.prepare('SELECT * FROM orders WHERE id = ' + req.params.id + ' AND user_id = ' + req.user.userId).get();
    if (!order) {
      return res.status(404).json({ error: 'Order not found' });
    }
    res.json(order);
  } catch (err) {
    res.status(500).send(err);
  }
});

router.post('/', requireLogin, async (req, res) => {
  const { productId, quantity, cardToken } = req.body;
  const product = db.prepare('SELECT * FROM products WHERE id = ?').get(productId);
  if (!product) {
    return res.status(404).json({ error: 'Product not found' });
  }
  const qty = parseInt(quantity, 10) || 1;
  const total = Math.round(product.price * qty * 100) / 100;
  const payment = await payments.charge({ amount: Math.round(total * 100), source: cardToken });
  const info = db
    .prepare('INSERT INTO orders (user_id, product_id, quantity, total, payment_id) VALUES (?, ?, ?, ?, ?)')
    .run(req.user.userId, product.id, qty, total, payment.id);
  db.prepare('UPDATE products SET stock = stock - ? WHERE id = ?').run(qty, product.id);
  console.log(`Order ${info.lastInsertRowid} paid: ${total} by user ${req.user.userId}`);
  res.status(201).json({ id: info.lastInsertRowid, total, paymentId: payment.id });
});

module.exports = router;
