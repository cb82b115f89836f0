import { createPasswordHasher, type PasswordHasher, type PasswordHasherOptions } from './password/hasher.js';
import { authEvent, safeSink, type AuthEventSink } from './events.js';
import { AuthSetupError, rejectUnknownOptions } from './setup-error.js';
import { DEFAULTS } from './defaults.js';
import { createCsrfCheck, type CsrfFailure, type CsrfOptions } from './session/csrf.js';
import { createSessionManager, type Session, type SessionManager, type SessionManagerOptions } from './session/session-manager.js';
import { createLoginThrottle, type LoginThrottle, type LoginThrottleOptions, type ThrottleRefusal } from './throttle/login-throttle.js';
import type { TwoFactor } from './totp/two-factor.js';
import type { PasswordReset } from './reset/password-reset.js';
import type { PasswordProblem } from './password/policy.js';

/** What the app's user lookup returns. */
export interface AuthUser {
  id: string;
  /** PHC string (argon2id, scrypt) or a bcrypt hash from an older system. */
  passwordHash: string;
}

export interface AuthOptions {
  /** Looks a user up by the username or email typed at login; undefined when there is none. */
  findUser: (username: string) => Promise<AuthUser | undefined>;
  /** Stores a fresh hash after a login with an outdated one (bcrypt, old parameters, old pepper). */
  updatePasswordHash?: (userId: string, passwordHash: string) => Promise<void>;
  /** Options for the password hasher, or a hasher from createPasswordHasher(). */
  password?: PasswordHasherOptions | PasswordHasher;
  /** Options for the login throttle, or a throttle from createLoginThrottle(). */
  throttle?: LoginThrottleOptions | LoginThrottle;
  sessions?: SessionManagerOptions | SessionManager;
  csrf?: CsrfOptions;
  /** TOTP two-factor: users who enrolled get a session that needs a code before it counts. */
  twoFactor?: TwoFactor;
  /** The step-up check (CAPTCHA, proof of a known device) asked for once an account sees many failures. */
  stepUp?: (request: AuthRequest) => Promise<boolean>;
  /** Security events (practice 2): pass guard's event bus or a logger. */
  onEvent?: AuthEventSink;
  /** The login body's field that holds the username; `'email'` for forms that ask for an email. Default `'username'`. */
  usernameField?: string;
}

/** A request as the core sees it: adapters build one from Express, Fastify or Koa. */
export interface AuthRequest {
  method: string;
  /** Header value by lower-case name (first value when repeated). */
  header(name: string): string | undefined;
  /** The client address as the framework resolved it (trust proxy settings apply there). */
  ip: string | undefined;
  /** The parsed body, when the framework parsed one. */
  body?: unknown;
  /** Route or path, for events. */
  path?: string;
}

/** A response the adapters write as is. */
export interface AuthResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Record<string, unknown>;
}

export type LoginFailure = 'invalid-credentials' | ThrottleRefusal;

export type LoginOutcome =
  | { ok: true; userId: string; secondFactorRequired: boolean }
  | { ok: false; failure: LoginFailure; retryAfterMs: number; stepUpRequired: boolean };

/** What every failed login shows, whether the user exists or not. */
export const LOGIN_FAILED_MESSAGE = 'Invalid username or password.';
export const THROTTLED_MESSAGE = 'Too many attempts. Try again later.';

/** Session levels. `pending-2fa`: the password was right, the TOTP code is still owed. */
export const SESSION_LEVEL = Object.freeze({ password: 'password', pendingSecondFactor: 'pending-2fa', mfa: 'mfa' });

export interface AuthContext {
  /** The session of the request, if any, even one still owing its second factor. */
  session?: Session;
  /** The signed-in user id: set only when the session is fully authenticated. */
  userId?: string;
  /** The session's CSRF token, for the app to put in its pages (meta tag, hidden field) after a reload. */
  csrfToken?: string;
  /** Set when the request must be refused before reaching the app (CSRF). */
  reject?: AuthResponse;
}

export interface Auth {
  readonly passwords: PasswordHasher;
  readonly throttle: LoginThrottle;
  readonly sessions: SessionManager;
  readonly twoFactor?: TwoFactor;
  /** Checks credentials with throttling, the dummy hash for unknown users and the transparent rehash. */
  login(input: { username: unknown; password: unknown; ip: string | undefined; stepUpPassed?: boolean }): Promise<LoginOutcome>;
  /** Per request: loads the session and enforces CSRF on cookie-authenticated unsafe methods. */
  authenticate(req: AuthRequest): Promise<AuthContext>;
  /** POST login: `{ username, password }` body (or the `usernameField` you chose); sets the session cookie (new id every time). */
  handleLogin(req: AuthRequest, current?: Session): Promise<AuthResponse>;
  /** POST second factor: `{ code }` or `{ recoveryCode }`; rotates the session id on success. */
  handleSecondFactor(req: AuthRequest, current?: Session): Promise<AuthResponse>;
  handleLogout(current?: Session): Promise<AuthResponse>;
  /** Ends every session of the signed-in user, this one included. */
  handleLogoutEverywhere(current?: Session): Promise<AuthResponse>;
  /**
   * Password change (ASVS V6.2.3): needs the current password (throttled like a login) and a new
   * one that passes the policy. Ends the user's other sessions unless endOtherSessions is false.
   */
  changePassword(input: { username: string; currentPassword: unknown; newPassword: unknown; ip: string | undefined; current?: Session; endOtherSessions?: boolean }): Promise<PasswordChangeOutcome>;
  /**
   * Finishes a password reset: consumes the token, checks the policy, stores the new hash and ends
   * every session of the user. It signs nobody in, so 2FA still applies at the next login (ASVS V6.4.3).
   */
  resetPassword(reset: PasswordReset, token: unknown, newPassword: unknown): Promise<PasswordChangeOutcome>;
  /** True when the session's last full authentication is at most maxAgeMs old (re-authentication before sensitive changes). */
  isRecentlyAuthenticated(session: Session | undefined, maxAgeMs: number): boolean;
  /** 401 for requests without a fully authenticated session. */
  readonly unauthorized: AuthResponse;
}

export type PasswordChangeOutcome =
  | { ok: true; userId: string }
  | { ok: false; problem: PasswordProblem | 'invalid-credentials' | 'invalid-token' | LoginFailure; message: string; retryAfterMs?: number };

const json = (status: number, body: Record<string, unknown>, headers: Record<string, string | string[]> = {}): AuthResponse => ({
  status,
  // Answers about credentials must never be cached by a proxy or the browser.
  headers: { 'cache-control': 'no-store', ...headers },
  body,
});

export function createAuth(options: AuthOptions): Auth {
  rejectUnknownOptions('auth', options, ['findUser', 'updatePasswordHash', 'password', 'throttle', 'sessions', 'csrf', 'twoFactor', 'stepUp', 'onEvent', 'usernameField']);
  if (typeof options?.findUser !== 'function') throw new AuthSetupError('findUser', 'is missing', 'Pass `findUser: async (username) => ({ id, passwordHash }) | undefined`.');
  const usernameField = options.usernameField ?? DEFAULTS.login.usernameField;
  if (typeof usernameField !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(usernameField) || usernameField === 'password') {
    throw new AuthSetupError('usernameField', `is ${JSON.stringify(usernameField)}`, "Name the login body's username field with letters, digits and _, for example 'email'.");
  }
  const passwords = isHasher(options.password) ? options.password : createPasswordHasher(options.password);
  const throttle = isThrottle(options.throttle) ? options.throttle : createLoginThrottle(options.throttle);
  const sessions = isSessionManager(options.sessions) ? options.sessions : createSessionManager(options.sessions);
  const csrf = createCsrfCheck(options.csrf);
  const emit = safeSink(options.onEvent);
  const twoFactor = options.twoFactor;
  // Make the dummy hash now, so the first unknown-user login is not the one slow answer.
  void passwords.verifyDummy('').catch(() => {});

  async function login(input: { username: unknown; password: unknown; ip: string | undefined; stepUpPassed?: boolean }): Promise<LoginOutcome> {
    const username = typeof input.username === 'string' ? input.username : '';
    const password = typeof input.password === 'string' ? input.password : '';
    const ticket = await throttle.begin(username, input.ip, { stepUpPassed: input.stepUpPassed });
    if (!ticket.allowed) {
      const refusal = ticket.refusal!;
      emit(authEvent(refusal === 'step-up-required' ? 'login-step-up-required' : 'login-throttled', 'limited', 'medium', `login refused: ${refusal}`, { ip: input.ip, details: { refusal, retryAfterMs: ticket.retryAfterMs } }));
      return { ok: false, failure: refusal, retryAfterMs: ticket.retryAfterMs, stepUpRequired: ticket.stepUpRequired };
    }
    // Unknown users cost one full verification too, against a dummy hash: same time, same answer.
    const user = username.length > 0 && username.length <= 320 ? await options.findUser(username) : undefined;
    const check = user ? await passwords.check(user.passwordHash, password) : { valid: await passwords.verifyDummy(password), needsRehash: false, reason: 'mismatch' as const };
    if (!user || !check.valid) {
      await ticket.failed();
      const reason = user ? check.reason : 'unknown-user';
      emit(authEvent('login-failure', 'rejected', reason === 'malformed-hash' ? 'high' : 'low', `login failed: ${reason}`, { ip: input.ip, userId: user?.id, details: { reason } }));
      return { ok: false, failure: 'invalid-credentials', retryAfterMs: 0, stepUpRequired: ticket.stepUpRequired };
    }
    await ticket.succeeded();
    if (check.needsRehash && options.updatePasswordHash) {
      try {
        await options.updatePasswordHash(user.id, await passwords.hash(password));
        emit(authEvent('password-rehashed', 'logged', 'info', 'password hash upgraded at login', { userId: user.id }));
      } catch (err) {
        emit(authEvent('password-rehashed', 'logged', 'medium', `password rehash failed: ${err instanceof Error ? err.message : String(err)}`, { userId: user.id }));
      }
    }
    const secondFactorRequired = twoFactor ? await twoFactor.isEnabled(user.id) : false;
    emit(authEvent('login-success', 'allowed', 'info', secondFactorRequired ? 'password accepted, second factor owed' : 'login succeeded', { ip: input.ip, userId: user.id }));
    return { ok: true, userId: user.id, secondFactorRequired };
  }

  const body = (req: AuthRequest): Record<string, unknown> => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});

  async function storeNewPassword(userId: string, newPassword: unknown, userWords: readonly string[]): Promise<PasswordChangeOutcome | undefined> {
    const policy = passwords.checkPolicy(newPassword, userWords);
    if (!policy.ok) return { ok: false, problem: policy.problem!, message: policy.message! };
    if (!options.updatePasswordHash) throw new AuthSetupError('updatePasswordHash', 'is missing', 'Pass `updatePasswordHash: async (userId, hash) => ...` to change or reset passwords.');
    await options.updatePasswordHash(userId, await passwords.hash(newPassword as string));
    return undefined;
  }

  return {
    passwords,
    throttle,
    async changePassword(input) {
      const outcome = await login({ username: input.username, password: input.currentPassword, ip: input.ip, stepUpPassed: true });
      if (!outcome.ok) return { ok: false, problem: outcome.failure, message: outcome.failure === 'invalid-credentials' ? 'The current password is wrong.' : THROTTLED_MESSAGE, retryAfterMs: outcome.retryAfterMs };
      const refused = await storeNewPassword(outcome.userId, input.newPassword, [input.username]);
      if (refused) return refused;
      if (input.endOtherSessions !== false) {
        for (const s of await sessions.store.listUser(outcome.userId)) if (s.idHash !== input.current?.idHash) await sessions.store.delete(s.idHash);
      }
      return { ok: true, userId: outcome.userId };
    },
    async resetPassword(reset, token, newPassword) {
      // Policy first, so a weak choice does not burn the single-use token.
      const policy = passwords.checkPolicy(newPassword);
      if (!policy.ok) return { ok: false, problem: policy.problem!, message: policy.message! };
      const userId = await reset.consume(token as string);
      if (!userId) return { ok: false, problem: 'invalid-token', message: 'This reset link is invalid or has expired.' };
      const refused = await storeNewPassword(userId, newPassword, []);
      if (refused) return refused;
      await sessions.destroyAllForUser(userId);
      return { ok: true, userId };
    },
    isRecentlyAuthenticated(session, maxAgeMs) {
      return session !== undefined && session.record.level !== SESSION_LEVEL.pendingSecondFactor && Date.now() - session.record.authenticatedAt <= maxAgeMs;
    },
    sessions,
    twoFactor,
    login,
    unauthorized: json(401, { error: 'Authentication required.' }),
    async authenticate(req) {
      const session = await sessions.load(req.header('cookie'));
      if (!session) return {};
      const failure: CsrfFailure | undefined = csrf(req, session.record);
      if (failure) {
        emit(authEvent('csrf-rejected', 'blocked', 'medium', `unsafe request refused: ${failure}`, { ip: req.ip, method: req.method, route: req.path, userId: session.record.userId, details: { failure } }));
        return { session, reject: json(403, { error: 'Request refused: missing or invalid CSRF token.' }) };
      }
      return { session, csrfToken: session.record.csrfToken, userId: session.record.level === SESSION_LEVEL.pendingSecondFactor ? undefined : session.record.userId };
    },
    async handleLogin(req, current) {
      // No session yet, so no token: the origin check alone stops a cross-site login form (login CSRF).
      const crossSite = csrf.origin(req);
      if (crossSite) {
        emit(authEvent('csrf-rejected', 'blocked', 'medium', `cross-site login refused: ${crossSite}`, { ip: req.ip, method: req.method, route: req.path }));
        return json(403, { error: 'Request refused: cross-site request.' });
      }
      const b = body(req);
      const username = Object.hasOwn(b, usernameField) ? b[usernameField] : undefined;
      let outcome = await login({ username, password: b.password, ip: req.ip });
      // The step-up hook (a CAPTCHA check, maybe a remote call) runs only when the account needs it.
      if (!outcome.ok && outcome.failure === 'step-up-required' && options.stepUp && (await options.stepUp(req).catch(() => false))) {
        outcome = await login({ username, password: b.password, ip: req.ip, stepUpPassed: true });
      }
      if (!outcome.ok) {
        if (outcome.failure === 'invalid-credentials' || outcome.failure === 'step-up-required') {
          return json(401, { error: LOGIN_FAILED_MESSAGE, ...(outcome.stepUpRequired || outcome.failure === 'step-up-required' ? { stepUp: 'required' } : {}) });
        }
        return json(429, { error: THROTTLED_MESSAGE }, { 'retry-after': String(Math.max(1, Math.ceil(outcome.retryAfterMs / 1000))) });
      }
      // A new id at every login, whatever the browser sent: no session fixation.
      if (current) await sessions.store.delete(current.idHash);
      const level = outcome.secondFactorRequired ? SESSION_LEVEL.pendingSecondFactor : SESSION_LEVEL.password;
      const { session, setCookie } = await sessions.create(outcome.userId, { level });
      return json(200, { ok: true, csrfToken: session.record.csrfToken, ...(outcome.secondFactorRequired ? { secondFactor: 'required' } : {}) }, { 'set-cookie': setCookie });
    },
    async handleSecondFactor(req, current) {
      if (!twoFactor) throw new AuthSetupError('twoFactor', 'is missing', 'Pass `twoFactor: createTwoFactor({ encryptionKey })` to createAuth to use second-factor routes.');
      if (!current || current.record.level !== SESSION_LEVEL.pendingSecondFactor) return json(401, { error: 'Authentication required.' });
      const b = body(req);
      const userId = current.record.userId;
      const result = typeof b.recoveryCode === 'string' ? await twoFactor.useRecoveryCode(userId, b.recoveryCode) : await twoFactor.verify(userId, typeof b.code === 'string' ? b.code : '');
      if (!result.ok) {
        emit(authEvent('second-factor-failure', result.failure === 'throttled' ? 'limited' : 'rejected', 'medium', `second factor refused: ${result.failure}`, { ip: req.ip, userId, details: { failure: result.failure } }));
        if (result.failure === 'throttled') return json(429, { error: THROTTLED_MESSAGE }, { 'retry-after': String(Math.max(1, Math.ceil((result.retryAfterMs ?? 1000) / 1000))) });
        return json(401, { error: 'Invalid code.' });
      }
      // Privilege change: new session id, new CSRF token.
      const { session, setCookie } = await sessions.rotate(current, { level: SESSION_LEVEL.mfa, reauthenticated: true });
      return json(200, { ok: true, csrfToken: session.record.csrfToken }, { 'set-cookie': setCookie });
    },
    async handleLogout(current) {
      return json(200, { ok: true }, { 'set-cookie': await sessions.destroy(current), 'clear-site-data': '"cookies", "storage"' });
    },
    async handleLogoutEverywhere(current) {
      if (!current) return json(401, { error: 'Authentication required.' });
      const ended = await sessions.destroyAllForUser(current.record.userId);
      emit(authEvent('logout-everywhere', 'logged', 'info', `ended ${ended} sessions`, { userId: current.record.userId }));
      return json(200, { ok: true, ended }, { 'set-cookie': await sessions.destroy(undefined) });
    },
  };
}

const isHasher = (x: unknown): x is PasswordHasher => typeof (x as PasswordHasher)?.hash === 'function' && typeof (x as PasswordHasher)?.check === 'function';
const isThrottle = (x: unknown): x is LoginThrottle => typeof (x as LoginThrottle)?.begin === 'function';
const isSessionManager = (x: unknown): x is SessionManager => typeof (x as SessionManager)?.load === 'function' && typeof (x as SessionManager)?.create === 'function';
