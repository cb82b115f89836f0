async function loadReport(id) {
  return { id, title: `Report ${id}`, rows: [['month', 'revenue'], ['2026-10', 1200]] };
}

module.exports = { loadReport };
