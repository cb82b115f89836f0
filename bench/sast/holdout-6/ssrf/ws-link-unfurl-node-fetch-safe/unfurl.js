const fetch = require('node-fetch');

const UNFURLABLE = new Set(['github.com', 'www.youtube.com', 'en.wikipedia.org']);

async function unfurl(link) {
  const parsed = new URL(String(link));
  if (parsed.protocol !== 'https:' || !UNFURLABLE.has(parsed.hostname)) return { url: link, title: null };
  const res = await fetch(parsed.href, { timeout: 3000, redirect: 'manual' });
  const html = await res.text();
  const title = /<title>([^<]{0,200})<\/title>/i.exec(html);
  return { url: link, title: title ? title[1] : null };
}

module.exports = { unfurl };
