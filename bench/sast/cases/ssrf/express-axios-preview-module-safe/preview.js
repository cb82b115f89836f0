const axios = require('axios');

const ALLOWED_HOSTS = new Set(['www.youtube.com', 'github.com', 'en.wikipedia.org']);

async function fetchPreview(url) {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' || !ALLOWED_HOSTS.has(parsed.hostname)) throw new Error('host not allowed');
  const { data } = await axios.get(parsed.href, { timeout: 3000, maxContentLength: 1 << 20, maxRedirects: 0 });
  const title = /<title>([^<]{0,200})<\/title>/i.exec(data);
  return { title: title ? title[1] : null };
}

module.exports = { fetchPreview };
