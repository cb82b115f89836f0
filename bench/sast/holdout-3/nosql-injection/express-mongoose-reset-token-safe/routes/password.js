const express = require('express');
const { z } = require('zod');
const { resetPassword } = require('../services/auth');

const ResetBody = z.object({ token: z.string().min(32), password: z.string().min(12) });

const router = express.Router();

router.post('/reset', express.json(), async (req, res, next) => {
  try {
    const { token, password } = ResetBody.parse(req.body);
    await resetPassword(token, password);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;
