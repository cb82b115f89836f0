import express from 'express';
import { randomUUID } from 'node:crypto';
import { submitOrder } from '../lib/partner.mjs';

export const router = express.Router();

router.post('/orders', express.json(), async (req, res) => {
  const { customer, note = '' } = req.body;
  const orderId = randomUUID();
  await submitOrder({ id: orderId, customer: String(customer), note: String(note), sku: 'GIFT-BOX', quantity: 1 });
  res.status(201).json({ orderId });
});
