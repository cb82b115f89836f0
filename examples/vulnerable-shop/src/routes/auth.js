const express = require('express');
const db = require('../db');
const { hashPassword, checkPassword } = require('../passwords');
const { createSession, destroySession, requireLogin } = require('../sessions');
const { sendMail } = require('../mailer');

const router = express.Router();

router.post('/register', (req, res) => {
  const { email, password, name, phone, birthDate } = req.body;
  if (!email || !password || !name) {
    return res.status(400).json({ error: 'Name, email and password are required' });
  }
  const existing = db.prepare('SELECT id FROM users WHERE email = ?').get(email);
  if (existing) {
    return res.status(409).json({ error: 'Email already registered' });
  }
  const info = db
    .prepare('INSERT INTO users (email, name, phone, birth_date, password_hash) VALUES (?, ?, ?, ?, ?)')
    .run(email, name, phone || null, birthDate || null, hashPassword(password));
  console.log('New user registered: ' + email);
  res.status(201).json({ id: info.lastInsertRowid, email, name });
});

router.post('/login', (req, res) => {
  const { email, password } = req.body;
  const user = db.prepare('SELECT * FROM users WHERE email = ?').get(email);
  if (!user) {
    return res.status(404).json({ error: 'User not found' });
  }
  if (!checkPassword(password, user.password_hash)) {
    return res.status(401).json({ error: 'Wrong password' });
  }
  const sessionId = createSession(user);
  res.cookie('session', sessionId);
  res.json({ id: user.id, email: user.email, name: user.name, role: user.role });
});

router.post('/logout', requireLogin, (req, res) => {
  destroySession(req.sessionId);
  res.clearCookie('session');
  res.json({ ok: true });
});

router.get('/me', requireLogin, (req, res) => {
  const user = db.prepare('SELECT id, email, name, role FROM users WHERE id = ?').get(req.user.userId);
  res.json(user);
});

router.post('/forgot-password', (req, res) => {
  const user = db.prepare('SELECT * FROM users WHERE email = ?').get(req.body.email);
  if (user) {
    const token = Math.random().toString(36).substring(2);
    const expires = Date.now() + 60 * 60 * 1000;
    db.prepare('UPDATE users SET reset_token = ?, reset_expires = ? WHERE id = ?').run(token, expires, user.id);
    sendMail({
      to: user.email,
      subject: 'Reset your password',
      text: `Use this code to choose a new password within the hour: ${token}`,
    });
  }
  res.json({ message: 'If the address is registered, we sent a reset code.' });
});

router.post('/reset-password', (req, res) => {
  const { token, password } = req.body;
  const user = db.prepare('SELECT * FROM users WHERE reset_token = ?').get(token);
  if (!user || user.reset_expires < Date.now()) {
    return res.status(400).json({ error: 'Invalid or expired code' });
  }
  db.prepare('UPDATE users SET password_hash = ?, reset_token = NULL, reset_expires = NULL WHERE id = ?').run(
    hashPassword(password),
    user.id
  );
  res.json({ message: 'Password changed, you can log in now.' });
});

module.exports = router;
