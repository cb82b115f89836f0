const axios = require('axios');
const xmlEscape = require('xml-escape');

const GATEWAY = 'https://bank-gateway.internal/soap/transfers';

async function submitTransfer({ account, reference: rawReference, amount: rawAmount }) {
  const reference = xmlEscape(String(rawReference));
  const amount = Number(rawAmount);
  if (!Number.isFinite(amount) || amount <= 0) throw new RangeError('amount must be a positive number');
  const response = await axios.post(GATEWAY, `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Transfer><Account>${account}</Account><Reference>${reference}</Reference><Amount>${amount}</Amount></Transfer></soap:Body></soap:Envelope>`, { headers: { 'Content-Type': 'text/xml' } });
  return response.status === 200;
}

module.exports = { submitTransfer };
