const express = require('express');
const path = require('path');
const { Eta } = require('eta');

const eta = new Eta({ views: path.join(__dirname, 'templates'), autoEscape: true });
const app = express();

app.post('/landing/preview', express.json(), (req, res) => {
  const { template, campaign } = req.body;
  const html = eta.renderString(String(template), { campaign: String(campaign || '') }); // expect: template-injection
  res.json({ html });
});

app.listen(3000);
