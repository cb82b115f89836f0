import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import { createHash, randomBytes } from 'node:crypto';
import { DEFAULTS } from '../defaults.js';
import { AuthSetupError, rejectUnknownOptions } from '../setup-error.js';
import { memorySessionStore } from './memory-store.js';
import type { SessionRecord, SessionStore } from './store.js';

export interface SessionManagerOptions {
  /** memorySessionStore() (default), redisSessionStore, sqliteSessionStore or postgresSessionStore. */
  store?: SessionStore;
  /** Cookie name; keep the `__Host-` prefix. */
  cookieName?: string;
  idleTimeoutMs?: number;
  absoluteTimeoutMs?: number;
  touchIntervalMs?: number;
  sameSite?: 'lax' | 'strict';
  /** The clock (epoch ms), for tests; stores still expire entries by their own real-time clocks. */
  now?: () => number;
}

/** A live session as the app sees it. `id` is the cookie value: never log or store it. */
export interface Session {
  readonly id: string;
  readonly idHash: string;
  readonly record: SessionRecord;
}

export interface SessionManager {
  /** A new session (login). Returns the session and its Set-Cookie header value. */
  create(userId: string, init?: { level?: string; data?: Record<string, unknown> }): Promise<{ session: Session; setCookie: string }>;
  /** The session named by a Cookie header, or undefined if absent, unknown, idle too long or too old. */
  load(cookieHeader: string | undefined): Promise<Session | undefined>;
  /** New id for the same user (privilege change, re-authentication); the old id stops working. */
  rotate(session: Session, changes?: { level?: string; data?: Record<string, unknown>; reauthenticated?: boolean }): Promise<{ session: Session; setCookie: string }>;
  /** Saves changed app data under the same id. */
  save(session: Session): Promise<void>;
  /** Logout: ends the session, returns the Set-Cookie value that clears the cookie. */
  destroy(session: Session | undefined): Promise<string>;
  /** Logout everywhere (or account disabled): ends every session of the user. */
  destroyAllForUser(userId: string): Promise<number>;
  /** The user's sessions, for a "where you're signed in" page; ids are hashes, never cookie values. */
  list(userId: string): Promise<{ idHash: string; createdAt: number; lastSeenAt: number; level: string }[]>;
  /** Ends one session by its id hash, only if it belongs to the user. */
  destroyByHash(userId: string, idHash: string): Promise<boolean>;
  readonly cookieName: string;
  readonly store: SessionStore;
}

const ID_FORMAT = /^[A-Za-z0-9_-]{43}$/;
export const hashSessionId = (id: string): string => createHash('sha256').update(id).digest('base64url');

export function createSessionManager(options: SessionManagerOptions = {}): SessionManager {
  rejectUnknownOptions('sessions', options, ['store', 'cookieName', 'idleTimeoutMs', 'absoluteTimeoutMs', 'touchIntervalMs', 'sameSite', 'now']);
  const d = DEFAULTS.session;
  const { now: _clock, store: _store, ...rest } = options;
  const o = { ...d, ...rest };
  const store = options.store ?? memorySessionStore();
  const clock = options.now ?? Date.now;
  if (!o.cookieName.startsWith('__Host-')) {
    throw new AuthSetupError('sessions.cookieName', `is ${JSON.stringify(o.cookieName)}`, 'Keep the `__Host-` prefix (e.g. `__Host-sid`): it makes browsers refuse the cookie from subdomains and over plain HTTP.');
  }
  if (!(o.idleTimeoutMs > 0 && o.absoluteTimeoutMs >= o.idleTimeoutMs)) {
    throw new AuthSetupError('sessions.idleTimeoutMs', `is ${o.idleTimeoutMs} with absoluteTimeoutMs ${o.absoluteTimeoutMs}`, 'Use 0 < idleTimeoutMs <= absoluteTimeoutMs.');
  }
  if (o.sameSite !== 'lax' && o.sameSite !== 'strict') throw new AuthSetupError('sessions.sameSite', `is ${JSON.stringify(o.sameSite)}`, 'Use "lax" (default) or "strict"; "none" would send the cookie on cross-site requests.');

  const cookieFor = (id: string) => serializeCookie(o.cookieName, id, { httpOnly: true, secure: true, sameSite: o.sameSite, path: '/' });
  const expiresAt = (r: SessionRecord) => Math.min(r.lastSeenAt + o.idleTimeoutMs, r.createdAt + o.absoluteTimeoutMs);

  async function put(record: SessionRecord) {
    // 256 bits from the CSPRNG; only the SHA-256 is stored, so a leaked session table logs nobody in.
    const id = randomBytes(32).toString('base64url');
    const session = { id, idHash: hashSessionId(id), record };
    await store.set(session.idHash, record, expiresAt(record));
    return { session, setCookie: cookieFor(id) };
  }

  return {
    cookieName: o.cookieName,
    store,
    async create(userId, init = {}) {
      if (typeof userId !== 'string' || userId.length === 0) throw new TypeError('sessions.create: userId must be a non-empty string');
      const now = clock();
      return put({ userId, createdAt: now, lastSeenAt: now, authenticatedAt: now, csrfToken: randomBytes(32).toString('base64url'), level: init.level ?? 'password', data: init.data ?? {} });
    },
    async load(cookieHeader) {
      if (typeof cookieHeader !== 'string' || cookieHeader.length > 8192) return undefined;
      const id = parseCookies(cookieHeader)[o.cookieName];
      if (!id || !ID_FORMAT.test(id)) return undefined;
      const idHash = hashSessionId(id);
      const record = await store.get(idHash);
      if (!record) return undefined;
      const now = clock();
      if (now >= expiresAt(record)) {
        await store.delete(idHash);
        return undefined;
      }
      if (now - record.lastSeenAt >= o.touchIntervalMs) {
        record.lastSeenAt = now;
        await store.set(idHash, record, expiresAt(record));
      }
      return { id, idHash, record };
    },
    async rotate(session, changes = {}) {
      await store.delete(session.idHash);
      const now = clock();
      const r = session.record;
      return put({
        ...r,
        lastSeenAt: now,
        authenticatedAt: changes.reauthenticated ? now : r.authenticatedAt,
        // A new CSRF token too: a token read before the privilege change is worthless after it.
        csrfToken: randomBytes(32).toString('base64url'),
        level: changes.level ?? r.level,
        data: changes.data ?? r.data,
      });
    },
    async save(session) {
      await store.set(session.idHash, session.record, expiresAt(session.record));
    },
    async destroy(session) {
      if (session) await store.delete(session.idHash);
      return serializeCookie(o.cookieName, '', { httpOnly: true, secure: true, sameSite: o.sameSite, path: '/', expires: new Date(0) });
    },
    destroyAllForUser: (userId) => store.deleteUser(userId),
    async list(userId) {
      return (await store.listUser(userId)).filter((s) => clock() < expiresAt(s.record)).map((s) => ({ idHash: s.idHash, createdAt: s.record.createdAt, lastSeenAt: s.record.lastSeenAt, level: s.record.level }));
    },
    async destroyByHash(userId, idHash) {
      const r = await store.get(idHash);
      if (!r || r.userId !== userId) return false;
      await store.delete(idHash);
      return true;
    },
  };
}
