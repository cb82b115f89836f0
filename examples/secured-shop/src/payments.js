import { randomUUID } from 'node:crypto';
import { config } from './config.js';

/** The provider refused the card: the customer's problem, answered with 402, not a server error. */
export class PaymentDeclinedError extends Error {
  constructor() {
    super('card declined');
    this.name = 'PaymentDeclinedError';
  }
}

/**
 * Stand-in for the payment provider's SDK. The API key comes from the secrets store and stays in
 * this closure: nothing returns, logs or serialises it. Card token "tok_declined" is refused,
 * like the provider's test cards.
 */
export function createPayments(apiKey) {
  if (typeof apiKey !== 'string' || apiKey.length < 16) throw new Error('the payment API key from the secrets store is missing or too short');
  return {
    async charge({ amount, source }) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (source === 'tok_declined') throw new PaymentDeclinedError();
      return { id: `pay_${randomUUID().replace(/-/g, '')}`, amount, currency: config.payments.currency, status: 'succeeded' };
    },
  };
}
