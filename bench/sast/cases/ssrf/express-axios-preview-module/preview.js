const axios = require('axios');

async function fetchPreview(url) {
  const { data } = await axios.get(url, { timeout: 3000, maxContentLength: 1 << 20 }); // expect: ssrf
  const title = /<title>([^<]{0,200})<\/title>/i.exec(data);
  return { title: title ? title[1] : null };
}

module.exports = { fetchPreview };
