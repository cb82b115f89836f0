const escapeHtml = require('escape-html');

exports.tagList = function tagList(tags) {
  const parts = ['<ul class="tags">'];
  for (const tag of tags) parts.push(`<li>${tag}</li>`);
  parts.push('</ul>');
  return parts;
};
