const escapeHtml = require('escape-html');

function previewPage(draft) {
  return '<!doctype html><h1>' + escapeHtml(draft.title) + '</h1><p class="summary">' + escapeHtml(draft.summary) + '</p>';
}

module.exports = { previewPage };
