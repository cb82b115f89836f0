import type { SecretRule } from '../types.js';
import { CLOUD_RULES } from './cloud.js';
import { CODE_HOSTING_RULES } from './code-hosting.js';
import { GENERIC_RULES } from './generic.js';
import { KEY_RULES } from './keys.js';
import { MESSAGING_RULES } from './messaging.js';
import { SERVICE_RULES } from './services.js';
import { URL_RULES } from './urls.js';

/**
 * Every secret rule, most specific first: when two rules find the same text (a Stripe key
 * assigned to `apiKey`), the earlier one reports it and the generic ones stay silent.
 */
export const SECRET_RULES: readonly SecretRule[] = Object.freeze([
  ...CLOUD_RULES,
  ...CODE_HOSTING_RULES,
  ...MESSAGING_RULES,
  ...SERVICE_RULES,
  ...KEY_RULES,
  ...URL_RULES,
  ...GENERIC_RULES,
]);
