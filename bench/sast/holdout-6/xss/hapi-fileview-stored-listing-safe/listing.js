const { escape } = require('html-escaper');

exports.listingHtml = (files) =>
  '<ul>' + files.map((f) => `<li>${escape(f.name)} (${f.size} bytes)</li>`).join('') + '</ul>';
