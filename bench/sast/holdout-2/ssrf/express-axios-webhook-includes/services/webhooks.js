const axios = require('axios');

async function sendTestEvent(url) {
  const payload = { text: 'Test message from Acme Dashboard', sentAt: new Date().toISOString() };
  const response = await axios.post(url, payload, { timeout: 5000, maxRedirects: 0 }); // expect: ssrf
  return response.status;
}

module.exports = { sendTestEvent };
