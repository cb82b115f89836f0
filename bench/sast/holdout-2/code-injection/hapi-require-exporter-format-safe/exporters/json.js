exports.contentType = 'application/json';
exports.render = (report) => JSON.stringify(report);
