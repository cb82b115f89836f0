const escapeHtml = require('escape-html');

function listingPage(dir, names) {
  const items = names.map((name) => `<li><a href="${encodeURIComponent(name)}">${escapeHtml(name)}</a></li>`).join('');
  return `<!doctype html><title>Index of ${escapeHtml(dir)}</title><h1>Index of ${escapeHtml(dir)}</h1><ul>${items}</ul>`;
}

module.exports = { listingPage };
