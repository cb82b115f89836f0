const crypto = require('node:crypto');
const config = require('./config');
const logger = require('./logger');

if (!config.payments.apiKey) {
  logger.warn('PAYMENTS_API_KEY is not set: payments run in test mode');
}

class PaymentDeclinedError extends Error {}

// Stand-in for the payment provider's SDK until the real integration is done.
// Card token "tok_declined" is refused, like the provider's test cards.
async function charge({ amount, currency, source }) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (!source || source === 'tok_declined') {
    throw new PaymentDeclinedError('Your card was declined.');
  }
  return { id: 'pay_' + crypto.randomUUID().replace(/-/g, ''), amount, currency: currency || config.payments.currency, status: 'succeeded' };
}

module.exports = { charge, PaymentDeclinedError };
