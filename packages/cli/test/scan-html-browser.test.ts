/**
 * `rampart scan --format html` on examples/vulnerable-shop, opened in chromium (playwright-core):
 * the report renders its practice cards and every finding, with no console error, under a CSP
 * that forbids scripts and every outside resource (the report promises to be self-contained).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromiumOrSkip, launchBrowser, screenshot, watchedPage } from '../../../test/helpers/browser.ts';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SHOP = fileURLToPath(new URL('../../../examples/vulnerable-shop', import.meta.url));
/** Inline style is the report's only way to carry its CSS; nothing else may load or run. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

test('the HTML scan report renders in chromium: findings visible, no console error, no CSP violation', { timeout: 120_000 }, async (t) => {
  if (!chromiumOrSkip(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'rampart-html-report-'));
  const html = join(dir, 'report.html');
  const json = join(dir, 'report.json');
  for (const [format, out] of [['html', html], ['json', json]]) {
    const r = spawnSync(process.execPath, [BIN, 'scan', SHOP, '--format', format, '-o', out, '--fail-on', 'none'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  const findings = (JSON.parse(readFileSync(json, 'utf8')) as { findings: { ruleId: string; practice: number }[] }).findings;
  assert.ok(findings.length > 10, `the example shop has findings (${findings.length})`);

  const body = readFileSync(html);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': REPORT_CSP });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchBrowser();
  try {
    const { page, problems } = await watchedPage(browser.context);
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/report.html`);
    assert.equal(await page.locator('h1').textContent(), 'Rampart security report');
    assert.equal(await page.locator('ul.cards > li.card').count(), 11, 'one card per practice');
    const articles = page.locator('article.finding');
    assert.equal(await articles.count(), findings.length, 'every finding of the JSON report is in the page');
    // Findings are open, not hidden behind a click: the first and last are on screen when scrolled to.
    for (const article of [articles.first(), articles.last()]) {
      await article.scrollIntoViewIfNeeded();
      assert.ok(await article.isVisible());
    }
    const text = await page.locator('body').innerText();
    for (const ruleId of new Set(findings.map((f) => f.ruleId))) assert.ok(text.includes(ruleId), `${ruleId} shown`);
    // The severity badges got their colours: the stylesheet applied under the CSP.
    const badge = await page.locator('.sev-critical, .sev-high').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color);
    assert.equal(badge, 'rgb(255, 255, 255)');
    assert.ok(!text.includes('Tr0ub4dor&3-shop-prod'), 'the hard-coded password is masked in the report');
    await screenshot(page, 'scan-html-report');
    assert.deepEqual(problems.all(), []);
  } finally {
    await browser.close();
    server.close();
  }
});
