import express from 'express';
import cookieParser from 'cookie-parser';
import { cartFromCookie } from './middleware/cart.js';

const app = express();
app.use(cookieParser());
app.use(cartFromCookie);

app.get('/cart', (req, res) => {
  res.json({ count: req.cart.items.length });
});

app.listen(3000);
