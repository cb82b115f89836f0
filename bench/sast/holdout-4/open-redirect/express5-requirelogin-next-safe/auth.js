import express from 'express';
import { verifyPassword } from './users.js';

export const auth = express.Router();

function withSession(handler) {
  return async (req, res) => {
    await handler(req, res, req.session ?? {});
  };
}

// Only a path on this site: one leading slash, never `//host` or `/\host`.
function isLocalPath(value) {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}

auth.post(
  '/login',
  withSession(async (req, res, session) => {
    const user = await verifyPassword(req.body.email, req.body.password);
    if (!user) return res.status(401).json({ error: 'invalid credentials' });
    session.userId = user.id;
    const next = typeof req.query.next === 'string' && isLocalPath(req.query.next) ? req.query.next : '/';
    res.redirect(303, next);
  }),
);
