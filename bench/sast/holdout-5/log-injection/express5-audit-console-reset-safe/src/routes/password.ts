import express from 'express';
import { audit } from '../lib/audit';
import { queueResetMail } from '../lib/mailer';

export const password = express.Router();

password.post('/password/reset', express.json(), async (req, res) => {
  const email = String(req.body.email ?? '');
  audit('password_reset_requested', email);
  await queueResetMail(email);
  res.status(202).json({ message: 'If that address exists, a reset link is on its way.' });
});
