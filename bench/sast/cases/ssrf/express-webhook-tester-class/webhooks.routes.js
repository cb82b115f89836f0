const express = require('express');
const { WebhookNotifier } = require('./webhook-notifier');

const notifier = new WebhookNotifier({ timeoutMs: 5000 });
const router = express.Router();

router.post('/webhooks/test', express.json(), async (req, res) => {
  const { url } = req.body;
  try {
    const result = await notifier.sendTest(url, req.user.accountId);
    res.json({ delivered: true, status: result.status });
  } catch (err) {
    res.status(502).json({ delivered: false });
  }
});

module.exports = router;
