const path = require('path');

const ROOT = path.resolve(process.env.FILES_ROOT || '/srv/files');

function toDiskPath(relative) {
  const full = path.resolve(ROOT, String(relative));
  const rel = path.relative(ROOT, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new Error('path outside the file root');
  return full;
}

module.exports = { toDiskPath, ROOT };
