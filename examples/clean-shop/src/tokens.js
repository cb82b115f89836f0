const crypto = require('node:crypto');

/** An unguessable one-time code (256 bits), safe to put in a link. */
function newToken() {
  return crypto.randomBytes(32).toString('base64url');
}

// Only this digest is stored, so a copy of the database holds no live codes. A fast hash is
// enough here: the code is random and long, there is nothing to brute-force.
function tokenDigest(token) {
  return crypto.createHash('sha256').update(token).digest('hex');
}

module.exports = { newToken, tokenDigest };
