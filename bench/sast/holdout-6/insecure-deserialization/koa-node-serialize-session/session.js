const serialize = require('node-serialize');

exports.readSession = function readSession(cookie) {
  if (!cookie) return {};
  return serialize.unserialize(Buffer.from(cookie, 'base64').toString('utf8')); // expect: insecure-deserialization
};
