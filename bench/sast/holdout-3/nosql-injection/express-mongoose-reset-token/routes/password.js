const express = require('express');
const { resetPassword } = require('../services/auth');

const router = express.Router();

router.post('/reset', express.json(), async (req, res, next) => {
  try {
    const { token, password } = req.body;
    await resetPassword(token, password);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;
