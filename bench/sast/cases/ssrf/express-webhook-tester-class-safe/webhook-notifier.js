const axios = require('axios');

const ALLOWED_HOSTS = new Set(['hooks.slack.com', 'discord.com', 'hooks.zapier.com']);

class WebhookNotifier {
  constructor({ timeoutMs = 3000 } = {}) {
    this.timeoutMs = timeoutMs;
  }

  async sendTest(targetUrl, accountId) {
    const parsed = new URL(targetUrl);
    if (parsed.protocol !== 'https:' || !ALLOWED_HOSTS.has(parsed.hostname)) {
      throw new Error('destination not allowed');
    }
    const payload = { type: 'webhook.test', accountId, sentAt: new Date().toISOString() };
    const response = await axios.post(parsed.href, payload, { timeout: this.timeoutMs });
    return { status: response.status };
  }
}

module.exports = { WebhookNotifier };
