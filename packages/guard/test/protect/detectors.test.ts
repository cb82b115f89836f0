import { test } from 'node:test';
import { randomStrings } from './helpers.js';
import assert from 'node:assert/strict';
import { detectSqlInjection } from '../../src/protect/sql/detect.js';
import { tokenizeSql, type SqlDialect } from '../../src/protect/sql/tokenize.js';
import { SQL_ATTACKS, SQL_BENIGN } from '../../src/protect/sql/samples.js';
import { detectShellInjection } from '../../src/protect/shell/detect.js';
import { tokenizeShell } from '../../src/protect/shell/tokenize.js';
import { SHELL_ATTACKS, SHELL_BENIGN } from '../../src/protect/shell/samples.js';
import { detectPathTraversal, detectPathTraversalInJoin } from '../../src/protect/path/detect.js';
import { isInternalAddress, normalizeLegacyIPv4 } from '../../src/protect/ssrf/address.js';
import { join, resolve } from 'node:path';

const inputs = (value: string) => [{ value, source: 'query.q' }];

test('sql-injection: every attack sample is detected in its dialect', () => {
  for (const s of SQL_ATTACKS) {
    assert.ok(s.sql.includes(s.input), `sample is consistent: ${s.sql}`);
    const r = detectSqlInjection(s.sql, inputs(s.input), s.dialect);
    assert.equal(r.attack, true, `missed (${s.dialect}): ${s.sql}`);
  }
});

test('sql-injection: no benign sample is flagged', () => {
  for (const s of SQL_BENIGN) {
    assert.ok(s.sql.includes(s.input), `sample is consistent: ${s.sql}`);
    const r = detectSqlInjection(s.sql, inputs(s.input), s.dialect);
    assert.equal(r.attack, false, `false alarm (${s.dialect}): ${s.sql}`);
  }
});

test('sql-injection: dialect rules decide (backslash escapes, dollar quotes, nested comments)', () => {
  // MySQL reads \' as an escaped quote: the input stays inside the literal.
  assert.equal(detectSqlInjection("SELECT 'a\\' b'", inputs("a\\' b"), 'mysql').attack, false);
  // In SQLite the backslash is plain text, the quote closes the literal and ` b` is SQL.
  assert.equal(detectSqlInjection("SELECT 'a\\' b'", inputs("a\\' b"), 'sqlite').attack, true);
  // PostgreSQL with standard_conforming_strings off behaves like MySQL.
  assert.equal(detectSqlInjection("SELECT 'a\\' b'", inputs("a\\' b"), 'postgres', { standardConformingStrings: false }).attack, false);
  assert.equal(detectSqlInjection("SELECT 'a\\' b'", inputs("a\\' b"), 'postgres').attack, true);
  // PostgreSQL block comments nest; MySQL's do not.
  const t = tokenizeSql('/* a /* b */ c */ SELECT', 'postgres');
  assert.equal(t[0]!.kind, 'comment');
  assert.equal(t[0]!.end, '/* a /* b */ c */'.length);
  assert.equal(tokenizeSql('/* a /* b */ c */', 'mysql')[0]!.end, '/* a /* b */'.length);
  // MySQL needs a blank after -- for a comment.
  assert.notEqual(tokenizeSql('1--1', 'mysql').find((x) => x.kind === 'comment')?.kind, 'comment');
  assert.equal(tokenizeSql('$tag$ it\'s $$ $tag$', 'postgres')[0]!.kind, 'string');
});

test('sql-injection: parameter values never reach the text, so they are never flagged', () => {
  assert.equal(detectSqlInjection('SELECT * FROM users WHERE name = $1', inputs("' OR '1'='1"), 'postgres').attack, false);
  assert.equal(detectSqlInjection('SELECT * FROM users WHERE name = ?', inputs("' OR '1'='1"), 'mysql').attack, false);
});

const SQL_ALPHABET = "'\"`$\\-/*#;()[]{}:?@ \n\tEeXxUu&01aZ_.,=<>|!~%^";

test('sql tokenizers: random and mutated inputs never throw and tokens cover the text exactly once', () => {
  const seeds = [...SQL_ATTACKS, ...SQL_BENIGN].map((s) => s.sql);
  let cases = 0;
  for (const dialect of ['postgres', 'mysql', 'sqlite'] as SqlDialect[]) {
    const mutated = [...randomStrings(7, 3000, SQL_ALPHABET, 80)];
    for (const base of seeds) for (const noise of randomStrings(base.length, 20, SQL_ALPHABET, 6)) mutated.push(base.slice(0, noise.length * 3) + noise + base.slice(noise.length * 3));
    for (const sql of mutated) {
      const tokens = tokenizeSql(sql, dialect);
      let pos = 0;
      for (const t of tokens) {
        assert.equal(t.start, pos, `gap or overlap at ${pos} in ${JSON.stringify(sql)}`);
        assert.ok(t.end > t.start);
        pos = t.end;
      }
      assert.equal(pos, sql.length, `tokens do not reach the end of ${JSON.stringify(sql)}`);
      detectSqlInjection(sql, inputs(sql.slice(1, 9)), dialect);
      cases++;
    }
  }
  assert.ok(cases > 9000);
});

test('shell-injection: attack samples detected, benign samples pass', () => {
  for (const s of SHELL_ATTACKS) assert.equal(detectShellInjection(s.command, inputs(s.input)).attack, true, `missed: ${s.command}`);
  for (const s of SHELL_BENIGN) assert.equal(detectShellInjection(s.command, inputs(s.input)).attack, false, `false alarm: ${s.command}`);
});

test('shell tokenizer: random inputs never throw and tokens cover the text', () => {
  for (const cmd of randomStrings(11, 5000, "'\"`$(){}\\;&|<> \n#aZ09-_.*", 80)) {
    const tokens = tokenizeShell(cmd);
    let pos = 0;
    for (const t of tokens) {
      assert.equal(t.start, pos, `gap at ${pos} in ${JSON.stringify(cmd)}`);
      pos = t.end;
    }
    assert.equal(pos, cmd.length, JSON.stringify(cmd));
  }
});

test('path-traversal: .. segments and absolute paths that escape, null bytes, encoded forms', () => {
  const base = resolve('/srv/app/files');
  assert.equal(detectPathTraversal(`${base}/../../../etc/passwd`, inputs('../../../etc/passwd')).attack, true);
  assert.equal(detectPathTraversal('/etc/passwd', inputs('/etc/passwd')).attack, true);
  assert.equal(detectPathTraversal(`${base}/a.txt\0.png`, inputs('a.txt\0.png')).attack, true);
  assert.equal(detectPathTraversal(`${base}/../secret`, inputs('%2e%2e%2fsecret'.replace('%2e%2e%2f', '../'))).attack, true);
  assert.equal(detectPathTraversal(`${base}/../secret`, inputs('%2e%2e/secret')).attack, true, 'an input the app decodes again');
  assert.equal(detectPathTraversal(`${base}/docs/a..b.txt`, inputs('docs/a..b.txt')).attack, false);
  assert.equal(detectPathTraversal(`${base}/docs/../b.txt`, inputs('docs/../b.txt')).attack, false, 'stays inside');
  assert.equal(detectPathTraversal(`${base}/report.pdf`, inputs('report.pdf')).attack, false);
  assert.equal(detectPathTraversalInJoin([base, '../../etc/passwd'], join, inputs('../../etc/passwd')).attack, true);
  assert.equal(detectPathTraversalInJoin([base, 'a/../b.txt'], join, inputs('a/../b.txt')).attack, false);
  assert.equal(detectPathTraversalInJoin([base, '/etc/passwd'], resolve, inputs('/etc/passwd')).attack, true);
  assert.equal(detectPathTraversalInJoin([base, '/etc/passwd'], join, inputs('/etc/passwd')).attack, false, 'join keeps it under base');
});

test('ssrf: internal address ranges in every spelling', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '::', 'fd00:ec2::254', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '[::1]', 'fc00::1']) {
    assert.equal(isInternalAddress(a), true, a);
  }
  for (const a of ['8.8.8.8', '93.184.216.34', '2606:4700::1111', '172.32.0.1', '::ffff:8.8.8.8']) assert.equal(isInternalAddress(a), false, a);
  assert.equal(normalizeLegacyIPv4('2130706433'), '127.0.0.1');
  assert.equal(normalizeLegacyIPv4('0x7f.1'), '127.0.0.1');
  assert.equal(normalizeLegacyIPv4('017700000001'), '127.0.0.1');
  assert.equal(normalizeLegacyIPv4('example.com'), undefined);
});

test('prototype-pollution and reflected-xss detectors: attack and benign samples', async () => {
  const { detectPrototypePollution } = await import('../../src/protect/prototype-pollution/detect.js');
  const { detectReflectedXss } = await import('../../src/protect/xss/detect.js');
  const key = (value: string, source: string) => [{ value, source }];
  assert.equal(detectPrototypePollution(key('__proto__', 'body key')).attack, true);
  assert.equal(detectPrototypePollution(key('__proto__[isAdmin]', 'query key')).attack, true);
  assert.equal(detectPrototypePollution(key('constructor[prototype][x]', 'query key')).attack, true);
  assert.equal(detectPrototypePollution(key('prototype', 'body.a.constructor key')).attack, true);
  assert.equal(detectPrototypePollution(key('prototype', 'body.docs key')).attack, false);
  assert.equal(detectPrototypePollution(key('__proto__', 'query.q')).attack, false, 'a value, not a key');
  assert.equal(detectPrototypePollution(key('constructorName', 'body key')).attack, false);
  const html = (v: string) => `<p>${v}</p>`;
  for (const v of ['<script>x</script>', '<img src=x onerror=alert(1)>', '" onmouseover="alert(1)', 'javascript:alert(1)', '<svg/onload=alert(1)>']) {
    assert.equal(detectReflectedXss(html(v), inputs(v)).attack, true, v);
  }
  for (const v of ['I <3 cats', '1 < 2 and 3 > 2', 'onion=good', 'see http://example.com']) {
    assert.equal(detectReflectedXss(html(v), inputs(v)).attack, false, v);
  }
  assert.equal(detectReflectedXss('<p>&lt;script&gt;</p>', inputs('<script>')).attack, false, 'escaped output is safe');
});

test('nosql-injection: operator objects and $where/$regex strings from the client, not the app', async () => {
  const { detectNoSqlInjection } = await import('../../src/protect/nosql/detect.js');
  // JSON body {"user":"admin","password":{"$ne":null}} used as the filter's values.
  const body = JSON.parse('{"user":"admin","password":{"$ne":null}}') as { user: string; password: unknown };
  assert.equal(detectNoSqlInjection({ user: body.user, password: body.password }, [body]).attack, true);
  // A copy of the client's object (spread, structuredClone) is caught by shape.
  assert.equal(detectNoSqlInjection({ password: { ...(body.password as object) } }, [body]).attack, true);
  // qs brackets: password[$gt]= gives { password: { $gt: '' } }.
  const query = { password: { $gt: '' } };
  assert.equal(detectNoSqlInjection({ password: query.password }, [query]).attack, true);
  const where = { q: 'sleep(5000) || true' };
  assert.equal(detectNoSqlInjection({ $where: where.q }, [where]).attack, true);
  const search = { q: '^(a+)+$' };
  assert.equal(detectNoSqlInjection({ name: { $regex: search.q } }, [search]).attack, true);
  // Benign: the app's own operators around client strings, plain-text search, nested JSON data.
  const ok = { user: 'admin', password: 'hunter2', q: 'shoes', profile: { city: 'Paris', tags: ['a', 'b'] } };
  assert.equal(detectNoSqlInjection({ user: ok.user, age: { $gt: 18 } }, [ok]).attack, false);
  assert.equal(detectNoSqlInjection({ name: { $regex: ok.q, $options: 'i' } }, [ok]).attack, false);
  assert.equal(detectNoSqlInjection({ profile: ok.profile }, [ok]).attack, false);
  assert.equal(detectNoSqlInjection({ $or: [{ a: ok.user }, { b: ok.q }] }, [ok]).attack, false);
});

test('mongodb sink hook: a driver-shaped Collection is blocked in a request context (no MongoDB server here)', async () => {
  const { MONGODB_SINK } = await import('../../src/protect/sinks/nosql.js');
  const { runWithContext } = await import('../../src/protect/context.js');
  const { setActiveOptions } = await import('../../src/protect/check.js');
  const { resolveProtectOptions } = await import('../../src/protect/options.js');
  const { onDetection } = await import('../../src/protect/events.js');
  const { AttackBlockedError } = await import('../../src/protect/attack.js');
  class Collection {
    findOne(filter: unknown) {
      return filter;
    }
  }
  MONGODB_SINK.install({ Collection });
  setActiveOptions(resolveProtectOptions({ log: false }));
  const seen: string[] = [];
  const off = onDetection((e) => seen.push(`${e.rule}:${e.attack?.sink}`));
  const body = JSON.parse('{"user":"admin","password":{"$ne":null}}') as { user: string; password: unknown };
  const req = { url: '/login', method: 'POST', headers: {}, body, socket: {} } as never;
  const ctx = { req, requestId: 'r1', explicit: {} };
  try {
    // findOne returns a promise in the driver: a block is a rejected promise, not a throw.
    await assert.rejects(runWithContext(ctx, () => new Collection().findOne({ user: body.user, password: body.password })) as Promise<unknown>, AttackBlockedError);
    assert.deepEqual(seen, ['nosql-injection:mongodb.findOne']);
    const plain = { ...body, password: 'hunter2' };
    const ctx2 = { req: { ...(req as object), body: plain } as never, requestId: 'r2', explicit: {} };
    assert.deepEqual(runWithContext(ctx2, () => new Collection().findOne({ user: plain.user, password: plain.password })), { user: 'admin', password: 'hunter2' });
  } finally {
    off();
  }
});
