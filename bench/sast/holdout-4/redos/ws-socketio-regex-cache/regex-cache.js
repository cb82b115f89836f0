const RE2 = require('re2');

const compiled = new Map();

// Clients repeat the same few filters: compile each pattern once.
function matcherFor(pattern) {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern); // expect: redos
    compiled.set(pattern, re);
  }
  return re;
}

module.exports = { matcherFor };
