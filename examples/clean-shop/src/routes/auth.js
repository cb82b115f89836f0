const express = require('express');
const { rateLimit } = require('express-rate-limit');
const { db } = require('../db');
const logger = require('../logger');
const { hashPassword, verifyPassword } = require('../passwords');
const { newToken, tokenDigest } = require('../tokens');
const { sendMail } = require('../mailer');
const {
  SESSION_COOKIE,
  SESSION_TTL_MS,
  createSession,
  destroySession,
  destroyUserSessions,
  requireLogin,
} = require('../sessions');

const router = express.Router();

const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 128;
const RESET_TTL_MS = 30 * 60 * 1000;
const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: 'strict', path: '/' };

// Password guessing and account probing: at most 10 tries per 15 minutes from one address.
const authLimiter = rateLimit({
  windowMs: 15 * 60 * 1000,
  limit: 10,
  standardHeaders: 'draft-7',
  legacyHeaders: false,
  message: { error: 'Too many attempts, please try again later' },
  handler: (req, res, next, options) => {
    logger.warn({ event: 'rate_limited', ip: req.ip, path: req.path }, 'too many authentication attempts');
    res.status(options.statusCode).json(options.message);
  },
});

function normalizeEmail(value) {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

function acceptablePassword(value) {
  return typeof value === 'string' && value.length >= MIN_PASSWORD_LENGTH && value.length <= MAX_PASSWORD_LENGTH;
}

router.post('/register', authLimiter, async (req, res, next) => {
  try {
    const email = normalizeEmail(req.body.email);
    const name = typeof req.body.name === 'string' ? req.body.name.trim() : '';
    const { password, phone, birthDate } = req.body;
    if (!email.includes('@') || email.length > 254 || !name || name.length > 100 || !acceptablePassword(password)) {
      return res.status(400).json({
        error: `Name, a valid email and a password of ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters are required`,
      });
    }
    if (db.prepare('SELECT 1 FROM users WHERE email = ?').get(email)) {
      return res.status(409).json({ error: 'An account with this email already exists' });
    }
    const passwordHash = await hashPassword(password);
    const info = db
      .prepare('INSERT INTO users (email, name, phone, birth_date, password_hash) VALUES (?, ?, ?, ?, ?)')
      .run(email, name, typeof phone === 'string' ? phone : null, typeof birthDate === 'string' ? birthDate : null, passwordHash);
    logger.info({ event: 'user_registered', userId: info.lastInsertRowid }, 'user registered');
    res.status(201).json({ id: info.lastInsertRowid, email, name });
  } catch (err) {
    next(err);
  }
});

router.post('/login', authLimiter, async (req, res, next) => {
  try {
    const email = normalizeEmail(req.body.email);
    const password = typeof req.body.password === 'string' ? req.body.password : '';
    const user = db.prepare('SELECT id, email, name, role, password_hash FROM users WHERE email = ?').get(email);
    const valid = await verifyPassword(password, user ? user.password_hash : undefined);
    if (!user || !valid) {
      logger.warn({ event: 'login_failed', ip: req.ip }, 'login failed');
      return res.status(401).json({ error: 'Incorrect email or password' });
    }
    const sessionId = createSession(user);
    logger.info({ event: 'login', userId: user.id, ip: req.ip }, 'user logged in');
    res.cookie(SESSION_COOKIE, sessionId, { ...COOKIE_OPTIONS, maxAge: SESSION_TTL_MS });
    res.json({ id: user.id, email: user.email, name: user.name, role: user.role });
  } catch (err) {
    next(err);
  }
});

router.post('/logout', requireLogin, (req, res) => {
  destroySession(req.sessionId);
  res.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
  logger.info({ event: 'logout', userId: req.user.userId }, 'user logged out');
  res.json({ ok: true });
});

router.get('/me', requireLogin, (req, res) => {
  const user = db.prepare('SELECT id, email, name, role FROM users WHERE id = ?').get(req.user.userId);
  res.json(user);
});

router.post('/forgot-password', authLimiter, (req, res) => {
  const user = db.prepare('SELECT id, email FROM users WHERE email = ?').get(normalizeEmail(req.body.email));
  if (user) {
    const token = newToken();
    db.prepare('UPDATE users SET reset_token_hash = ?, reset_expires = ? WHERE id = ?').run(
      tokenDigest(token),
      Date.now() + RESET_TTL_MS,
      user.id
    );
    sendMail({
      to: user.email,
      subject: 'Reset your password',
      text: `Use this code to choose a new password within 30 minutes: ${token}`,
    });
    logger.info({ event: 'password_reset_requested', userId: user.id }, 'password reset requested');
  }
  res.json({ message: 'If the address is registered, we sent a reset code.' });
});

router.post('/reset-password', authLimiter, async (req, res, next) => {
  try {
    const { token, password } = req.body;
    if (typeof token !== 'string' || !acceptablePassword(password)) {
      return res.status(400).json({ error: `A reset code and a password of ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters are required` });
    }
    const user = db.prepare('SELECT id, reset_expires FROM users WHERE reset_token_hash = ?').get(tokenDigest(token));
    if (!user || user.reset_expires < Date.now()) {
      return res.status(400).json({ error: 'Invalid or expired code' });
    }
    const passwordHash = await hashPassword(password);
    db.prepare('UPDATE users SET password_hash = ?, reset_token_hash = NULL, reset_expires = NULL WHERE id = ?').run(passwordHash, user.id);
    destroyUserSessions(user.id);
    logger.info({ event: 'password_reset', userId: user.id }, 'password changed by reset code');
    res.json({ message: 'Password changed, you can log in now.' });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
