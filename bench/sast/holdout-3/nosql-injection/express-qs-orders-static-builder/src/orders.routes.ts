import { Router } from 'express';
import { Order } from './order.model';
import { OrderQuery } from './order-query';

export const ordersRoutes = Router();

ordersRoutes.get('/orders', async (req, res) => {
  const filter = OrderQuery.build(String(res.locals.customerId), req.query);
  const orders = await Order.find(filter, { status: 1, total: 1 }).limit(50); // expect: nosql-injection
  res.json(orders);
});
