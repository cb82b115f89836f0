const path = require('path');

const ROOT = path.resolve(process.env.FILES_ROOT || '/srv/files');

function toDiskPath(relative) {
  return path.join(ROOT, String(relative));
}

module.exports = { toDiskPath, ROOT };
