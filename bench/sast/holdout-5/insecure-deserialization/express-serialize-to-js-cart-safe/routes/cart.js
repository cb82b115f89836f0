const express = require('express');
const cookieParser = require('cookie-parser');
const { restoreCart } = require('../lib/cart');

const router = express.Router();
router.use(cookieParser());

router.get('/cart', (req, res) => {
  const cart = restoreCart(req.cookies.cart);
  res.json({ items: cart.items.length });
});

module.exports = router;
