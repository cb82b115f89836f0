import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SecurityEvent } from '@rampart/core';
import { MemorySink, PostgresSink, RedisStreamSink } from '@rampart/guard';
import { authEvent, createAuth, type AuthEventRule } from '@rampart/auth';
import { AUTH_LOGIN_RULES, CONTENT_SECURITY_POLICY, type Aggregates, memorySource, postgresSource, redisStreamSource, startDashboard } from '@rampart/dashboard';

const TOKEN = 'test-token-0123456789abcdef';

function event(over: Partial<SecurityEvent> = {}): SecurityEvent {
  return { id: randomUUID(), time: new Date().toISOString(), kind: 'attack', practice: 1, rule: 'sql-injection', action: 'blocked', severity: 'high', message: 'SQL injection blocked', ip: '10.0.0.1', method: 'GET', route: '/orders/:id', requestId: 'req-1', attack: { payload: "1' OR 1=1--", source: 'query.id', sink: 'pg.query', frame: 'src/orders.ts:12:5' }, ...over };
}

async function get(url: string, token: string | undefined = TOKEN): Promise<Response> {
  return fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe('dashboard over a memory sink', () => {
  const sink = new MemorySink();
  let base: string;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'rampart-dash-'));
  const reportFile = join(dir, 'report.json');
  before(async () => {
    sink.write(event({ time: '2026-01-01T10:00:05.000Z' }));
    sink.write(event({ rule: 'xss', route: '/search', ip: '10.0.0.2', time: '2026-01-01T10:01:10.000Z' }));
    sink.write(event({ kind: 'rate-limit', practice: 3, rule: 'rate-limit-ip', action: 'limited', ip: '10.0.0.3', attack: undefined }));
    sink.write(authEvent('login-failure', 'rejected', 'low', 'login failed: mismatch', { ip: '10.0.0.1' }));
    sink.write(authEvent('login-throttled', 'limited', 'medium', 'login refused: pair-locked', { ip: '10.0.0.1' }));
    sink.write(event({ kind: 'error', practice: 3, rule: 'unhandled-error', action: 'logged', route: '/boom', attack: undefined }));
    writeFileSync(reportFile, JSON.stringify({ root: '/app', findings: [
      { ruleId: 'sql-injection', practice: 1, severity: 'critical', file: 'a.js', line: 3, message: 'SQL built from input', snippet: 'db.query(q)' },
      { ruleId: 'hardcoded-secret', practice: 8, severity: 'high', file: 'config.js', line: 1, message: 'AWS key', snippet: 'AKIAIOSFODNN7EXAMPLE' },
      { ruleId: 'vulnerable-dependency', practice: 4, severity: 'medium', file: 'package-lock.json', line: 1, message: 'lodash 4.17.15' },
    ] }));
    const d = await startDashboard({ source: sink, token: TOKEN, report: reportFile, port: 0, pollMs: 50 });
    base = d.url;
    close = d.close;
  });
  after(() => close());

  test('serves the page with a strict CSP and no inline script or style', async () => {
    const res = await get(base, '');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const html = await res.text();
    for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
      assert.match(m[0], /\bsrc="/, 'every script is external');
      assert.equal(m[1].trim(), '');
    }
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
    const js = await get(`${base}vendor/uPlot.iife.min.js`, '');
    assert.equal(js.status, 200);
    assert.match(await js.text(), /uPlot/);
    const app = await (await get(`${base}app.js`, '')).text();
    assert.doesNotMatch(app, /innerHTML|insertAdjacentHTML|document\.write/);
  });

  test('APIs need the token, compared exactly', async () => {
    assert.equal((await get(`${base}api/events`, '')).status, 401);
    assert.equal((await get(`${base}api/events`, `${TOKEN}x`)).status, 401);
    assert.equal((await get(`${base}api/events`, TOKEN.slice(0, -1))).status, 401);
    assert.equal((await get(`${base}api/stream`, 'wrong')).status, 401);
    assert.equal((await get(`${base}api/events`)).status, 200);
  });

  test('lists events newest first, with filters', async () => {
    const all = (await (await get(`${base}api/events`)).json()) as { events: SecurityEvent[] };
    assert.equal(all.events.length, 6);
    assert.equal(all.events[0].rule, 'unhandled-error');
    const xss = (await (await get(`${base}api/events?rule=xss`)).json()) as { events: SecurityEvent[] };
    assert.deepEqual(xss.events.map((e) => e.route), ['/search']);
    const auth = (await (await get(`${base}api/events?kind=auth&practice=2`)).json()) as { events: SecurityEvent[] };
    assert.deepEqual(auth.events.map((e) => e.rule).sort(), ['login-failure', 'login-throttled']);
    const byIp = (await (await get(`${base}api/events?ip=10.0.0.3&action=limited`)).json()) as { events: SecurityEvent[] };
    assert.equal(byIp.events.length, 1);
    const window = (await (await get(`${base}api/events?since=2026-01-01T10:00:00Z&until=2026-01-01T10:00:59Z`)).json()) as { events: SecurityEvent[] };
    assert.deepEqual(window.events.map((e) => e.rule), ['sql-injection']);
    assert.equal((await get(`${base}api/events?kind=bogus`)).status, 400);
    assert.equal((await get(`${base}api/events?practice=12`)).status, 400);
    assert.equal((await get(`${base}api/events?since=yesterday`)).status, 400);
  });

  test('aggregates attacks, rate limits, logins and errors by time bucket', async () => {
    const agg = (await (await get(`${base}api/aggregates?bucket=60`)).json()) as Aggregates;
    assert.equal(agg.attacksBlocked.total, 2);
    assert.deepEqual(agg.attacksBlocked.byRule, { 'sql-injection': 1, xss: 1 });
    assert.deepEqual(agg.attacksBlocked.byIp, { '10.0.0.1': 1, '10.0.0.2': 1 });
    assert.equal(agg.rateLimit.total, 1);
    assert.equal(agg.auth.failures, 1);
    assert.equal(agg.auth.lockouts, 1);
    assert.deepEqual(agg.errors.byRoute, { '/boom': 1 });
    const t0 = Date.parse('2026-01-01T10:00:00Z') / 1000;
    assert.deepEqual(agg.series.slice(0, 2).map((b: { t: number; attacksBlocked: number }) => [b.t, b.attacksBlocked]), [[t0, 1], [t0 + 60, 1]]);
    assert.equal((await get(`${base}api/aggregates?bucket=0`)).status, 400);
  });

  test('drill-down returns one event with payload, sink, frame and request id', async () => {
    const { events } = (await (await get(`${base}api/events?rule=sql-injection`)).json()) as { events: SecurityEvent[] };
    const res = await get(`${base}api/events/${encodeURIComponent(events[0].id)}`);
    const { event: one } = (await res.json()) as { event: SecurityEvent };
    assert.equal(one.attack?.sink, 'pg.query');
    assert.equal(one.attack?.frame, 'src/orders.ts:12:5');
    assert.equal(one.requestId, 'req-1');
    assert.equal((await get(`${base}api/events/nope`)).status, 404);
  });

  test('scan report: a score per practice, dependencies, secrets without their value', async () => {
    const body = await (await get(`${base}api/report`)).text();
    assert.doesNotMatch(body, /AKIAIOSFODNN7EXAMPLE/);
    const r = JSON.parse(body);
    assert.equal(r.practices.length, 11);
    assert.equal(r.practices[0].score, 60);
    assert.equal(r.practices[7].score, 80);
    assert.equal(r.practices[4].score, 100);
    assert.equal(r.dependencies[0].message, 'lodash 4.17.15');
    assert.equal(r.secrets[0].file, 'config.js');
  });

  test('the live stream delivers a newly written event', async () => {
    const ac = new AbortController();
    const res = await fetch(`${base}api/stream`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: ac.signal });
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read();
    const fresh = event({ rule: 'path-traversal', message: 'traversal blocked' });
    sink.write(fresh);
    let text = '';
    while (!text.includes(fresh.id)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    ac.abort();
    assert.match(text, /event: events\n/);
    assert.ok(text.includes(fresh.id));
  });
});

describe('login failures and lockouts count what @rampart/auth emits', () => {
  test('the counted rules are auth event rules (a rename in @rampart/auth breaks this build)', () => {
    const rules: readonly AuthEventRule[] = ['login-failure', 'second-factor-failure', 'login-throttled'] satisfies AuthEventRule[];
    assert.deepEqual([...AUTH_LOGIN_RULES], rules);
  });

  test('real logins: wrong passwords are failures, refusals by the lock are lockouts, the rest neither', async () => {
    const sink = new MemorySink();
    const auth = createAuth({ findUser: async (name) => users.get(name), onEvent: (e) => sink.write(e) });
    const users = new Map([['alice', { id: 'u1', passwordHash: await auth.passwords.hash('right-password-123') }]]);
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await auth.login({ username: i === 3 ? 'nobody' : 'alice', password: `wrong-${i}`, ip: '192.0.2.7' });
      outcomes.push(r.ok ? 'ok' : r.failure);
    }
    // Another address, the right password: a success counts in neither.
    assert.equal((await auth.login({ username: 'alice', password: 'right-password-123', ip: '198.51.100.1' })).ok, true);
    const failed = outcomes.filter((o) => o === 'invalid-credentials').length;
    const locked = outcomes.length - failed;
    assert.ok(failed >= 5 && locked >= 1, outcomes.join(' '));
    // Second factor (its events as auth builds them): a wrong code is a failure, a throttled one a lockout.
    sink.write(authEvent('second-factor-failure', 'rejected', 'medium', 'second factor refused: invalid-code', { userId: 'u1' }));
    sink.write(authEvent('second-factor-failure', 'limited', 'medium', 'second factor refused: throttled', { userId: 'u1' }));
    const d = await startDashboard({ source: memorySource(sink), token: TOKEN, port: 0 });
    try {
      const agg = (await (await get(`${d.url}api/aggregates?kind=auth`)).json()) as Aggregates;
      assert.equal(agg.auth.failures, failed + 1);
      assert.equal(agg.auth.lockouts, locked + 1);
      assert.deepEqual(agg.auth.byRule, { 'login-failure': failed, 'login-throttled': locked, 'login-success': 1, 'second-factor-failure': 2 });
    } finally {
      await d.close();
    }
  });
});

describe('access without a token', () => {
  test('refuses a non-loopback host', async () => {
    await assert.rejects(startDashboard({ source: new MemorySink(), host: '0.0.0.0', port: 0 }), /without a token/);
  });
  test('serves loopback, refuses a foreign Host header (DNS rebinding)', async () => {
    const d = await startDashboard({ source: new MemorySink(), port: 0 });
    try {
      assert.equal((await get(`${d.url}api/events`, '')).status, 200);
      const port = new URL(d.url).port;
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/api/events', headers: { host: 'evil.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        }).on('error', reject).end();
      });
      assert.equal(status, 403);
    } finally {
      await d.close();
    }
  });
  test('a short token is a setup error', async () => {
    await assert.rejects(startDashboard({ source: new MemorySink(), token: 'abc', port: 0 }), /at least 16 characters/);
  });
});

async function serviceOrSkip(t: { skip(msg: string): void }, name: string, probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`${name} is not reachable: ${(error as Error).message}`);
    t.skip(`${name} not reachable on this machine`);
    return false;
  }
}

test('reads a Redis stream written by the guard sink', async (t) => {
  const stream = `rampart:dashboard-test:${randomUUID()}`;
  const writer = new RedisStreamSink({ url: 'redis://127.0.0.1:6379', stream });
  try {
    if (!(await serviceOrSkip(t, 'Redis 127.0.0.1:6379', () => writer.client.ping()))) return;
    await writer.writeBatch([event({ rule: 'nosql-injection' }), event({ kind: 'rate-limit', rule: 'rate-limit-ip', action: 'limited' })]);
    const source = redisStreamSource({ url: 'redis://127.0.0.1:6379', stream });
    const d = await startDashboard({ source, token: TOKEN, port: 0 });
    try {
      const { events } = (await (await get(`${d.url}api/events?kind=attack`)).json()) as { events: SecurityEvent[] };
      assert.deepEqual(events.map((e) => e.rule), ['nosql-injection']);
    } finally {
      await d.close();
      await source.close?.();
    }
    await writer.client.del(stream);
  } finally {
    await writer.close?.();
  }
});

test('reads a PostgreSQL table written by the guard sink', async (t) => {
  const table = `rampart_dash_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = 'postgres://postgres@127.0.0.1:5432/test';
  const writer = new PostgresSink({ connectionString: url, table });
  try {
    if (!(await serviceOrSkip(t, 'PostgreSQL 127.0.0.1:5432', () => writer.writeBatch([event({ rule: 'command-injection', ip: '192.0.2.9' })])))) return;
    const source = postgresSource({ connectionString: url, table });
    const d = await startDashboard({ source, token: TOKEN, port: 0 });
    try {
      const agg = (await (await get(`${d.url}api/aggregates`)).json()) as Aggregates;
      assert.deepEqual(agg.attacksBlocked.byIp, { '192.0.2.9': 1 });
    } finally {
      await d.close();
      await source.close?.();
    }
  } finally {
    await writer.close?.();
  }
});
