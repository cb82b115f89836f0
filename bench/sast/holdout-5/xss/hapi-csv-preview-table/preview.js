function previewTable(csv) {
  const rows = csv.split(/\r?\n/).slice(0, 20).map((line) => line.split(','));
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table class="preview">${body}</table>`;
}

module.exports = { previewTable };
