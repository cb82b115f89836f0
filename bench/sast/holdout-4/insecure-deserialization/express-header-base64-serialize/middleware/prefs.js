const serialize = require('node-serialize');

module.exports = function clientPrefs(req, res, next) {
  const header = req.get('x-client-prefs');
  if (!header) return next();
  const text = Buffer.from(header, 'base64').toString('utf8');
  req.prefs = serialize.unserialize(text); // expect: insecure-deserialization
  next();
};
