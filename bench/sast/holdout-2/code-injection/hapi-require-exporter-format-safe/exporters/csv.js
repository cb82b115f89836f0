exports.contentType = 'text/csv';
exports.render = (report) => report.rows.map((row) => row.map((cell) => JSON.stringify(String(cell))).join(',')).join('\n');
