const axios = require('axios');

async function discover(issuer) {
  const base = String(issuer).replace(/\/+$/, '');
  const { data } = await axios.get(`${base}/.well-known/openid-configuration`, { timeout: 4000 }); // expect: ssrf
  return data;
}

module.exports = { discover };
