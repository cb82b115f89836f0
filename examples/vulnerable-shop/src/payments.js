const crypto = require('crypto');
const config = require('../config/default.json');

// Stand-in for the payment provider's SDK until the real integration is done.
// Card token "tok_declined" is refused, like the provider's test cards.
async function charge({ amount, currency, source }) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (!config.payments.apiKey) {
    throw new Error('Payments are not configured');
  }
  if (!source || source === 'tok_declined') {
    const err = new Error('Your card was declined.');
    err.code = 'card_declined';
    throw err;
  }
  return { id: 'pay_' + crypto.randomUUID().replace(/-/g, ''), amount, currency: currency || config.payments.currency, status: 'succeeded' };
}

module.exports = { charge };
