const axios = require('axios');
const config = require('../config');

async function discover(issuer) {
  const base = String(issuer).replace(/\/+$/, '');
  if (!config.identityProviders.includes(base)) throw new Error('unknown identity provider');
  const { data } = await axios.get(`${base}/.well-known/openid-configuration`, { timeout: 4000 });
  return data;
}

module.exports = { discover };
