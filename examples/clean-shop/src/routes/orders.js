const express = require('express');
const { db } = require('../db');
const logger = require('../logger');
const payments = require('../payments');
const { requireLogin } = require('../sessions');

const router = express.Router();

const ORDER_FIELDS = 'id, product_id, quantity, total, status, created_at';

router.get('/', requireLogin, (req, res) => {
  const orders = db.prepare(`SELECT ${ORDER_FIELDS} FROM orders WHERE user_id = ? ORDER BY id DESC`).all(req.user.userId);
  res.json(orders);
});

router.get('/:id', requireLogin, (req, res) => {
  const order = db.prepare(`SELECT ${ORDER_FIELDS} FROM orders WHERE id = ? AND user_id = ?`).get(req.params.id, req.user.userId);
  if (!order) {
    return res.status(404).json({ error: 'Order not found' });
  }
  res.json(order);
});

router.post('/', requireLogin, async (req, res, next) => {
  try {
    const { productId, cardToken } = req.body;
    const quantity = Number(req.body.quantity ?? 1);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99 || typeof cardToken !== 'string') {
      return res.status(400).json({ error: 'A quantity from 1 to 99 and a card token are required' });
    }
    const product = db.prepare('SELECT id, price, stock FROM products WHERE id = ?').get(productId);
    if (!product) {
      return res.status(404).json({ error: 'Product not found' });
    }
    if (product.stock < quantity) {
      return res.status(409).json({ error: 'Not enough stock' });
    }
    const total = Math.round(product.price * quantity * 100) / 100;
    let payment;
    try {
      payment = await payments.charge({ amount: Math.round(total * 100), source: cardToken });
    } catch (err) {
      if (!(err instanceof payments.PaymentDeclinedError)) throw err;
      logger.info({ event: 'payment_declined', userId: req.user.userId, productId: product.id }, 'payment declined');
      return res.status(402).json({ error: 'The payment was declined' });
    }
    const info = db
      .prepare('INSERT INTO orders (user_id, product_id, quantity, total, payment_id) VALUES (?, ?, ?, ?, ?)')
      .run(req.user.userId, product.id, quantity, total, payment.id);
    db.prepare('UPDATE products SET stock = stock - ? WHERE id = ?').run(quantity, product.id);
    logger.info({ event: 'order_paid', orderId: info.lastInsertRowid, userId: req.user.userId, total }, 'order paid');
    res.status(201).json({ id: info.lastInsertRowid, total, paymentId: payment.id });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
