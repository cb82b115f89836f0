exports.listingHtml = (files) =>
  '<ul>' + files.map((f) => `<li>${f.name} (${f.size} bytes)</li>`).join('') + '</ul>';
