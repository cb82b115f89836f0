import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRACTICES } from '../../src/practices.js';
import { escapeHtml, formatHtml } from '../../src/reporters/html.js';
import { cleanReport, HOSTILE, sampleReport, SKIPPED, WARNINGS } from './sample-report.js';

/** Every real tag in the page. Escaped text holds no "<", so it never matches. */
const tags = (html: string): string[] => html.match(/<[a-zA-Z!/][^>]*>/g) ?? [];

describe('escapeHtml', () => {
  const table: [string, string][] = [
    [HOSTILE, '&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ['"><svg onload=alert(1)>', '&quot;&gt;&lt;svg onload=alert(1)&gt;'],
    ["' onmouseover='alert(1)", '&#39; onmouseover=&#39;alert(1)'],
    ['&lt; stays text', '&amp;lt; stays text'],
    ['<!-- --><![CDATA[x]]>', '&lt;!-- --&gt;&lt;![CDATA[x]]&gt;'],
    ['plain text, 100% fine', 'plain text, 100% fine'],
  ];
  for (const [input, expected] of table) {
    it(`escapes ${JSON.stringify(input)}`, () => assert.equal(escapeHtml(input), expected));
  }
  it('escapes numbers as text', () => assert.equal(escapeHtml(42), '42'));
});

describe('HTML reporter', () => {
  const report = sampleReport();
  const html = formatHtml(report);

  it('escapes a hostile message and snippet instead of running them', () => {
    assert.ok(!html.includes(HOSTILE));
    assert.ok(!/<img/i.test(html));
    assert.ok(!/<\/script/i.test(html));
    assert.ok(html.includes(`err.stack is sent to the client ${escapeHtml(HOSTILE)}`), 'the message shows as text');
    assert.ok(html.includes(`res.send(err.stack + &quot;${escapeHtml(HOSTILE)}&quot;);`), 'the snippet shows as text');
    assert.ok(html.includes('&lt;U+202E&gt;'), 'the bidi override in the snippet is made visible');
    assert.ok(!html.includes('\u001b') && !html.includes('\u202e'));
  });

  it('is self-contained and script-free: no script, no event handler, no external resource', () => {
    for (const tag of tags(html)) {
      assert.ok(!/^<script/i.test(tag), tag);
      assert.ok(!/\son[a-z]+\s*=/i.test(tag), tag);
      assert.ok(!/\ssrc\s*=/i.test(tag), tag);
      assert.ok(!/^<link/i.test(tag), tag);
      assert.ok(!/href\s*=\s*"(?!#)/i.test(tag), `only in-page links: ${tag}`);
    }
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    assert.ok(!/@import|url\(/i.test(style));
  });

  it('starts as an HTML document with a title and language', () => {
    assert.ok(html.startsWith('<!doctype html>\n<html lang="en">'));
    assert.ok(html.includes('<title>Rampart report: /home/dev/shop api</title>'));
    assert.ok(html.includes('<meta charset="utf-8">'));
  });

  it('shows the totals in the header', () => {
    const header = /<header>[\s\S]*?<\/header>/.exec(html)![0];
    for (const part of ['8 findings', '42 files scanned', '16 skipped', '1.2 s', '1 suppressed', '2 baselined', '2 warnings']) {
      assert.ok(header.includes(part), part);
    }
  });

  it('has a score card for each of the eleven practices: findings, no findings, or not checked', () => {
    const cards = html.match(/<li class="card[^"]*">[\s\S]*?<\/li>\n?(?=<li class="card|<\/ul>)/g) ?? [];
    assert.equal(cards.length, 11);
    PRACTICES.forEach((p, i) => assert.ok(cards[i]!.includes(`<h3>${p.id}. ${escapeHtml(p.title)}</h3>`), `card ${p.id}`));
    assert.match(cards[0]!, /class="card has-findings worst-critical"[\s\S]*2 findings[\s\S]*sev-critical">critical<\/span> 1[\s\S]*sev-high">high<\/span> 1/);
    assert.match(cards[1]!, /class="card clean"[\s\S]*No findings/, 'practice 2: its rule ran and found nothing');
    assert.match(cards[3]!, /class="card unchecked"[\s\S]*Not checked/, 'practice 4: no rule of it ran');
    assert.match(cards[9]!, /class="card has-findings worst-medium"[\s\S]*>1 finding</);
  });

  it('lists every finding under its practice, with severity, rule, location, message, snippet and fix', () => {
    for (const f of report.findings) {
      const section = new RegExp(`<section class="practice" id="practice-${f.practice}">[\\s\\S]*?</section>`).exec(html);
      assert.ok(section, `section for practice ${f.practice}`);
      const article = section[0].split('<article class="finding">').find((a) => a.includes(`<span class="rule">${f.ruleId}</span>`));
      assert.ok(article, `${f.ruleId} listed under practice ${f.practice}`);
      assert.ok(article.includes(`sev-${f.severity}`), `${f.ruleId} severity`);
      assert.ok(article.includes(`<code>${f.file}:${f.line}:${f.column}</code>`), `${f.ruleId} location`);
      assert.ok(article.includes(escapeHtml(f.fix)), `${f.ruleId} fix`);
      assert.ok(article.includes('<pre><code>'), `${f.ruleId} snippet`);
    }
    const order = [...html.matchAll(/id="practice-(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(order, [1, 3, 6, 7, 8, 9, 10]);
  });

  it('shows a trace as an expandable data flow', () => {
    assert.match(html, /<details><summary>Data flow: 3 steps from source to sink<\/summary><ol class="trace"><li><span class="kind">source<\/span> <code>src\/routes\/users.js:11:16<\/code> req.query.id enters the handler<\/li>/);
    assert.equal(html.match(/Data flow:/g)!.length, 1);
  });

  it('lists every skipped file and every warning', () => {
    const skipped = /<section id="skipped">[\s\S]*?<\/section>/.exec(html)![0];
    assert.ok(skipped.includes('13 minified, 1 binary, 1 ignored-dir, 1 too-large'));
    for (const s of SKIPPED) assert.ok(skipped.includes(`<code>${s.file}</code>`), s.file);
    const warnings = /<section id="warnings">[\s\S]*?<\/section>/.exec(html)![0];
    for (const w of WARNINGS) assert.ok(warnings.includes(escapeHtml(w.message)), w.message);
    assert.ok(warnings.includes('<code>src/legacy/broken.js:12:8</code>'));
  });

  it('says so when there are no findings, and leaves out empty sections', () => {
    const clean = formatHtml(cleanReport());
    assert.ok(clean.includes('<p class="none">No findings. 9 rules ran and found nothing.</p>'));
    assert.ok(!clean.includes('id="skipped"') && !clean.includes('id="warnings"') && !clean.includes('<article'));
    assert.equal((clean.match(/class="card clean"/g) ?? []).length, 8);
  });
});
