'use strict';

const CITIES = require('./cities.json');

function suggest(prefix, limit = 10) {
  const escaped = String(prefix).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const matcher = new RegExp('^' + escaped, 'i');
  return CITIES.filter((city) => matcher.test(city)).slice(0, limit);
}

module.exports = { suggest };
