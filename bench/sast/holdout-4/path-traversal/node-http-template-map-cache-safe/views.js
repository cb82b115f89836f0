const fs = require('node:fs');
const path = require('node:path');

const VIEWS = path.join(__dirname, 'views');
const SHIPPED = new Set(['welcome.txt', 'terms.txt', 'privacy.txt']);
const cache = new Map();

function loadView(name) {
  if (cache.has(name)) return cache.get(name);
  if (!SHIPPED.has(name)) throw new Error('unknown view');
  const text = fs.readFileSync(path.join(VIEWS, name), 'utf8');
  cache.set(name, text);
  return text;
}

module.exports = { loadView };
