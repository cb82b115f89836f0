const fetch = require('node-fetch');

async function unfurl(link) {
  const res = await fetch(link, { timeout: 3000 }); // expect: ssrf
  const html = await res.text();
  const title = /<title>([^<]{0,200})<\/title>/i.exec(html);
  return { url: link, title: title ? title[1] : null };
}

module.exports = { unfurl };
