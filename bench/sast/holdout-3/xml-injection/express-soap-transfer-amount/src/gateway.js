const axios = require('axios');

const GATEWAY = 'https://bank-gateway.internal/soap/transfers';

async function submitTransfer({ account, reference, amount }) {
  const response = await axios.post(GATEWAY, `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Transfer><Account>${account}</Account><Reference>${reference}</Reference><Amount>${amount}</Amount></Transfer></soap:Body></soap:Envelope>`, { headers: { 'Content-Type': 'text/xml' } }); // expect: xml-injection
  return response.status === 200;
}

module.exports = { submitTransfer };
