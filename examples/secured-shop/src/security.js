import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { DEFAULTS as GUARD_DEFAULTS, MemorySink, createEventBus, rampart } from '@rampart/guard';
import { createAuth, createPasswordReset, createTwoFactor, expressAuth, sqliteSessionStore } from '@rampart/auth';
import { dashboardHandler, memorySource } from '@rampart/dashboard';
import { config } from './config.js';
import { db, sql } from './db.js';
import { sendMail } from './mailer.js';

/** Emails are compared and stored lower-case and trimmed: `Alice@Example.com ` is alice's account. */
export const normalizeEmail = (value) => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/**
 * Everything Rampart does for the shop, built once at start:
 * - one pino logger and one event bus (practice 6): the app's lines, the guard's and auth's
 *   security events and the runtime protection's detections, in one JSON stream and one ring
 *   buffer that the dashboard reads;
 * - the guard (practices 1, 3, 5, 9, 10): headers and CSP nonces, safe errors, crash guard, rate
 *   limit, input checks, the response deny list, the root check;
 * - auth (practice 2): argon2id, login throttling, sessions in SQLite with CSRF, TOTP, reset.
 */
export function createSecurity(secrets) {
  const logger = pino({ level: config.logLevel, base: { app: 'secured-shop' } });
  const sink = new MemorySink(1000);
  const events = createEventBus({ sinks: [sink], logger });

  const guard = rampart({
    events,
    logger,
    // A process running as root would turn any code execution into control of the machine:
    // production refuses to start that way; development warns.
    rootCheck: { refuse: config.production },
    responseFilter: { denyFields: [...GUARD_DEFAULTS.responseFilter.denyFields, 'birthDate', 'phone'] },
  });

  const auth = createAuth({
    usernameField: 'email',
    findUser: async (email) => {
      const user = sql.userByEmail.get(normalizeEmail(email));
      return user ? { id: String(user.id), passwordHash: user.password_hash } : undefined;
    },
    updatePasswordHash: async (userId, passwordHash) => {
      sql.setPasswordHash.run(passwordHash, Number(userId));
    },
    sessions: { store: sqliteSessionStore({ database: db }) },
    twoFactor: createTwoFactor({ encryptionKey: Buffer.from(secrets.get('TOTP_ENCRYPTION_KEY'), 'base64'), issuer: config.shopName }),
    onEvent: (event) => events.emit(event),
  });

  const reset = createPasswordReset({
    findUser: async (email) => {
      const user = sql.userByEmail.get(normalizeEmail(email));
      return user ? { id: String(user.id), email: user.email } : undefined;
    },
    deliver: (user, token) =>
      sendMail({ to: user.email, subject: 'Reset your password', text: `Use this code to choose a new password within 15 minutes: ${token}` }),
    onDeliveryError: (err) => logger.error({ err: err instanceof Error ? err.message : String(err) }, 'password reset email not sent'),
  });

  const dashboardToken = config.dashboardToken ?? randomBytes(24).toString('base64url');
  const dashboard = dashboardHandler({ source: memorySource(sink), token: dashboardToken });

  return { logger, events, guard, auth, web: expressAuth(auth), reset, dashboard, dashboardToken };
}
