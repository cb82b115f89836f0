const got = require('got');

async function fetchEmbed(pageUrl) {
  const body = await got(pageUrl, { timeout: { request: 4000 } }).json(); // expect: ssrf
  return { title: body.title, html: body.html, provider: body.provider_name };
}

module.exports = { fetchEmbed };
