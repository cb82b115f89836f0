const crypto = require('crypto');

// Logged-in users, by session id. Lost on restart, which is fine for now.
const sessions = new Map();

function createSession(user) {
  const id = crypto.randomUUID();
  sessions.set(id, { userId: user.id, email: user.email, role: user.role });
  return id;
}

function destroySession(id) {
  sessions.delete(id);
}

function readCookie(req, name) {
  const header = req.headers.cookie || '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function requireLogin(req, res, next) {
  const sessionId = readCookie(req, 'session');
  const session = sessionId && sessions.get(sessionId);
  if (!session) {
    return res.status(401).json({ error: 'Please log in first' });
  }
  req.sessionId = sessionId;
  req.user = session;
  next();
}

function requireAdmin(req, res, next) {
  if (req.user.role !== 'admin') {
    return res.status(403).json({ error: 'Admins only' });
  }
  next();
}

module.exports = { createSession, destroySession, requireLogin, requireAdmin, readCookie };
