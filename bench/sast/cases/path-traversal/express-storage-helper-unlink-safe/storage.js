const path = require('path');

const STORAGE_ROOT = process.env.STORAGE_ROOT || '/srv/app/uploads';

function userFile(userId, relativePath) {
  const base = path.join(STORAGE_ROOT, String(userId));
  const target = path.resolve(base, String(relativePath));
  const rel = path.relative(base, target);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw Object.assign(new Error('invalid path'), { status: 400 });
  }
  return target;
}

module.exports = { userFile };
