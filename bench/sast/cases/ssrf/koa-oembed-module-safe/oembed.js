const got = require('got');

const PROVIDERS = new Map([
  ['www.youtube.com', 'https://www.youtube.com/oembed'],
  ['vimeo.com', 'https://vimeo.com/api/oembed.json'],
]);

async function fetchEmbed(pageUrl) {
  const endpoint = PROVIDERS.get(new URL(pageUrl).hostname);
  if (!endpoint) throw Object.assign(new Error('unsupported provider'), { status: 400 });
  const body = await got(endpoint, { searchParams: { url: pageUrl, format: 'json' }, timeout: { request: 4000 } }).json();
  return { title: body.title, html: body.html, provider: body.provider_name };
}

module.exports = { fetchEmbed };
