const express = require('express');
const { sendTestEvent } = require('../services/webhooks');

const router = express.Router();

function isSlackWebhook(value) {
  return typeof value === 'string' && value.includes('hooks.slack.com');
}

router.post('/integrations/slack/test', express.json(), async (req, res, next) => {
  const { webhookUrl } = req.body;
  if (!isSlackWebhook(webhookUrl)) {
    return res.status(400).json({ error: 'not a Slack webhook URL' });
  }
  try {
    const status = await sendTestEvent(webhookUrl);
    res.json({ delivered: status >= 200 && status < 300 });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
