import express from 'express';
import { validateAddress } from '../lib/carrier-client';

export const checkout = express.Router();

checkout.post('/checkout/address', express.json(), async (req, res) => {
  const { street, city, zip } = req.body as Record<string, string>;
  const ok = await validateAddress({ street: String(street), city: String(city), zip: String(zip) });
  res.json({ valid: ok });
});
