const contentDisposition = require('content-disposition');

function dispositionFor(name) {
  const base = name.replace(/\.[^.]+$/, '');
  return `attachment; filename="${base}.pdf"`;
}

module.exports = { dispositionFor };
