import type { SecretRule } from '../types.js';
import { keyed, token } from './shared.js';

/** Payments, commerce, hosting and AI APIs: Stripe, Square, Shopify, Heroku, OpenAI, Anthropic. */
export const SERVICE_RULES: readonly SecretRule[] = [
  {
    id: 'stripe-secret-key',
    title: 'Stripe secret or restricted key',
    keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'sk_prod_', 'rk_prod_'],
    regex: token('[sr]k_(?:live|test|prod)_[A-Za-z0-9]{20,247}'),
    entropy: 3,
    // Stripe's own documentation key, printed in every tutorial.
    allowlist: { regexes: [/^sk_test_4eC39HqLyjWDarjtT1zdp7dc$/, /^sk_test_BQokikJOvBiI2HlWgH4olfQ2$/] },
    severity: 'critical',
    // Test-mode keys reach test data only. Publishable keys (pk_live_, pk_test_) are public by design and never reported.
    tiers: [{ when: /^[sr]k_test_/, severity: 'low', label: 'test-mode key' }],
    access: 'Moves money on the Stripe account: creates charges and refunds, reads customers and payment details, pays out (test keys: the same on test data).',
    rotate: 'In the Stripe dashboard > Developers > API keys, "Roll key" (with an expiry for the old one while you deploy), and prefer restricted keys (rk_) with only the permissions the app needs.',
    samples: {
      truePositives: [
        'const stripe = require("stripe")("{{sk_live_[A-Za-z0-9]{99}}}");',
        { text: 'STRIPE_SECRET_KEY={{sk_test_[A-Za-z0-9]{24}}}\n', path: '.env' },
        'apiKey: "{{rk_live_[A-Za-z0-9]{24}}}"',
        // Split so that push protection does not see it: joined before matching.
        { text: "const stripe = Stripe('{{sk_live_[A-Za-z0-9]{12}}}' + '{{[A-Za-z0-9]{40}}}');\n", path: 'src/pay.js' },
        { text: '<add key="StripeKey" value="{{sk_live_[A-Za-z0-9]{40}}}" />\n', path: 'Web.config' },
      ],
      falsePositives: ['const stripe = Stripe("sk_test_4eC39HqLyjWDarjtT1zdp7dc"); // Stripe docs key', 'STRIPE_SECRET_KEY=sk_live_...', 'const publishable = "pk_live_51H4cKeXampLe";'],
    },
  },
  {
    id: 'stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    keywords: ['whsec_'],
    regex: token('whsec_[A-Za-z0-9+/]{32,64}'),
    entropy: 3,
    severity: 'medium',
    access: 'Forges Stripe webhook events your endpoint trusts (payment succeeded, subscription active) without paying.',
    rotate: 'In Stripe > Developers > Webhooks > the endpoint, "Roll secret", then deploy the new one.',
    samples: {
      truePositives: ['const endpointSecret = "{{whsec_[A-Za-z0-9]{32}}}";'],
      falsePositives: ['const endpointSecret = "whsec_...";'],
    },
  },
  {
    id: 'square-access-token',
    title: 'Square access token or application secret',
    keywords: ['sq0atp-', 'sq0csp-', 'eaaa'],
    regex: token(String.raw`sq0atp-[\w-]{22}|sq0csp-[\w-]{43}|EAAA[\w-]{60}`),
    entropy: 3,
    severity: 'critical',
    access: 'Takes payments, issues refunds and reads customers and orders of the Square seller account.',
    rotate: 'In the Square developer dashboard > your application > Credentials, replace the access token (or revoke the OAuth token) and deploy the new one.',
    samples: {
      truePositives: ['const client = new Client({ accessToken: "{{EAAA[A-Za-z0-9_-]{60}}}" });', 'SQUARE_APP_SECRET={{sq0csp-[A-Za-z0-9_-]{43}}}'],
      falsePositives: ['accessToken: process.env.SQUARE_ACCESS_TOKEN, // EAAA...', 'background: #eaaa00;'],
    },
  },
  {
    id: 'shopify-token',
    title: 'Shopify access token or shared secret',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    regex: token('shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}'),
    entropy: 3,
    severity: 'critical',
    access: 'Calls the Shopify Admin API for the store: orders, customers and their addresses, products, discounts (shpss_: forges app requests).',
    rotate: 'Uninstall and reinstall the custom app (or rotate the API secret key in the Partner dashboard), then deploy the new token.',
    samples: {
      truePositives: ['SHOPIFY_ACCESS_TOKEN={{shpat_[a-f0-9]{32}}}', 'const secret = "{{shpss_[a-f0-9]{32}}}";'],
      falsePositives: ['SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'heroku-api-key',
    title: 'Heroku API key',
    keywords: ['heroku', 'hrku-'],
    regex: new RegExp(
      `${keyed(String.raw`heroku`, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}').source}|(?<![\\w-])(HRKU-AA[\\w-]{58})(?![\\w-])`,
      'gi',
    ),
    entropy: 3,
    severity: 'critical',
    access: 'Controls every Heroku app of the account: deploys code, reads config vars (and every secret in them), scales and deletes apps.',
    rotate: 'Regenerate it in Heroku > Account settings > API key (or `heroku authorizations:revoke` for OAuth tokens) and update CI.',
    samples: {
      truePositives: [{ text: 'HEROKU_API_KEY={{[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}}}\n', path: '.env' }, 'HEROKU_API_KEY: {{HRKU-AA[A-Za-z0-9_-]{58}}}'],
      falsePositives: ['const requestId = "3b241101-e2bb-4255-8caf-4136c566a962"; // a UUID is not a key', 'HEROKU_APP_NAME=shop-prod'],
    },
  },
  {
    id: 'openai-api-key',
    title: 'OpenAI API key',
    keywords: ['t3blbkfj', 'sk-proj-', 'sk-svcacct-', 'sk-admin-'],
    regex: token(String.raw`sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{80,250}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}`),
    entropy: 3.5,
    severity: 'high',
    tiers: [{ when: /^sk-admin-/, severity: 'critical', label: 'admin key' }],
    access: 'Calls the OpenAI API billed to the organisation and project, and reads its files, assistants and fine-tuned models.',
    rotate: 'Delete the key at platform.openai.com > API keys, create a project key with restricted permissions, and set a usage limit.',
    samples: {
      truePositives: ['const openai = new OpenAI({ apiKey: "{{sk-proj-[A-Za-z0-9_-]{74}}}T3BlbkFJ{{[A-Za-z0-9_-]{74}}}" });', 'OPENAI_API_KEY={{sk-[A-Za-z0-9]{20}}}T3BlbkFJ{{[A-Za-z0-9]{20}}}'],
      falsePositives: ['OPENAI_API_KEY=sk-proj-...', 'apiKey: process.env.OPENAI_API_KEY'],
    },
  },
  {
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    keywords: ['sk-ant-'],
    regex: token(String.raw`sk-ant-(?:api03|admin01)-[\w-]{93}AA`),
    entropy: 3.5,
    severity: 'high',
    tiers: [{ when: /^sk-ant-admin/, severity: 'critical', label: 'admin key' }],
    access: 'Calls the Claude API billed to the Anthropic workspace (admin keys: manages the organisation\'s members and keys).',
    rotate: 'Disable and delete the key in the Anthropic Console > API keys, create a new one in the right workspace, and set spend limits.',
    samples: {
      truePositives: ['const anthropic = new Anthropic({ apiKey: "{{sk-ant-api03-[A-Za-z0-9_-]{93}}}AA" });'],
      falsePositives: ['ANTHROPIC_API_KEY=sk-ant-api03-...'],
    },
  },
];
