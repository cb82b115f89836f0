/**
 * @rampart/auth: password hashing, login throttling, sessions with CSRF protection, TOTP
 * two-factor, password reset and JWT helpers, framework-agnostic with Express, Fastify and Koa
 * adapters (practice 2). Start with createAuth(), or hashPassword()/verifyPassword() alone.
 */
export { createAuth, LOGIN_FAILED_MESSAGE, THROTTLED_MESSAGE, SESSION_LEVEL, type Auth, type PasswordChangeOutcome, type AuthOptions, type AuthUser, type AuthRequest, type AuthResponse, type AuthContext, type LoginOutcome, type LoginFailure } from './auth.js';
export { DEFAULTS, type PepperOption } from './defaults.js';
export { AuthSetupError } from './setup-error.js';
export { authEvent, type AuthEventRule, type AuthEventSink } from './events.js';
export * from './password/index.js';
export * from './throttle/index.js';
export * from './session/index.js';
export * from './totp/index.js';
export * from './reset/index.js';
export * from './jwt/index.js';
export type { RedisScriptClient } from './stores/redis-client.js';
export { expressAuth, nodeHttpAuth, type ExpressAuth, type ExpressLikeRequest } from './adapters/express.js';
export { fastifyAuth, type FastifyAuth, type FastifyLikeRequest, type FastifyLikeReply } from './adapters/fastify.js';
export { koaAuth, type KoaAuth, type KoaLikeContext } from './adapters/koa.js';
