import express from 'express';
import { z } from 'zod';
import { rampart } from '@rampart/guard';
import { db, sql } from '../db.js';
import { PaymentDeclinedError } from '../payments.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const OrderBody = z.object({
  productId: z.coerce.number().int().positive(),
  quantity: z.coerce.number().int().min(1).max(99).default(1),
  cardToken: z.string().min(1).max(100),
});

export function orderRoutes({ web, payments, logger }) {
  const router = express.Router();
  router.use(web.requireUser);

  router.get('/', (req, res) => {
    res.json(sql.ordersOfUser.all(Number(req.auth.userId)));
  });

  // The order id is a number (anything else is a 400 from the schema) and travels as a parameter,
  // next to the signed-in user's id: nobody reads another customer's orders.
  router.get('/:id', rampart.validate({ params: IdParams }), (req, res) => {
    const order = sql.orderOfUser.get(req.validated.params.id, Number(req.auth.userId));
    if (!order) return res.status(404).json({ error: 'Order not found' });
    res.json(order);
  });

  // Async on Express 4: the guard forwards a rejection to its error handler (a generic 500 and
  // the details in the log), and a declined card is the customer's 402, not a crash.
  router.post('/', rampart.validate({ body: OrderBody }), async (req, res) => {
    const { productId, quantity, cardToken } = req.body;
    const userId = Number(req.auth.userId);
    const product = sql.productById.get(productId);
    if (!product) return res.status(404).json({ error: 'Product not found' });
    if (product.stock < quantity) return res.status(409).json({ error: 'Not enough stock' });
    const total = Math.round(product.price * quantity * 100) / 100;
    let payment;
    try {
      payment = await payments.charge({ amount: Math.round(total * 100), source: cardToken });
    } catch (err) {
      if (!(err instanceof PaymentDeclinedError)) throw err;
      logger.info({ event: 'payment-declined', userId, productId: product.id }, 'payment declined');
      return res.status(402).json({ error: 'The payment was declined' });
    }
    const orderId = db.transaction(() => {
      sql.takeStock.run(quantity, product.id, quantity);
      return Number(sql.addOrder.run(userId, product.id, quantity, total, payment.id).lastInsertRowid);
    })();
    logger.info({ event: 'order-paid', orderId, userId, total }, 'order paid');
    res.status(201).json({ id: orderId, total, paymentId: payment.id });
  });

  return router;
}
