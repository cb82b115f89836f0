const fs = require('fs');
const path = require('path');

const UPLOAD_DIR = path.resolve(__dirname, '..', 'uploads');

function openUpload(name) {
  const filePath = UPLOAD_DIR + '/' + name;
  if (!filePath.startsWith(UPLOAD_DIR)) {
    throw Object.assign(new Error('forbidden'), { status: 403 });
  }
  return fs.createReadStream(filePath); // expect: path-traversal
}

module.exports = { openUpload };
