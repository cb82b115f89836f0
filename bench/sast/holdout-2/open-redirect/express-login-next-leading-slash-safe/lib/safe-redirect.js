// Only paths on this site may be redirected to after login.
function localPath(next, fallback = '/') {
  if (typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) {
    return next;
  }
  return fallback;
}

module.exports = { localPath };
