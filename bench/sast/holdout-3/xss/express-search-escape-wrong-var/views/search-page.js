'use strict';

const escapeHtml = require('escape-html');

function searchPage({ term, results }) {
  const safeTerm = escapeHtml(term);
  const items = results.map((r) => `<li><a href="/p/${encodeURIComponent(r.slug)}">${escapeHtml(r.title)}</a></li>`).join('');
  return `<!doctype html><title>Search: ${safeTerm}</title><h1>Results for ${term}</h1><ul>${items}</ul>`;
}

module.exports = { searchPage };
