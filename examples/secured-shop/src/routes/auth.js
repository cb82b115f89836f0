import express from 'express';
import { z } from 'zod';
import { RESET_REQUESTED_MESSAGE } from '@rampart/auth';
import { rampart } from '@rampart/guard';
import { sql } from '../db.js';
import { normalizeEmail } from '../security.js';

/** Re-authentication window before security settings change (ASVS V6.8.x: recent authentication). */
const RECENT_LOGIN_MS = 15 * 60 * 1000;

const RegisterBody = z.object({
  email: z.email().max(254),
  password: z.string().max(1024),
  name: z.string().trim().min(1).max(100),
  phone: z.string().trim().max(30).optional(),
  birthDate: z.iso.date().optional(),
});
const ForgotBody = z.object({ email: z.string().max(254) });
const ResetBody = z.object({ token: z.string().max(100), password: z.string().max(1024) });
const CodeBody = z.object({ code: z.string().regex(/^\d{6}$/) });

// Registration answers the same whether or not the address is taken (no enumeration): the owner
// of a taken address gets an email instead.
const REGISTERED_MESSAGE = 'Thanks! If this address was free, your account is ready and you can log in.';

export function authRoutes({ auth, web, reset, events, logger, mail }) {
  const router = express.Router();

  router.post('/register', rampart.validate({ body: RegisterBody }), async (req, res) => {
    const { password, name, phone, birthDate } = req.body;
    const email = normalizeEmail(req.body.email);
    const policy = auth.passwords.checkPolicy(password, [email.split('@')[0], name]);
    if (!policy.ok) return res.status(400).json({ error: policy.message });
    // Hash either way, so both answers take the same time.
    const passwordHash = await auth.passwords.hash(password);
    if (sql.emailTaken.get(email)) {
      mail({ to: email, subject: 'Someone tried to register with your address', text: 'If it was you, log in or reset your password instead.' }).catch(() => {});
    } else {
      const info = sql.addUser.run(email, name, phone ?? null, birthDate ?? null, passwordHash, 'customer');
      logger.info({ event: 'user-registered', userId: Number(info.lastInsertRowid) }, 'user registered');
    }
    res.status(202).json({ message: REGISTERED_MESSAGE });
  });

  // { email, password } -> the __Host-sid session cookie and { csrfToken }; the same 401 for an
  // unknown address and a wrong password; throttled per account, address and pair (429 + Retry-After).
  router.post('/login', web.login);
  router.post('/login/2fa', web.secondFactor);
  router.post('/logout', web.logout);
  router.post('/logout-everywhere', web.logoutEverywhere);

  router.get('/me', web.requireUser, async (req, res) => {
    const user = sql.userById.get(Number(req.auth.userId));
    res.json({ ...user, twoFactor: await auth.twoFactor.isEnabled(req.auth.userId), csrfToken: req.auth.csrfToken });
  });

  router.post('/forgot-password', rampart.validate({ body: ForgotBody }), async (req, res) => {
    await reset.request(normalizeEmail(req.body.email));
    res.json({ message: RESET_REQUESTED_MESSAGE });
  });

  router.post('/reset-password', rampart.validate({ body: ResetBody }), async (req, res) => {
    const outcome = await auth.resetPassword(reset, req.body.token, req.body.password);
    if (!outcome.ok) return res.status(400).json({ error: outcome.message });
    events.emit({ kind: 'auth', practice: 2, rule: 'password-reset', action: 'logged', severity: 'info', message: 'password changed with a reset code', userId: outcome.userId });
    res.json({ message: 'Password changed, you can log in now.' });
  });

  // TOTP enrolment: the secret and QR code once, then a code from the app turns 2FA on.
  router.post('/2fa/enrol', web.requireUser, rampart.validate({ response: { fields: ['secret', 'uri', 'qrSvg'], allowDenied: ['secret'] } }), async (req, res) => {
    if (!auth.isRecentlyAuthenticated(req.auth.session, RECENT_LOGIN_MS)) return res.status(403).json({ error: 'Log in again to change two-factor settings.' });
    const user = sql.userById.get(Number(req.auth.userId));
    res.json(await auth.twoFactor.beginEnrolment(req.auth.userId, user.email));
  });

  router.post('/2fa/confirm', web.requireUser, rampart.validate({ body: CodeBody }), async (req, res) => {
    const result = await auth.twoFactor.confirmEnrolment(req.auth.userId, req.body.code);
    if (!result.ok) return res.status(result.failure === 'throttled' ? 429 : 400).json({ error: 'That code did not work.' });
    events.emit({ kind: 'auth', practice: 2, rule: 'second-factor-enrolled', action: 'logged', severity: 'info', message: 'two-factor authentication turned on', userId: req.auth.userId });
    res.json({ recoveryCodes: result.recoveryCodes });
  });

  return router;
}
