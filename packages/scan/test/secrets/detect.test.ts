import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  SECRET_RULES,
  SecretRuleError,
  createSecretDetector,
  detectSecrets,
  fillSample,
  generateFromSpec,
  redact,
  redactAll,
  seededRandom,
  shannonEntropy,
  type SecretRule,
} from '../../src/secrets/index.js';
import { createKeywordScanner } from '../../src/secrets/keyword-scan.js';

const random = seededRandom(42);
const gen = (spec: string): string => generateFromSpec(spec, random);

describe('detectSecrets: positions, redaction, one finding per secret', () => {
  it('reports 1-based line and column of the secret itself, with CRLF line ends', () => {
    const key = gen('AKIA[A-Z2-7]{16}');
    const text = `// config\r\nconst a = 1;\r\nconst creds = { id: "${key}" };\r\n`;
    const [m, ...rest] = detectSecrets('src/aws.js', text);
    assert.equal(rest.length, 0);
    assert.equal(m.rule.id, 'aws-access-key-id');
    assert.equal(m.line, 3);
    assert.equal(m.column, text.split('\r\n')[2].indexOf(key) + 1);
    assert.equal(m.endColumn, m.column + key.length);
    assert.equal(m.secret, key);
  });

  it('redacts every secret of a line in each finding on it, and never shows one whole', () => {
    const a = gen('ghp_[A-Za-z0-9]{36}');
    const b = gen('xoxb-[0-9]{12}-[0-9]{13}-[A-Za-z0-9]{24}');
    const found = detectSecrets('ci.yml', `env: { GH: "${a}", SLACK: "${b}" }\n`);
    assert.deepEqual(found.map((f) => f.rule.id), ['github-pat', 'slack-bot-token']);
    for (const f of found) {
      assert.ok(!f.snippet.includes(a) && !f.snippet.includes(b), f.snippet);
      assert.ok(f.snippet.includes(redact(a)) && f.snippet.includes(redact(b)), f.snippet);
    }
  });

  it('redacts to the first 4 characters and the length (fewer characters for short secrets)', () => {
    assert.equal(redact('AKIAABCDEFGHIJKLMNOP'), 'AKIA…(20 chars)');
    assert.equal(redact('hunter22'), 'hu…(8 chars)');
    assert.equal(redact('abc'), '…(3 chars)');
    assert.equal(redactAll('a=SECRETSECRETSECRET1 b=SECRETSECRETSECRET1', ['SECRETSECRETSECRET1']), 'a=SECR…(19 chars) b=SECR…(19 chars)');
  });

  it('reports a provider key assigned to a secret-named key once, as the provider type', () => {
    const key = gen('sk_live_[A-Za-z0-9]{40}');
    const found = detectSecrets('config.json', `{ "stripeApiKey": "${key}" }`);
    assert.deepEqual(found.map((f) => f.rule.id), ['stripe-secret-key']);
  });

  it('spans a PEM block from BEGIN to END, and shows only its first line', () => {
    // DER bodies start with "MI" (an ASN.1 SEQUENCE): a random body would be a placeholder.
    const body = ['MIIEowIBAAKCAQEA' + gen('[A-Za-z0-9+/]{48}'), ...Array.from({ length: 5 }, () => gen('[A-Za-z0-9+/]{64}'))].join('\n');
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    const [m] = detectSecrets('deploy/id_rsa', `# key\n${pem}\n`);
    assert.equal(m.rule.id, 'private-key-rsa');
    assert.deepEqual([m.line, m.endLine], [2, 9]);
    assert.equal(m.snippet, '-----BEGIN RSA PRIVATE KEY-----');
  });

  it('finds secrets in .env, JSON, YAML, TOML, INI, properties and JS/TS by name and entropy', () => {
    const value = gen('[A-Za-z0-9]{32}');
    const cases: [string, string][] = [
      ['.env', `API_KEY=${value}`],
      ['a.json', `{"apiKey": "${value}"}`],
      ['a.yaml', `api_key: ${value}`],
      ['a.toml', `api_key = "${value}"`],
      ['a.ini', `api_key=${value}`],
      ['a.properties', `service.apiKey=${value}`],
      ['a.ts', `export const apiKey: string = '${value}';`],
      ['a.js', `const config = { apiKey: \`${value}\` };`],
    ];
    for (const [path, text] of cases) assert.deepEqual(detectSecrets(path, text).map((f) => f.rule.id), ['generic-secret'], `${path}: ${text}`);
  });

  it('leaves unquoted values in code alone: they are expressions', () => {
    assert.deepEqual(detectSecrets('a.js', 'const apiKey = computeTheKeyFromSettings1;'), []);
    assert.deepEqual(detectSecrets('a.py', 'API_KEY = settings.PAYMENT_KEY_2024'), []);
  });
});

describe('detectSecrets: linear time on hostile lines', () => {
  // A backtracking regex would take minutes on these (the test runner fails a hang); each line
  // must come back with no finding.
  const hostile: [string, string, string?][] = [
    ['long identifier run', 'token' + 'a'.repeat(300_000)],
    ['key with no value', 'password'.repeat(40_000)],
    ['assignments without values', '"secret": '.repeat(30_000)],
    ['prefixes without bodies', 'AKIA'.repeat(50_000) + 'ghp_'.repeat(50_000)],
    ['BEGIN without END', '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(2_000) + 'A'.repeat(100_000)],
    ['URL without host', 'postgres://user:' + ':'.repeat(200_000)],
    ['jwt.sign without a literal', 'jwt.sign(' + 'x, '.repeat(100_000)],
    ['quotes and colons', `"a":"${'b'.repeat(250)}":`.repeat(2_000)],
    ['name/value pairs', '- name: DB_PASSWORD\n  value:'.repeat(20_000)],
    ['type annotations', 'apiKey: string'.repeat(20_000)],
    ['XML start tags without an end', '<password '.repeat(40_000) + '<token>'.repeat(40_000), 'hostile.xml'],
    ['XML key attributes without a value', '<add key="ApiKey" '.repeat(30_000) + 'name="secret" value='.repeat(20_000), 'hostile.config'],
    ['a concatenation chain on one line', "const token = 'ab' + ".repeat(40_000) + "'" + "' +\n'".repeat(40_000)],
    ['YAML block headers', 'secret: |-\n'.repeat(50_000), 'hostile.yaml'],
    ['line continuations', 'api.token=ab\\\n'.repeat(50_000) + '\\'.repeat(200_000) + '\n', 'hostile.properties'],
  ];
  for (const [label, text, path = 'hostile.js'] of hostile) {
    it(`${label} (${(text.length / 1e6).toFixed(1)} MB)`, { timeout: 20_000 }, () => {
      assert.deepEqual(detectSecrets(path, text).map((f) => f.rule.id), []);
    });
  }

  it('still finds a secret at the end of a 1 MB line (checked in windows around keywords)', { timeout: 20_000 }, () => {
    const key = gen('ghp_[A-Za-z0-9]{36}');
    const found = detectSecrets('bundle.js', `${'x'.repeat(1_000_000)} auth="${key}"`);
    assert.deepEqual(found.map((f) => [f.rule.id, f.line, f.column]), [['github-pat', 1, 1_000_008]]);
  });
});

describe('hard negatives', () => {
  const silent: [string, string, string][] = [
    ['placeholders', '.env', 'API_KEY=YOUR_API_KEY\nSECRET=changeme\nTOKEN=xxx\nAUTH_TOKEN=<token>\n'],
    ['environment references', 'app.js', 'const key = process.env.STRIPE_KEY;\nconst token = `${TOKEN}`;\n'],
    ['lockfile integrity', 'package-lock.json', fillSample('"integrity": "sha512-{{[A-Za-z0-9+/]{86}}}=="', random)],
    ['UUIDs', 'a.json', '{ "token": "3b241101-e2bb-4255-8caf-4136c566a962" }'],
    ['git SHAs', 'package.json', '{ "gitHead": "9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6" }'],
    ['documented examples', 'README.md', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n'],
    ['base64 images', 'index.html', fillSample('<img src="data:image/png;base64,{{[A-Za-z0-9+/]{300}}}/AKIA{{[A-Z2-7]{16}}}/{{[A-Za-z0-9+/]{40}}}=">', random)],
  ];
  for (const [label, path, text] of silent) {
    it(label, () => assert.deepEqual(detectSecrets(path, text).map((f) => `${f.rule.id} ${f.snippet}`), []));
  }
});

describe('createSecretDetector: a rule set that cannot work is refused at setup', () => {
  const base = SECRET_RULES.find((r) => r.id === 'github-pat')!;
  const bad = (patch: Partial<SecretRule>): SecretRule => ({ ...base, ...patch });
  it('names the rule and the problem', () => {
    assert.throws(() => createSecretDetector([bad({ regex: /ghp_[A-Za-z0-9]{36}/ })]), (e: Error) => e instanceof SecretRuleError && /github-pat: its regex needs the g flag/.test(e.message));
    assert.throws(() => createSecretDetector([bad({ keywords: [] })]), /github-pat: give at least one keyword/);
    assert.throws(() => createSecretDetector([bad({ keywords: ['GHP_'] })]), /keyword "GHP_" must be lower case/);
    assert.throws(() => createSecretDetector([base, base]), /"github-pat" is used twice/);
    assert.throws(() => createSecretDetector([bad({ id: 'GitHub PAT' })]), /must be kebab-case/);
  });
  it('runs a custom rule set: a user can add their own formats', () => {
    const internal: SecretRule = { ...base, id: 'acme-internal-token', title: 'ACME token', keywords: ['acme_'], regex: /(?<![\w])(acme_[a-z0-9]{24})(?![\w])/g };
    const detector = createSecretDetector([...SECRET_RULES, internal]);
    const token = gen('acme_[a-z0-9]{24}');
    assert.deepEqual(detector.detect('a.js', `const t = '${token}';`).map((f) => f.rule.id), ['acme-internal-token']);
  });
});

describe('keyword scanner (the pre-filter)', () => {
  it('finds every occurrence of every keyword, overlapping ones and any case', () => {
    const scanner = createKeywordScanner(['pass', '_password', 'word', 'sk_live_']);
    const hits: [number, number][] = [];
    scanner.scan('x_PASSWORD=1 Sk_Live_abc passé', (start, k) => hits.push([start, k]));
    assert.deepEqual(hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]), [[1, 1], [2, 0], [6, 2], [13, 3], [25, 0]]);
  });
});

describe('generator specs', () => {
  it('builds strings in the provider format, deterministically per seed', () => {
    const a = generateFromSpec('AKIA[A-Z2-7]{16}', seededRandom(1));
    assert.match(a, /^AKIA[A-Z2-7]{16}$/);
    assert.equal(a, generateFromSpec('AKIA[A-Z2-7]{16}', seededRandom(1)));
    assert.match(fillSample('k={{sk_live_[A-Za-z0-9]{24}}};', seededRandom(2)), /^k=sk_live_[A-Za-z0-9]{24};$/);
    assert.match(fillSample('{{base64:u:[a-z]{8}}}', seededRandom(3)), /^[A-Za-z0-9+/]+=*$/);
  });
  it('produces high-entropy values, as real tokens are', () => {
    assert.ok(shannonEntropy(generateFromSpec('[A-Za-z0-9]{40}', seededRandom(5))) > 4.5);
  });
});

describe('detectSecrets: secrets in pieces and in XML', () => {
  it('joins literals concatenated with + on one line or across lines, points at the first piece and shows no piece', () => {
    const head = gen('sk_live_[A-Za-z0-9]{12}');
    const tail = gen('[A-Za-z0-9]{40}');
    const text = `const settings = {};\nconst stripe = Stripe(\n  '${head}' +\n    '${tail}');\n`;
    const [m, ...rest] = detectSecrets('src/pay.ts', text);
    assert.deepEqual(rest, []);
    assert.equal(m.rule.id, 'stripe-secret-key');
    assert.equal(m.secret, head + tail);
    assert.deepEqual([m.line, m.column, m.endLine, m.endColumn], [3, 4, 4, 6 + tail.length]);
    assert.equal(m.snippet, `'${redact(head + tail)}' +`);
    const oneLine = detectSecrets('src/pay.js', `Stripe('${head}' + '${tail}');\n`);
    assert.equal(oneLine[0].snippet, `Stripe('${redact(head + tail)}' + '…');`);
    assert.ok(!oneLine[0].snippet.includes(tail.slice(0, 8)));
  });

  it('reads a YAML block scalar of one line, and a properties value continued on the next line, as one value', () => {
    const value = gen('[A-Za-z0-9_-]{40}');
    const [yaml] = detectSecrets('deploy/values.yaml', `auth:\n  client_secret: |-\n    ${value}\n  scopes: [read]\n`);
    assert.deepEqual([yaml.rule.id, yaml.line, yaml.column, yaml.secret], ['generic-secret', 3, 5, value]);
    const [props] = detectSecrets('app.properties', `mail.api.token=${value.slice(0, 20)}\\\n    ${value.slice(20)}\n`);
    assert.deepEqual([props.rule.id, props.line, props.secret], ['generic-secret', 1, value]);
  });

  it('finds values in XML elements, key/value attribute pairs and .NET settings; not in schemas or placeholders', () => {
    const pw = gen('[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}');
    const key = gen('[A-Za-z0-9]{32}');
    const found = (path: string, text: string) => detectSecrets(path, text).map((f) => [f.rule.id, f.line, f.secret]);
    assert.deepEqual(found('settings.xml', `<server><id>x</id><password>${pw}</password></server>\n`), [['generic-password', 1, pw]]);
    assert.deepEqual(found('Web.config', `<appSettings>\n  <add key="ApiKey" value="${key}" />\n</appSettings>\n`), [['generic-secret', 2, key]]);
    assert.deepEqual(found('beans.xml', `<property name="db.password" value="${pw}"/>\n`), [['generic-password', 1, pw]]);
    assert.deepEqual(found('jdbc.xml', `<entry key="jdbc.password">${pw}</entry>\n`), [['generic-password', 1, pw]]);
    assert.deepEqual(found('App.config', `<setting name="ApiKey" serializeAs="String">\n  <value>${key}</value>\n</setting>\n`), [['generic-secret', 2, key]]);
    assert.deepEqual(found('Web.config', `<add key="TwilioAuthToken" value="${gen('[0-9a-f]{32}')}" />\n`).map((f) => f[0]), ['twilio-auth-token']);
    assert.deepEqual(found('schema.xsd', '<xs:element name="password" type="xs:string"/>\n<xs:element name="apiKey" type="xs:string"/>\n'), []);
    assert.deepEqual(found('pom.xml', '<password>${env.DEPLOY_PASSWORD}</password>\n<property name="password" value="${db.password}"/>\n<add key="ApiKey" value="YOUR_API_KEY" />\n<passwordEncoder>org.example.BCryptPasswordEncoder</passwordEncoder>\n'), []);
  });
});

describe('severity tiers', () => {
  const tierOf = (path: string, text: string) => detectSecrets(path, text).map((f) => [f.rule.id, f.severity, f.tier]);
  it('gives each finding the severity of its kind of secret: live and admin keys above test-mode keys and identifiers', () => {
    assert.deepEqual(tierOf('.env', `STRIPE_KEY=${gen('sk_live_[A-Za-z0-9]{24}')}\n`), [['stripe-secret-key', 'critical', undefined]]);
    assert.deepEqual(tierOf('.env', `STRIPE_KEY=${gen('sk_test_[A-Za-z0-9]{24}')}\n`), [['stripe-secret-key', 'low', 'test-mode key']]);
    assert.deepEqual(tierOf('a.js', `const id = "${gen('ASIA[A-Z2-7]{16}')}";\n`), [['aws-access-key-id', 'high', 'temporary (STS) credentials']]);
    assert.deepEqual(tierOf('a.js', `const k = "${gen('sk-admin-[A-Za-z0-9_-]{90}')}";\n`), [['openai-api-key', 'critical', 'admin key']]);
    assert.deepEqual(tierOf('.env', `SESSION_SECRET=${gen('[A-Za-z0-9]{40}')}\n`), [['generic-secret', 'medium', undefined]]);
    assert.deepEqual(tierOf('a.js', 'const publishable = "pk_live_51H4cKeZz9Xq2LmN4pQ7rS1tV3wX5yB9cD0eF";\n'), [], 'publishable keys are public by design');
  });

  it('refuses a tier regex with state (g or y), at setup', () => {
    const rule = { ...SECRET_RULES.find((r) => r.id === 'stripe-secret-key')!, tiers: [{ when: /^sk_test_/g, severity: 'low' as const, label: 'test' }] };
    assert.throws(() => createSecretDetector([rule]), /stripe-secret-key: a tier's regex must not have the g or y flag/);
  });
});
