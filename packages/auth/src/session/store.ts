/** What the server keeps for one session. The session id itself is never stored, only its SHA-256. */
export interface SessionRecord {
  userId: string;
  /** Epoch ms of creation: the absolute timeout counts from here. */
  createdAt: number;
  /** Epoch ms of the last request seen (written at most every touchIntervalMs). */
  lastSeenAt: number;
  /** Epoch ms of the last full authentication (password, 2FA): for re-authentication checks. */
  authenticatedAt: number;
  /** The synchronizer CSRF token of this session. */
  csrfToken: string;
  /** How the user authenticated: `password`, `mfa`, or an app-defined privilege level. */
  level: string;
  /** App data, JSON-serialisable. */
  data: Record<string, unknown>;
}

export interface StoredSession {
  idHash: string;
  record: SessionRecord;
}

/** Every session store: memory, Redis, SQLite (better-sqlite3), PostgreSQL (pg). */
export interface SessionStore {
  get(idHash: string): Promise<SessionRecord | undefined>;
  /** Creates or replaces; the store forgets the session at expiresAt (epoch ms). */
  set(idHash: string, record: SessionRecord, expiresAt: number): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Logout everywhere: deletes every session of the user, returns how many. */
  deleteUser(userId: string): Promise<number>;
  /** The user's live sessions (ASVS V7.5.2: users can see and end them). */
  listUser(userId: string): Promise<StoredSession[]>;
}

/** SQL identifiers come from options, never from requests; still, only plain names are accepted. */
export const SQL_TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
