import type { SecretRule, SecretSample } from '../types.js';
import { isSecretName } from '../../rules/container/dockerfile-secret-in-env.js';
import { shannonEntropy } from '../entropy.js';
import { isEnvFile } from '../paths.js';
import { TYPE_ANNOTATION } from './shared.js';
import { isPlaceholder, isRepetitive } from '../placeholders.js';

/**
 * `name = value`, `name: value`, `"name": "value"`, `name := value`, `name => value`,
 * `NAME: string = "value"`: the assignment shapes of .env, JSON, YAML, TOML, INI, properties
 * and JS/TS; and, tried first, over two lines: the `- name: X` / `value: Y` pairs of Kubernetes
 * environment lists. A value is quoted, or bare (config formats only).
 *
 * XML, tried before them: an element holding the value (`<password>v</password>`, Maven's
 * settings.xml; `<entry key="db.password">v</entry>`; .NET's `<setting name="ApiKey">` then
 * `<value>v</value>` on the next line), and a key/value attribute pair (`<add key="ApiKey"
 * value="v"/>` in web.config, Spring's `<property name="password" value="v"/>`). A plain
 * attribute, `password="v"`, is an assignment like any other.
 */
const XML_ELEMENT = String.raw`<(?<xmlTag>[A-Za-z_][\w.:-]{0,80})(?<xmlAttrs>\s[^<>]{0,300})?>\s{0,80}(?:<value>)?(?<xmlText>[^<>\s]{8,300})<\/(?:value|\k<xmlTag>)>`;
const XML_KEY_VALUE = String.raw`\b(?:key|name)\s{0,3}=\s{0,3}(?<q4>["'])(?<xmlKey>[A-Za-z_][\w.:-]{0,80})\k<q4>\s{1,40}value\s{0,3}=\s{0,3}(?<q5>["'])(?<xmlValue>[^"'\s<>]{8,300})\k<q5>`;
const ASSIGNMENT =
  `${XML_ELEMENT}|${XML_KEY_VALUE}|` +
  String.raw`\bname:\s{0,3}(?<q2>["']?)(?<envName>[A-Za-z_][\w.-]{0,80})\k<q2>\s{0,3}\r?\n\s{0,40}value:\s{0,3}(?:(?<q3>["'])(?<envQuoted>[^"'\s\\]{8,300})\k<q3>|(?<envBare>[^\s"'#]{8,300}))` +
  String.raw`|(?<![\w$.-])(?<q0>["']?)(?<name>[A-Za-z_$][\w$.-]{0,80})\k<q0>[ \t]{0,5}(?:${TYPE_ANNOTATION}|:=|=>|=|:)[ \t]{0,5}(?:(?<q1>["'\x60])(?<quoted>[^"'\x60\s\\]{8,300})\k<q1>|(?<bare>[^\s"'\x60,;#<>(){}[\]\\]{8,300}))`;

/** HTML and templates: `<input name="authenticity_token" value="...">` is a form's field, filled per session, not a committed credential. */
const MARKUP = /\.(?:html?|xhtml|[jt]sx|vue|svelte|astro|erb|ejs|hbs|handlebars|njk|twig|liquid|php|jsp|aspx|cshtml|razor)$/i;

/** In an element's attributes: the name it stands for (`<entry key="db.password">`, `<setting name="ApiKey">`). */
const XML_NAME_ATTRIBUTE = /\b(?:key|name)\s{0,3}=\s{0,3}["']([^"'<>]{1,80})["']/;

/** The name and value an XML match stands for: the element's own name, else its key or name attribute. */
function xmlNameAndValue(g: Record<string, string | undefined>): { name: string; value: string } | undefined {
  if (g.xmlKey !== undefined) return { name: g.xmlKey, value: g.xmlValue! };
  if (g.xmlTag === undefined) return undefined;
  const tag = g.xmlTag.slice(g.xmlTag.lastIndexOf(':') + 1);
  const attribute = g.xmlAttrs ? XML_NAME_ATTRIBUTE.exec(g.xmlAttrs)?.[1] : undefined;
  return { name: attribute !== undefined && secretKind(tag) === undefined ? attribute : tag, value: g.xmlText! };
}

/** Source code and prose: an unquoted value there is an expression or a word, never a literal secret. */
const CODE_OR_PROSE = /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|cs|php|swift|rs|scala|vue|svelte|astro|md|mdx|markdown|rst|txt|html?|adoc)$/i;

type SecretKind = 'password' | 'secret';

/**
 * Which kind of secret a name holds: DB_PASSWORD, dbPass and pwd are passwords; API_KEY,
 * clientSecret, authToken the rest. In .env files any *_KEY counts (STRIPE_KEY, MAPS_KEY):
 * there, names are environment variables and a key is a credential.
 */
export function secretKind(name: string, anyKey = false): SecretKind | undefined {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const last = words[words.length - 1] ?? '';
  if (/^(?:PWD|PASS|DBPASS|PASSWD|PASSWORD|PASSPHRASE)$/.test(last) || /PASSWORD$|PASSWD$/.test(last)) return 'password';
  if (anyKey && last === 'KEY') return 'secret';
  return isSecretName(name) ? 'secret' : undefined;
}

/** Values that name, describe or point to a secret instead of being one. */
const NOT_A_LITERAL: readonly RegExp[] = [
  /[^\x21-\x7e]/, // keys and tokens are printable ASCII
  /^[\p{L}_. -]+$/u, // words only: "Contraseña", "my-secret-name"
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, // CONSTANT_NAME
  /^[a-z]+(?:[A-Z][a-z0-9]+)+$/, // camelCaseIdentifier
  /^[a-z0-9_]+(?:\.[a-z0-9_]+)+$/, // dotted.i18n.key or host.name
  /^[a-z]+(?:[A-Z][a-z0-9]+)*(?:[:.][a-z]+(?:[A-Z][a-z0-9]+)*)+$/, // a setting's name: hostSettings:payloadSigningKey
  /^\d+(?:\.\d+)*[a-z]{0,2}$/i, // numbers, versions, durations: 3600, 1.2.3, 15m
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUIDs name things
  /:\/\/|^[~.]{0,2}\//, // URLs and paths (credentials in URLs have rules of their own)
  /\.(?:pem|key|crt|cer|p12|pfx|json|ya?ml|txt|env|js|ts)$/i, // file names
  /^(?:ENC\(|vault:|\$2[aby]\$\d\d\$|\$argon2|\$pbkdf2|\{SSHA\}|sha\d{1,3}[-:$])/i, // encrypted values and password hashes
  // Fixture words, for names alone carry no format to check (provider keys such as sk_test_ keep them).
  /test|mock|demo|lorem|ipsum/i,
];

function charClasses(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
}

/** A literal that could be a real credential: long enough, varied enough, not a placeholder. */
export function looksLikeSecretValue(value: string, kind: SecretKind): boolean {
  if (value.length < (kind === 'password' ? 8 : 12)) return false;
  if (isPlaceholder(value) || isRepetitive(value)) return false;
  if (NOT_A_LITERAL.some((re) => re.test(value))) return false;
  if (charClasses(value) < (kind === 'password' ? 3 : 2)) return false;
  // Random text of length n carries up to log2(n) bits per character; ask for most of that.
  return shannonEntropy(value) >= Math.min(3.5, 0.75 * Math.log2(value.length));
}

function genericRule(kind: SecretKind, rule: Omit<SecretRule, 'regex' | 'extract'>): SecretRule {
  return {
    ...rule,
    regex: new RegExp(ASSIGNMENT, 'g'),
    nextLine: true,
    skipDocExamples: true,
    extract(m, path) {
      const g = m.groups!;
      const xml = xmlNameAndValue(g);
      if (xml) return !MARKUP.test(path) && secretKind(xml.name) === kind && looksLikeSecretValue(xml.value, kind) ? xml.value : undefined;
      const name = g.name ?? g.envName;
      const unquoted = g.bare ?? g.envBare;
      const value = g.quoted ?? g.envQuoted ?? unquoted;
      if (unquoted !== undefined && CODE_OR_PROSE.test(path)) return undefined;
      if (secretKind(name, isEnvFile(path)) !== kind) return undefined;
      return looksLikeSecretValue(value, kind) ? value : undefined;
    },
  };
}

const s = (text: string, path: string): SecretSample => ({ text, path });

/** Secrets assigned to secret-sounding names, in any config format or in code. Checked last. */
export const GENERIC_RULES: readonly SecretRule[] = [
  genericRule('password', {
    id: 'generic-password',
    title: 'Hard-coded password',
    keywords: ['pass', 'pwd'],
    // No format says what it opens: medium, as for every generic high-entropy assignment.
    severity: 'medium',
    access: 'Logs in to whatever the password protects (a database, an SMTP server, an admin account) as that user.',
    rotate: 'Change the password on the system it belongs to and check that system\'s login history.',
    samples: {
      truePositives: [
        s('DB_PASSWORD={{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}}\n', '.env'),
        s('{ "database": { "user": "shop", "password": "{{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}}" } }\n', 'config/default.json'),
        s('database:\n  password: {{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}}\n', 'config.yml'),
        s('[database]\npassword = "{{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}}"\n', 'config.toml'),
        s('[smtp]\npass = {{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}}\n', 'settings.ini'),
        s('spring.datasource.password={{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}}\n', 'application.properties'),
        s('const smtp = { user: "shop", password: "{{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}}" };\n', 'src/mailer.ts'),
        s('<server>\n  <id>deploy</id>\n  <password>{{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}}</password>\n</server>\n', 'settings.xml'),
        s('<bean id="ds" class="com.zaxxer.hikari.HikariDataSource">\n  <property name="password" value="{{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}}"/>\n</bean>\n', 'src/main/resources/beans.xml'),
        s('<add name="Db" connectionString="Server=db;Database=shop;User Id=app;Password={{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}};" />\n', 'Web.config'),
        s('smtp:\n  password: |-\n    {{[A-Za-z]{6}[0-9]{3}[!#%&]{2}[A-Za-z0-9]{4}}}\n', 'config/mail.yaml'),
      ],
      falsePositives: [
        s('DB_PASSWORD=\nDB_PASSWORD_FILE=/run/secrets/db_password\n', '.env.example'),
        s('password: ${DB_PASSWORD}\n', 'config.yml'),
        s('const password = process.env.DB_PASSWORD;\nconst pwd = req.body.password;\n', 'src/db.js'),
        s('{ "password": "Contraseña", "passwordHint": "Min. 12 characters" }\n', 'locales/es.json'),
        s('password: changeme\nadmin_password: "<your password>"\n', 'docker-compose.yml'),
        s('const passwordHash = "$2b$12${{[A-Za-z0-9./]{53}}}";\n', 'test/fixtures/users.js'),
        s('if (password.length < MIN_PASSWORD_LENGTH) throw new Error("password too short");\n', 'src/auth.js'),
        s("const user = { email: 'a@b.c', password: 'Test1234!' };\nconst admin = { password: 'demo-Pass#2024' };\n", 'test/login.test.js'),
        s('<xs:element name="password" type="xs:string"/>\n<password>${env.DEPLOY_PASSWORD}</password>\n<property name="password" value="${db.password}"/>\n<password>changeme</password>\n', 'settings.xml'),
        s("const hint = 'The password must have ' +\n  'twelve characters or more.';\nconst label = 'password' + '-reset-' + 'link';\n", 'src/i18n.js'),
        s('script: |\n  echo "$DB_PASSWORD" | docker login --password-stdin\n  npm publish\n', '.github/workflows/ci.yml'),
      ],
    },
  }),
  genericRule('secret', {
    id: 'generic-secret',
    title: 'Hard-coded secret, token or API key',
    keywords: ['secret', 'token', 'apikey', 'api_key', 'api-key', 'accesskey', 'access_key', 'access-key', 'privatekey', 'private_key', 'private-key', 'signingkey', 'signing_key', 'encryptionkey', 'encryption_key', 'masterkey', 'master_key', 'auth', 'cred'],
    severity: 'medium',
    access: 'Whatever the key or token opens: an external API billed to you, a signing key that mints sessions, or an internal service.',
    rotate: 'Revoke or regenerate it where it was issued, and check that service\'s logs for its use.',
    samples: {
      truePositives: [
        s('SESSION_SECRET={{[A-Za-z0-9]{32}}}\n', '.env'),
        s('{ "payments": { "apiKey": "{{[A-Za-z0-9]{32}}}" } }\n', 'config/production.json'),
        s('service:\n  api_key: "{{[a-f0-9]{40}}}"\n', 'values.yaml'),
        s('[client]\nclient_secret = "{{[A-Za-z0-9_-]{40}}}"\n', 'config.toml'),
        s('[auth]\ntoken={{[A-Za-z0-9]{36}}}\n', 'app.ini'),
        s('mail.api.token={{[A-Za-z0-9]{30}}}\n', 'application.properties'),
        s('export const API_KEY = "{{[A-Za-z0-9]{40}}}";\n', 'src/config.ts'),
        s("app.use(session({ secret: '{{[A-Za-z0-9+/]{44}}}', resave: false }));\n", 'src/app.js'),
        s('<appSettings>\n  <add key="PaymentsApiKey" value="{{[A-Za-z0-9]{32}}}" />\n</appSettings>\n', 'Web.config'),
        s('<setting name="ApiKey" serializeAs="String">\n  <value>{{[A-Za-z0-9]{32}}}</value>\n</setting>\n', 'App.config'),
        s("export const API_KEY =\n  '{{[A-Za-z0-9]{20}}}' +\n  '{{[A-Za-z0-9]{20}}}';\n", 'src/keys.ts'),
        s('auth:\n  client_secret: >-\n    {{[A-Za-z0-9_-]{40}}}\n', 'deploy/values.yaml'),
        s('/* old setup, kept for reference:\nconst API_KEY = "{{[A-Za-z0-9]{40}}}";\n*/\n', 'src/legacy.js'),
        s('mail.api.token={{[A-Za-z0-9]{20}}}\\\n    {{[A-Za-z0-9]{20}}}\n', 'application.properties'),
      ],
      falsePositives: [
        s('{ "name": "left-pad", "integrity": "sha512-{{[A-Za-z0-9+/]{86}}}==", "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz" }\n', 'package-lock.json'),
        s('"gitHead": "{{[0-9a-f]{40}}}",\n"_id": "{{[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}}}"\n', 'node_modules/x/package.json'),
        s('const token = await getToken();\nconst apiKey = config.get("apiKey");\nheaders.Authorization = `Bearer ${token}`;\n', 'src/client.ts'),
        s('API_KEY=YOUR_API_KEY\nSECRET_KEY=xxx\nAUTH_TOKEN=<token>\nSTRIPE_KEY=${STRIPE_KEY}\n', '.env.example'),
        s('{ "tokenType": "Bearer", "secretName": "prod/payments/stripe", "csrfTokenHeader": "X-CSRF-Token" }\n', 'config.json'),
        s('const TOKEN_KEY = "AUTH_TOKEN_STORAGE_KEY";\nconst secret = "auth.errors.invalidSecret";\n', 'src/store.js'),
        s("nock('https://api.example.com').reply(200, { access_token: 'mock-access-token-123', api_key: 'test_api_key_42' });\n", 'test/api.test.ts'),
        s('sessionSecret: "{{[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}}}" # request id, not a key\n', 'fixtures.yml'),
        s('<img src="data:image/png;base64,iVBORw0KGgo{{[A-Za-z0-9+/]{200}}}+AIza{{[A-Za-z0-9_-]{35}}}+AAAA" alt="token">\n', 'public/index.html'),
        s('<xs:element name="apiKey" type="xs:string" minOccurs="0"/>\n<add key="ApiKey" value="" />\n<add key="ClientSecret" value="YOUR_CLIENT_SECRET" />\n<add key="TokenEndpoint" value="https://login.example.com/oauth2/token" />\n', 'Web.config'),
        s("const url = 'https://' + host + '/v1?token=' + token;\nconst auth = 'Bearer ' + accessToken;\nconst msg =\n  'Your session token expired. ' +\n  'Sign in again.';\n", 'src/client.js'),
        s('description: |-\n  Rotates the signing secret nightly\ntoken_audience: >\n  https://api.example.com\n', 'k8s/configmap.yaml'),
        s('<form method="post">\n  <input type="hidden" name="authenticity_token" value="{{[A-Za-z0-9+/]{86}}}==">\n</form>\n', 'test/fixtures/signup.html'),
        s('/**\n * ## Auth payload\n * ```json\n * { "github": { "id": "1234567", "access_token": "{{[A-Za-z0-9_]{40}}}" } }\n * ```\n */\nexport function validateAuthData(authData) {}\n', 'lib/Adapters/Auth/github.js'),
        s("class MailEvents {\n  static CONFIG_KEY_PAYLOAD_SIGNING_KEY = 'hostSettings:mailEventsPayloadSigningKey';\n}\n", 'core/server/services/mail-events.js'),
        s('/**\n * Signs a payload.\n * @example\n * sign(payload, { secret: "{{[A-Za-z0-9+/]{44}}}" });\n */\nexport function sign(payload, opts) {}\n', 'src/sign.ts'),
      ],
    },
  }),
];
