export { createSessionManager, hashSessionId, type Session, type SessionManager, type SessionManagerOptions } from './session-manager.js';
export { createCsrfCheck, type CsrfOptions, type CsrfCheck, type CsrfFailure, type CsrfRequest } from './csrf.js';
export { memorySessionStore, type MemorySessionStoreOptions } from './memory-store.js';
export { redisSessionStore, type RedisSessionStoreOptions } from './redis-store.js';
export { sqliteSessionStore, type SqliteSessionStoreOptions, type SqliteDatabase } from './sqlite-store.js';
export { postgresSessionStore, type PostgresSessionStoreOptions, type PgQueryable } from './postgres-store.js';
export type { SessionRecord, SessionStore, StoredSession } from './store.js';
