const crypto = require('node:crypto');
const logger = require('./logger');

const SESSION_COOKIE = 'session';
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

// Logged-in users, by session id. In memory: one process, sessions end on restart.
const sessions = new Map();

function createSession(user) {
  const id = crypto.randomBytes(32).toString('base64url');
  sessions.set(id, { userId: user.id, role: user.role, expiresAt: Date.now() + SESSION_TTL_MS });
  return id;
}

function getSession(id) {
  const session = id ? sessions.get(id) : undefined;
  if (session && session.expiresAt < Date.now()) {
    sessions.delete(id);
    return undefined;
  }
  return session;
}

function destroySession(id) {
  sessions.delete(id);
}

/** Ends every session of a user, e.g. after a password change. */
function destroyUserSessions(userId) {
  for (const [id, session] of sessions) {
    if (session.userId === userId) sessions.delete(id);
  }
}

function readCookie(req, name) {
  const header = req.headers.cookie || '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function requireLogin(req, res, next) {
  const sessionId = readCookie(req, SESSION_COOKIE);
  const session = getSession(sessionId);
  if (!session) {
    return res.status(401).json({ error: 'Please log in first' });
  }
  req.sessionId = sessionId;
  req.user = session;
  next();
}

function requireAdmin(req, res, next) {
  if (req.user.role !== 'admin') {
    logger.warn({ event: 'access_denied', userId: req.user.userId, path: req.originalUrl }, 'admin area refused');
    return res.status(403).json({ error: 'Admins only' });
  }
  next();
}

module.exports = {
  SESSION_COOKIE,
  SESSION_TTL_MS,
  createSession,
  destroySession,
  destroyUserSessions,
  requireLogin,
  requireAdmin,
};
