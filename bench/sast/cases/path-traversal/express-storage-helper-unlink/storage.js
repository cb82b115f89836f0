const path = require('path');

const STORAGE_ROOT = process.env.STORAGE_ROOT || '/srv/app/uploads';

function userFile(userId, relativePath) {
  const base = path.join(STORAGE_ROOT, String(userId));
  return path.resolve(base, relativePath);
}

module.exports = { userFile };
