import { propertyName, unwrap, walk } from '../ast.js';
import { constantNode, constantString } from '../constant-values.js';
import { isFunction, keyName, nameOf } from '../identifier-words.js';
import { INSECURE_CONNECTION_PARAMETER, NODE_TLS_VARIABLE } from '../tls-verification.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, JsRuleContext, Node } from '../types.js';

/**
 * Options that switch certificate checks off, by name and the value that does it. These
 * names mean the same in every library that has them (https, tls, axios agents, got,
 * undici, pg, mysql2, mongodb, request), so any object literal or assignment counts.
 * `rejectUnauthorized` disables only when exactly `false` (Node tests `!== false`).
 */
const DISABLING_OPTIONS: Readonly<Record<string, { readonly off: boolean | '0'; readonly effect: string }>> = {
  rejectUnauthorized: { off: false, effect: 'accepts any certificate' },
  strictSSL: { off: false, effect: 'makes request accept any certificate' },
  tlsAllowInvalidCertificates: { off: true, effect: 'makes the MongoDB driver accept any certificate' },
  tlsAllowInvalidHostnames: { off: true, effect: 'makes the MongoDB driver accept a certificate for any host' },
  tlsInsecure: { off: true, effect: 'makes the MongoDB driver accept any certificate' },
  sslValidate: { off: false, effect: 'makes the MongoDB driver accept any certificate' },
  [NODE_TLS_VARIABLE]: { off: '0', effect: 'makes every TLS connection of the process accept any certificate' },
};

const CONSEQUENCE = 'anyone on the network path can impersonate the server and read or change the traffic';

function turnsOff(name: string | undefined, value: Node, context: JsRuleContext): string | undefined {
  // Own keys only: `constructor: ...` or `toString() {}` must not find Object.prototype's.
  const option = name !== undefined && Object.hasOwn(DISABLING_OPTIONS, name) ? DISABLING_OPTIONS[name] : undefined;
  if (!option) return undefined;
  if (option.off === '0') return constantString(value, context.sourceCode) === '0' ? `\`${name} = '0'\` ${option.effect}` : undefined;
  const literal = constantNode(value, context.sourceCode);
  return literal?.type === 'Literal' && literal.value === option.off ? `\`${name}: ${String(option.off)}\` ${option.effect}` : undefined;
}

/** `checkServerIdentity: () => undefined` and friends: a check that never returns an error. */
function acceptsAnyIdentity(fn: Node): boolean {
  if (!isFunction(fn)) return false;
  const body = fn.body;
  if (body.type !== 'BlockStatement') return isNullish(body);
  let rejects = false;
  walk(body, (n) => {
    if ((n.type === 'ReturnStatement' && n.argument && !isNullish(n.argument)) || n.type === 'ThrowStatement') rejects = true;
  });
  return !rejects;
}

function isNullish(node: Node): boolean {
  const n = unwrap(node);
  if (!n) return true;
  return (n.type === 'Literal' && n.value === null) || (n.type === 'Identifier' && n.name === 'undefined') || (n.type === 'UnaryExpression' && n.operator === 'void');
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'tls-verification-disabled',
    title: 'TLS certificate verification is turned off',
    practice: 7,
    cwe: 'CWE-295',
    severity: 'high',
    confidence: 'high',
    description:
      "`rejectUnauthorized: false`, NODE_TLS_REJECT_UNAUTHORIZED='0', a checkServerIdentity that accepts everything, request's `strictSSL: false`, MongoDB's `tlsAllowInvalidCertificates` and pg's `sslmode=no-verify` all make a TLS client accept any certificate. The connection is still encrypted, but to whoever answers: an attacker on the network path (a café Wi-Fi, a compromised router, a cloud neighbour) can impersonate the API or database and read or change everything, credentials included.",
    fix: 'Keep verification on. For a private or self-signed CA, pass its certificate with `ca: fs.readFileSync("ca.pem")` or NODE_EXTRA_CA_CERTS; for managed databases, use the provider\'s CA bundle.',
  },
  samples: {
    valid: [
      'const agent = new https.Agent({ rejectUnauthorized: true, ca: fs.readFileSync("ca.pem") });',
      'const pool = new Pool({ ssl: { rejectUnauthorized: process.env.NODE_ENV === "production" } });',
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";',
      'if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0") logger.warn("TLS certificate checks are off");',
      'delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;',
      `tls.connect({ host, port, checkServerIdentity: (host, cert) => {
  if (cert.fingerprint256 !== PINNED) return new Error('certificate pin mismatch');
  return tls.checkServerIdentity(host, cert);
} });`,
      'const strictSSL = config.strict; request({ url, strictSSL });',
      'const options = { rejectUnauthorized: "false" === flag ? undefined : true };',
      'const url = "postgres://app@db:5432/app?sslmode=verify-full";',
      'const client = new MongoClient(uri, { tls: true, tlsAllowInvalidCertificates: false });',
    ],
    invalid: [
      'const https = require("https"); const agent = new https.Agent({ rejectUnauthorized: false });',
      'await axios.get(url, { httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });',
      'const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });',
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";',
      'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;',
      'const socket = tls.connect({ host, port, checkServerIdentity: () => undefined });',
      'https.globalAgent.options.rejectUnauthorized = false;',
      'request({ url, strictSSL: false }, (err, res, body) => done(body));',
      'const client = new MongoClient(uri, { tls: true, tlsAllowInvalidCertificates: true });',
      'const db = knex({ client: "pg", connection: `postgres://${user}@db/app?sslmode=no-verify` });',
      'spawn("node", ["worker.js"], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: "0" } });',
      { code: 'const opts: tls.ConnectionOptions = { host, checkServerIdentity(host: string, cert: PeerCertificate) { return undefined; } };', filename: 'client.ts' },
      'const res = await superagent.get(url).disableTLSCerts();',
      'const INSECURE = false; const agent = new Agent({ connect: { rejectUnauthorized: INSECURE } });',
      { code: 'const client = got.extend({ https: { rejectUnauthorized: false, checkServerIdentity: () => {} } });', count: 2 },
    ],
  },
  create(context) {
    // Tests talk to local servers with self-signed certificates; the setting still deserves a look.
    const severity = isTestFile(context.filename) ? 'low' : undefined;
    const report = (node: Node, what: string): void => context.report({ node, severity, message: `${what}: ${CONSEQUENCE}.` });
    const checkSetting = (node: Node, name: string | undefined, value: Node): void => {
      if (name === 'checkServerIdentity' && acceptsAnyIdentity(unwrap(value) ?? value)) {
        report(node, '`checkServerIdentity` never returns an error, so any certificate is accepted for any host');
        return;
      }
      const what = turnsOff(name, value, context);
      if (what) report(node, what);
    };
    const checkString = (node: Node, text: string): void => {
      const m = INSECURE_CONNECTION_PARAMETER.exec(text);
      if (m) report(node, `The connection string sets \`${m[1]}\`, which accepts any certificate`);
    };
    return {
      Property(node) {
        if (node.parent?.type !== 'ObjectExpression') return; // not a destructuring pattern
        checkSetting(node, keyName(node.key, node.computed), node.value);
      },
      AssignmentExpression(node) {
        const left = unwrap(node.left);
        if (left?.type === 'MemberExpression') checkSetting(node, propertyName(left.property, left.computed), node.right);
      },
      CallExpression(node) {
        // superagent: request.disableTLSCerts()
        if (nameOf(node.callee) === 'disableTLSCerts' && unwrap(node.callee)?.type === 'MemberExpression') {
          report(node, '`.disableTLSCerts()` makes superagent accept any certificate');
        }
      },
      Literal(node) {
        if (typeof node.value === 'string') checkString(node, node.value);
      },
      TemplateLiteral(node) {
        checkString(node, node.quasis.map((q: Node) => q.value.cooked ?? q.value.raw).join(' ')); // a substitution ends a parameter
      },
    };
  },
};

export default rule;
