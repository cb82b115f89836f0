function listingPage(dir, names) {
  const items = names.map((name) => `<li><a href="${encodeURIComponent(name)}">${name}</a></li>`).join('');
  return `<!doctype html><title>Index of ${dir}</title><h1>Index of ${dir}</h1><ul>${items}</ul>`;
}

module.exports = { listingPage };
