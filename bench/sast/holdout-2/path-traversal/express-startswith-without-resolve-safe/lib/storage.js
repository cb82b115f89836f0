const fs = require('fs');
const path = require('path');

const UPLOAD_DIR = path.resolve(__dirname, '..', 'uploads');

function openUpload(name) {
  const filePath = path.resolve(UPLOAD_DIR, name);
  if (!filePath.startsWith(UPLOAD_DIR + path.sep)) {
    throw Object.assign(new Error('forbidden'), { status: 403 });
  }
  return fs.createReadStream(filePath);
}

module.exports = { openUpload };
