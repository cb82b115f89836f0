import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, scan, validateConfig, KNOWN_RULE_IDS } from '@rampart/scan';
import { project, scanTaint } from './helpers.js';

describe('taint tables extended in the config', () => {
  it('a user source, sink and sanitizer take part in the analysis', async () => {
    const config = {
      taint: {
        sources: [{ property: 'rawInput' }, { global: 'Deno.args' }],
        sinks: [
          { class: 'sql-injection', method: 'unsafeQuery', receiver: '^store$' },
          { class: 'command-injection', module: 'my-shell', function: 'run' },
        ],
        sanitizers: [{ function: 'cleanSql', classes: ['sql-injection'] }, { method: 'isKnownHost', guard: true, classes: 'all' }],
      },
    };
    const r = await scanTaint({
      'rampart.config.json': JSON.stringify(config),
      'app.js': `const { run } = require('my-shell');
app.get('/a', (req, res) => store.unsafeQuery('SELECT ' + req.rawInput));
app.get('/b', (req, res) => store.unsafeQuery('SELECT ' + cleanSql(req.rawInput)));
app.get('/c', (req, res) => run('ping ' + req.query.host));
app.get('/d', (req, res) => { if (hosts.isKnownHost(req.query.host)) run('ping ' + req.query.host); });
run('echo ' + Deno.args[0]);
`,
    });
    assert.deepEqual(r.taint.map((f) => `${f.ruleId}@${f.line}`).sort(), ['command-injection@4', 'command-injection@6', 'sql-injection@2']);
  });

  const invalid: [unknown, RegExp][] = [
    [{ sinks: [{ class: 'sqli', method: 'q' }] }, /taint\.sinks\[0\]\.class must be one of: sql-injection/],
    [{ sinks: [{ class: 'xss' }] }, /taint\.sinks\[0\] needs "function"/],
    [{ sinks: [{ class: 'xss', method: 'a', function: 'b' }] }, /not both/],
    [{ sinks: [{ class: 'xss', method: 'a', receiver: '(' }] }, /receiver is not a valid regular expression/],
    [{ sinks: [{ class: 'xss', method: 'a', args: ['0'] }] }, /args must be an array of argument positions/],
    [{ sources: [{ property: 'a', global: 'b' }] }, /exactly one of "property"/],
    [{ sources: [{ prop: 'a' }] }, /unknown key "prop"/],
    [{ sanitizers: [{ function: 'f', classes: ['nope'] }] }, /classes must be "all" or a list of classes/],
    [{ sanitisers: [] }, /unknown key "sanitisers"/],
    [[], /"taint" must be an object/],
  ];
  for (const [taint, message] of invalid) {
    it(`rejects ${JSON.stringify(taint)} with an error that names the entry`, () => {
      assert.throws(() => validateConfig({ taint }, 'rampart.config.json', KNOWN_RULE_IDS), (err: Error) => err instanceof ConfigError && message.test(err.message) && err.message.startsWith('rampart.config.json: '));
    });
  }
});

describe('taint analysis on hostile input', () => {
  it('a huge generated file exhausts the step budget and is listed as skipped, the scan goes on', async () => {
    const lines = ['app.get("/", (req, res) => {', '  let v0 = req.query.a;'];
    for (let i = 1; i < 90_000; i++) lines.push(`  let v${i} = v${i - 1} + f(v${i - 1});`);
    lines.push('  eval(v89999);', '});');
    const report = await scan(project({ 'rampart.config.json': '{ "maxFileSize": 8000000 }', 'gen.js': lines.join('\n'), 'ok.js': "app.get('/', (req, res) => eval(req.query.x));\n" }), { workers: 0 });
    const skipped = report.skipped.find((s) => s.file === 'gen.js');
    assert.equal(skipped?.reason, 'analysis-budget');
    assert.match(skipped!.detail!, /taint analysis stopped/);
    assert.deepEqual(report.findings.filter((f) => f.ruleId === 'code-injection').map((f) => f.file), ['ok.js']);
  });

  it('deep nesting, long concatenations and self-referencing code neither crash nor hang', async () => {
    const deepCall = `${'f('.repeat(3000)}req.query.x${')'.repeat(3000)}`;
    const longConcat = Array.from({ length: 20_000 }, (_, i) => `'p${i}'`).join(' +\n');
    const r = await scanTaint({
      'deep.js': `app.get('/', (req, res) => eval(${deepCall}));\n`,
      'concat.js': `app.get('/', (req, res) => eval(${longConcat} + req.query.x));\n`,
      'loops.js': `app.get('/', (req, res) => {\n  let x = req.query.x;\n${'  for (;;) {\n'.repeat(40)}  x = x + 1;\n${'  }\n'.repeat(40)}  eval(x);\n});\n`,
      'self.js': 'function a(x) { return b(x); }\nfunction b(x) { return a(x); }\napp.get("/", (req, res) => eval(a(req.query.x)));\n',
    });
    assert.ok(r.taint.some((f) => f.file === 'concat.js' && f.ruleId === 'code-injection'));
    assert.ok(r.taint.some((f) => f.file === 'loops.js' && f.ruleId === 'code-injection'));
  });
});
