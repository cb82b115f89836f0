import { Router, type Request, type Response } from 'express';
import { OrderRepository } from '../repositories/order-repository.js';
import { pool } from '../db.js';

const orders = new OrderRepository(pool);
export const ordersRouter = Router();

ordersRouter.get('/', async (req: Request, res: Response) => {
  const status = String(req.query.status ?? 'open');
  const customerId = Number(res.locals.customerId);
  const list = await orders.listByStatus(customerId, status);
  res.json(list);
});
