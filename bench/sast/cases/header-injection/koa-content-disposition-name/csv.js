async function buildCsv(reportId) {
  const rows = [['day', 'orders'], ['2024-05-01', '12'], ['2024-05-02', '9']];
  return `# report ${Number(reportId) || 0}\n` + rows.map((r) => r.join(',')).join('\n');
}

module.exports = { buildCsv };
