import { summarize } from '../../src/report.js';
import { withFingerprints, type FindingInput, type RuleMeta } from '../../src/finding.js';
import type { Report, ScanWarning, SkippedFile } from '../../src/report.js';

// A report as a scan of a small Express app would produce it: several practices, one
// finding with a data-flow trace, one whose message and snippet are hostile, a rule that
// ran and found nothing, warnings, and more skipped entries than the terminal lists.

export const HOSTILE = '</script><img src=x onerror=alert(1)>';

export const RULES: RuleMeta[] = [
  {
    id: 'sql-injection',
    title: 'SQL built from request data',
    practice: 1,
    cwe: 'CWE-89',
    severity: 'critical',
    confidence: 'high',
    description: 'Request data reaches a SQL query built by string concatenation, so a caller can change the query.',
    fix: "Use a parameterised query: db.query('SELECT ... WHERE id = ?', [id]).",
  },
  {
    id: 'command-injection',
    title: 'Shell command built from request data',
    practice: 1,
    cwe: 'CWE-78',
    severity: 'high',
    confidence: 'medium',
    description: 'Request data reaches a shell command.',
    fix: 'Use execFile with an argument array instead of exec with a string.',
  },
  {
    id: 'weak-password-hash',
    title: 'Passwords hashed with a fast hash',
    practice: 2,
    cwe: 'CWE-916',
    severity: 'high',
    confidence: 'high',
    description: 'MD5 and SHA hashes are fast to brute-force.',
    fix: 'Use argon2id or scrypt.',
  },
  {
    id: 'error-stack-in-response',
    title: 'Error details sent to the client',
    practice: 3,
    cwe: 'CWE-209',
    severity: 'low',
    confidence: 'medium',
    description: 'Stack traces tell an attacker about the code.',
    fix: 'Send a generic message and log the details.',
  },
  {
    id: 'no-login-failure-logging',
    title: 'Failed logins are not logged',
    practice: 6,
    cwe: 'CWE-778',
    severity: 'info',
    confidence: 'low',
    description: 'Without a log of failed logins, brute force goes unnoticed.',
    fix: 'Log failed logins with the user id and source address, never the password.',
  },
  {
    id: 'no-eval',
    title: 'eval() of dynamic code',
    practice: 7,
    cwe: 'CWE-95',
    severity: 'high',
    confidence: 'high',
    description: 'eval runs any string as code.',
    fix: 'Parse the input (JSON.parse) or use a lookup table instead of eval.',
  },
  {
    id: 'hardcoded-secret',
    title: 'Secret in source code',
    practice: 8,
    cwe: 'CWE-798',
    severity: 'high',
    confidence: 'high',
    description: 'A key in the repository is a key for everyone who can read it.',
    fix: 'Read it from the environment or a secret manager, and rotate this one.',
  },
  {
    id: 'missing-security-headers',
    title: 'No security headers middleware',
    practice: 9,
    cwe: 'CWE-693',
    severity: 'medium',
    confidence: 'medium',
    description: 'Without helmet or equivalent headers the browser protections stay off.',
    fix: 'app.use(rampart()) or app.use(helmet()).',
  },
  {
    id: 'dockerfile-runs-as-root',
    title: 'Container runs as root',
    practice: 10,
    cwe: 'CWE-250',
    severity: 'medium',
    confidence: 'high',
    description: 'A process that runs as root turns any code execution into root on the container.',
    fix: 'Add USER node (or another unprivileged user) before CMD.',
  },
];

function meta(id: string): Pick<FindingInput, 'ruleId' | 'practice' | 'cwe' | 'severity' | 'confidence' | 'fix'> {
  const r = RULES.find((x) => x.id === id);
  if (!r) throw new Error(`sample: no rule ${id}`);
  return { ruleId: r.id, practice: r.practice, cwe: r.cwe, severity: r.severity, confidence: r.confidence, fix: r.fix };
}

export const INPUTS: FindingInput[] = [
  {
    ...meta('hardcoded-secret'),
    file: 'config/default.js',
    line: 5,
    column: 11,
    endLine: 5,
    endColumn: 43,
    message: 'A Stripe live key is committed in the source.',
    // Secret findings never carry the secret: 4 characters and the length.
    snippet: "  stripeKey: 'sk_l…(32 chars)',",
    type: 'stripe-secret-key',
    // As `rampart secrets scan --history` reports it: the commit that added the line.
    commit: { sha: '3f9a1c2e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39', date: '2024-03-01T10:20:30+01:00' },
  },
  {
    ...meta('sql-injection'),
    file: 'src/routes/users.js',
    line: 14,
    column: 18,
    endLine: 14,
    endColumn: 62,
    message: 'req.query.id reaches db.query() through string concatenation.',
    snippet: '    const rows = await db.query("SELECT * FROM users WHERE id = " + id);\n    res.json(rows);',
    trace: {
      source: { file: 'src/routes/users.js', line: 11, column: 16, endLine: 11, endColumn: 28, label: 'req.query.id enters the handler' },
      steps: [{ file: 'src/routes/users.js', line: 11, column: 9, endLine: 11, endColumn: 11, label: 'assigned to `id`' }],
      sink: { file: 'src/routes/users.js', line: 14, column: 18, endLine: 14, endColumn: 62, label: 'concatenated into the SQL passed to db.query()' },
    },
  },
  {
    ...meta('command-injection'),
    file: 'src/jobs/convert.js',
    line: 22,
    column: 5,
    endLine: 22,
    endColumn: 48,
    message: 'req.body.name reaches child_process.exec().',
    snippet: 'exec(`convert ${req.body.name} out.png`);',
  },
  {
    ...meta('no-eval'),
    file: 'src/utils/calc.js',
    line: 3,
    column: 10,
    endLine: 3,
    endColumn: 21,
    message: 'eval() runs a string built at run time.',
    snippet: 'return eval(expr);',
  },
  {
    ...meta('missing-security-headers'),
    file: 'src/app.js',
    line: 4,
    column: 13,
    endLine: 4,
    endColumn: 22,
    message: 'The Express app sets no security headers.',
    snippet: 'const app = express();',
  },
  {
    ...meta('dockerfile-runs-as-root'),
    file: 'Dockerfile',
    line: 9,
    column: 1,
    endLine: 9,
    endColumn: 24,
    message: 'No USER instruction: the container runs as root.',
    snippet: 'CMD ["node", "server.js"]',
  },
  {
    ...meta('no-login-failure-logging'),
    file: 'src/routes/login.js',
    line: 30,
    column: 5,
    endLine: 30,
    endColumn: 40,
    message: 'A failed login returns 401 without a log line.',
    snippet: "return res.status(401).send('nope');",
  },
  {
    // Scanned code is untrusted: this message and snippet try to break out of the HTML
    // report and to repaint the terminal (ESC) and reorder code (a bidi override).
    ...meta('error-stack-in-response'),
    file: 'src/errors.js',
    line: 7,
    column: 3,
    endLine: 7,
    endColumn: 30,
    message: `err.stack is sent to the client ${HOSTILE}`,
    snippet: `res.send(err.stack + "${HOSTILE}"); // \u001b[2J\u001b[31mcleared\u202e evil`,
  },
];

export const WARNINGS: ScanWarning[] = [
  { kind: 'unused-suppression', file: 'src/app.js', line: 2, message: 'rampart-disable-next-line no-eval suppresses nothing' },
  { kind: 'parse-error', file: 'src/legacy/broken.js', line: 12, column: 8, message: 'Unexpected token (12:8)' },
];

export const SKIPPED: SkippedFile[] = [
  { file: 'node_modules/', reason: 'ignored-dir', detail: 'installed or generated code' },
  { file: 'dist/app.min.js', reason: 'minified' },
  { file: 'public/logo.png', reason: 'binary' },
  { file: 'data/dump.json', reason: 'too-large', detail: '12 MB, limit 1 MB' },
  ...Array.from({ length: 12 }, (_, i): SkippedFile => ({ file: `vendor/lib${String(i).padStart(2, '0')}.min.js`, reason: 'minified' })),
];

export function sampleReport(overrides: Partial<Report> = {}): Report {
  const findings = withFingerprints(INPUTS);
  return {
    tool: { name: 'rampart', version: '0.1.0' },
    root: '/home/dev/shop api',
    findings,
    rules: RULES,
    skipped: SKIPPED,
    warnings: WARNINGS,
    summary: summarize(findings, { filesScanned: 42, filesSkipped: SKIPPED.length, baselined: 2, suppressed: 1, durationMs: 1234 }),
    ...overrides,
  };
}

/** A scan that ran its rules and found nothing, skipped nothing and warned about nothing. */
export function cleanReport(): Report {
  return sampleReport({
    findings: [],
    skipped: [],
    warnings: [],
    summary: summarize([], { filesScanned: 7, filesSkipped: 0, baselined: 0, suppressed: 0, durationMs: 85 }),
  });
}

// A vulnerable-dependency finding (practice 4) carries the optional dependency fields.
export const DEPENDENCY_FINDING = withFingerprints([
  {
    ruleId: 'vulnerable-dependency',
    practice: 4,
    cwe: 'CWE-1321',
    severity: 'high',
    confidence: 'high',
    message: 'lodash@4.17.15: Prototype Pollution in lodash (GHSA-p6mc-m468-83gw, CVE-2020-8203); fixed in 4.17.19',
    file: 'package-lock.json',
    line: 120,
    column: 5,
    endLine: 120,
    endColumn: 28,
    snippet: '"node_modules/lodash": {',
    fix: 'Upgrade lodash from 4.17.15 to 4.17.19 or later.',
    package: 'lodash',
    version: '4.17.15',
    advisoryId: 'GHSA-p6mc-m468-83gw',
    aliases: ['CVE-2020-8203'],
    dependency: {
      summary: 'Prototype Pollution in lodash',
      score: 7.4,
      cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H',
      fixedVersion: '4.17.19',
      upgrade: { package: 'lodash', from: '4.17.15', to: '4.17.19' },
      paths: ['lodash'],
      devOnly: false,
      url: 'https://github.com/advisories/GHSA-p6mc-m468-83gw',
    },
  },
])[0]!;
