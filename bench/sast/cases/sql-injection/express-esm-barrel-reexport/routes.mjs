import express from 'express';
import { findOrdersByCustomer } from './repo/index.mjs';

export const router = express.Router();

router.get('/customers/:customer/orders', async (req, res, next) => {
  try {
    res.json(await findOrdersByCustomer(req.params.customer));
  } catch (err) {
    next(err);
  }
});
