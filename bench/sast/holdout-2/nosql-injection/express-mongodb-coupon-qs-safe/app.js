const express = require('express');
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const coupons = client.db('shop').collection('coupons');

const app = express();

app.get('/cart/coupon', async (req, res, next) => {
  try {
    const code = String(req.query.code ?? '');
    const coupon = await coupons.findOne({ code, active: true }, { projection: { _id: 0, code: 1, percentOff: 1 } });
    if (!coupon) {
      return res.status(404).json({ error: 'unknown coupon' });
    }
    res.json(coupon);
  } catch (err) {
    next(err);
  }
});

client.connect().then(() => app.listen(3000));
