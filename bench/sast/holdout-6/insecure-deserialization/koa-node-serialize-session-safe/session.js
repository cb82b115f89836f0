exports.readSession = function readSession(cookie) {
  if (!cookie) return {};
  try {
    return JSON.parse(Buffer.from(cookie, 'base64').toString('utf8'));
  } catch {
    return {};
  }
};
