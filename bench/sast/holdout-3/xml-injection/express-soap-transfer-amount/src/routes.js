const express = require('express');
const { submitTransfer } = require('./gateway');

const router = express.Router();

router.post('/payouts', express.json(), async (req, res) => {
  const account = req.user.payoutAccount;
  const { reference, amount } = req.body;
  const ok = await submitTransfer({ account, reference, amount });
  res.status(ok ? 202 : 502).json({ ok });
});

module.exports = router;
