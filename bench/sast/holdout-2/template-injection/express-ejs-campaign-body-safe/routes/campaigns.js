const express = require('express');
const { renderCampaign } = require('../services/mailer');
const { CAMPAIGN_TEMPLATES } = require('../config/campaigns');

const router = express.Router();

router.post('/campaigns/preview', express.json(), (req, res) => {
  const { firstName } = req.body;
  const source = CAMPAIGN_TEMPLATES.welcome;
  const html = renderCampaign(source, { firstName: String(firstName || 'there') });
  res.json({ html });
});

module.exports = router;
