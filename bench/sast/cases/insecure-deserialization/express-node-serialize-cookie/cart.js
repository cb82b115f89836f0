const express = require('express');
const cookieParser = require('cookie-parser');
const serialize = require('node-serialize');

const app = express();
app.use(cookieParser());

app.get('/cart', (req, res) => {
  const raw = Buffer.from(req.cookies.cart || 'e30=', 'base64').toString();
  const cart = serialize.unserialize(raw); // expect: insecure-deserialization
  res.json({ items: Array.isArray(cart.items) ? cart.items.length : 0 });
});

app.listen(3000);
