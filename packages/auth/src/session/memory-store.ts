import type { SessionRecord, SessionStore, StoredSession } from './store.js';

export interface MemorySessionStoreOptions {
  /** Most sessions kept; the oldest go first. */
  maxSessions?: number;
}

/** One process, lost at restart: for development, tests and single-instance apps. */
export function memorySessionStore(options: MemorySessionStoreOptions = {}): SessionStore {
  const max = options.maxSessions ?? 100_000;
  const sessions = new Map<string, { record: SessionRecord; expiresAt: number }>();
  const byUser = new Map<string, Set<string>>();

  const drop = (idHash: string) => {
    const s = sessions.get(idHash);
    if (!s) return;
    sessions.delete(idHash);
    const set = byUser.get(s.record.userId);
    set?.delete(idHash);
    if (set?.size === 0) byUser.delete(s.record.userId);
  };
  const live = (idHash: string) => {
    const s = sessions.get(idHash);
    if (s && s.expiresAt <= Date.now()) {
      drop(idHash);
      return undefined;
    }
    return s;
  };

  return {
    async get(idHash) {
      const s = live(idHash);
      return s && structuredClone(s.record);
    },
    async set(idHash, record, expiresAt) {
      drop(idHash);
      sessions.set(idHash, { record: structuredClone(record), expiresAt });
      let set = byUser.get(record.userId);
      if (!set) byUser.set(record.userId, (set = new Set()));
      set.add(idHash);
      while (sessions.size > max) drop(sessions.keys().next().value as string);
    },
    async delete(idHash) {
      drop(idHash);
    },
    async deleteUser(userId) {
      const ids = [...(byUser.get(userId) ?? [])];
      for (const id of ids) drop(id);
      return ids.length;
    },
    async listUser(userId) {
      const out: StoredSession[] = [];
      for (const idHash of [...(byUser.get(userId) ?? [])]) {
        const s = live(idHash);
        if (s) out.push({ idHash, record: structuredClone(s.record) });
      }
      return out;
    },
  };
}
