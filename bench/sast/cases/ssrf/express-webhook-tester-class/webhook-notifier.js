const axios = require('axios');

class WebhookNotifier {
  constructor({ timeoutMs = 3000 } = {}) {
    this.timeoutMs = timeoutMs;
  }

  async sendTest(targetUrl, accountId) {
    const payload = { type: 'webhook.test', accountId, sentAt: new Date().toISOString() };
    const response = await axios.post(targetUrl, payload, { timeout: this.timeoutMs }); // expect: ssrf
    return { status: response.status };
  }
}

module.exports = { WebhookNotifier };
