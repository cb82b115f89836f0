const express = require('express');
const { findSubscriber } = require('../data/subscribers');

const router = express.Router();
router.use(express.json());

router.post('/unsubscribe', (req, res, next) => {
  findSubscriber(req.body.email, (err, subscriber) => {
    if (err) return next(err);
    if (!subscriber) return res.sendStatus(404);
    res.json({ id: subscriber.id, unsubscribed: true });
  });
});

module.exports = router;
