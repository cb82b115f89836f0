'use strict';

const CITIES = require('./cities.json');

function suggest(prefix, limit = 10) {
  const matcher = new RegExp('^' + prefix, 'i'); // expect: redos
  return CITIES.filter((city) => matcher.test(city)).slice(0, limit);
}

module.exports = { suggest };
