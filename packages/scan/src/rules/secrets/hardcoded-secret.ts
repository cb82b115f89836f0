import { detectSecrets } from '../../secrets/detect.js';
import { fillSample, seededRandom } from '../../secrets/generate.js';
import { isSecretScanCandidate } from '../../secrets/paths.js';
import { redact } from '../../secrets/redact.js';
import type { SecretMatch } from '../../secrets/types.js';
import type { FileFindingInput, FileRule } from '../types.js';

/** Samples are built from generator specs with a fixed seed: the generated docs stay stable and show made-up values in the real formats, never a real key. */
const random = seededRandom(8);
const gen = (text: string): string => fillSample(text, random);

/** One finding per secret: what it is, what it opens and how to rotate it, never its value. */
export function secretFinding(m: SecretMatch): FileFindingInput {
  return {
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    severity: m.severity,
    type: m.rule.id,
    snippet: m.snippet,
    message: `${m.rule.title}${m.tier ? `, ${m.tier}` : ''} (${redact(m.secret)}). ${m.rule.access}`,
    fix: `Rotate it (it is exposed already): ${m.rule.rotate} Then read the new value from the environment or a secret store, never from a committed file.`,
  };
}

const rule: FileRule = {
  kind: 'file',
  meta: {
    id: 'hardcoded-secret',
    title: 'A credential (API key, token, private key, password) is written in a file',
    practice: 8,
    cwe: 'CWE-798',
    severity: 'high',
    confidence: 'high',
    description:
      'A key in the repository is a key for everyone who can read the repository, its forks, its CI logs and every copy of its history: removing it in a later commit does not take it back. Rampart knows the formats of cloud, code-hosting, payment, messaging and AI providers, private keys, database URLs, literal JWT secrets, and secret-named values of high entropy in .env, JSON, YAML, TOML, INI, properties, XML and code, also when written in pieces. Each finding says what the secret opens, with a severity that follows it (critical for cloud, payment and admin credentials and private keys, low for test-mode keys), and how to rotate it; the value itself is never printed (its first 4 characters and length only). See docs/secrets.md.',
    fix: 'Rotate the secret first (it is already exposed), then load it from the environment or a secret store (rampart secrets), and remove it from the git history if the repository is shared. `rampart secrets scan --history` finds the ones already committed.',
  },
  samples: {
    valid: [
      { filename: 'config/default.json', code: '{\n  "payments": { "provider": "stripe", "apiKey": "${STRIPE_SECRET_KEY}" },\n  "database": { "password": "" }\n}\n' },
      { filename: 'src/payments.js', code: 'const stripe = require("stripe")(process.env.STRIPE_SECRET_KEY);\nconst key = "AKIAIOSFODNN7EXAMPLE"; // the AWS documentation key\n' },
      { filename: '.env.example', code: 'API_KEY=YOUR_API_KEY\nDATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app\n' },
    ],
    invalid: [
      { filename: 'config/default.json', code: gen('{\n  "payments": { "apiKey": "{{sk_live_[A-Za-z0-9]{48}}}" }\n}\n') },
      { filename: 'src/aws.js', code: gen('const s3 = new S3Client({\n  credentials: { accessKeyId: "{{AKIA[A-Z2-7]{16}}}", secretAccessKey: "{{[A-Za-z0-9/+]{40}}}" },\n});\n'), count: 2 },
      { filename: 'docker-compose.yml', code: gen('services:\n  api:\n    environment:\n      DATABASE_URL: postgres://shop:{{[A-Za-z0-9]{18}}}@db:5432/shop\n') },
    ],
  },
  appliesTo: isSecretScanCandidate,
  check({ path, text }) {
    return detectSecrets(path, text).map(secretFinding);
  },
};

export default rule;
