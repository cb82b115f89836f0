import express from 'express';
import { roleOf } from '../lib/role-store';

export const roles = express.Router();

roles.get('/roles', (req, res) => {
  const user = String(req.query.user ?? '');
  res.json({ user, role: roleOf(user) });
});
