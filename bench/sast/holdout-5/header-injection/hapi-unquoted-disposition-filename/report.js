async function buildReport() {
  return Buffer.from('%PDF-1.4\n%%EOF\n');
}

module.exports = { buildReport };
