const contentDisposition = require('content-disposition');

function dispositionFor(name) {
  const base = name.replace(/\.[^.]+$/, '');
  return contentDisposition(`${base}.pdf`);
}

module.exports = { dispositionFor };
