const express = require('express');
const axios = require('axios');
const xmlEscape = require('xml-escape');

const BILLING_URL = 'https://billing.internal/soap';
const app = express();
app.use(express.json());

app.post('/billing/refresh', async (req, res) => {
  const customerId = xmlEscape(String(req.body.customerId));
  await axios.post(BILLING_URL, `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Refresh><CustomerId>${customerId}</CustomerId><Role>customer</Role></Refresh></soap:Body></soap:Envelope>`, { headers: { 'Content-Type': 'text/xml' } });
  res.status(202).json({ queued: true });
});

app.listen(3000);
