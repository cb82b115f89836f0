import { applyAlgorithm, resetState, type KeyState } from './algorithms.js';
import { RateLimitSetupError } from './client-ip.js';
import type { RateLimitStore, StoreConsume, StoreDecision } from './types.js';

export interface MemoryStoreOptions {
  /**
   * Most keys kept. When full, the least recently used key is forgotten (it is usually one whose
   * window is over already). Default 200_000 (about 30 MB with IPv4 keys, see docs/rate-limiting.md).
   */
  readonly maxKeys?: number;
  /** Clock in epoch ms; tests move time without waiting. Default Date.now. */
  readonly now?: () => number;
}

const NONE = -1;
const INITIAL_CAPACITY = 1024;

/**
 * A bounded, per-process rate-limit store. Every operation is O(1): one Map lookup and a move in
 * an intrusive LRU list kept in typed arrays (no object per key, so 1M keys cost tens of MB, not
 * hundreds). Expiry is lazy: a key whose window is over is reset when next seen or evicted when
 * the store is full; there are no timers, so windows of days or months never hit setTimeout's
 * 24.8-day ceiling and an idle store costs nothing.
 */
export class MemoryStore implements RateLimitStore {
  readonly maxKeys: number;
  readonly #now: () => number;
  readonly #index = new Map<string, number>();
  #keys: (string | undefined)[] = [];
  #a = new Float64Array(0);
  #b = new Float64Array(0);
  #t = new Float64Array(0);
  #expires = new Float64Array(0);
  #prev = new Int32Array(0);
  #next = new Int32Array(0);
  #capacity = 0;
  #used = 0;
  /** Most recently used slot. */
  #head = NONE;
  /** Least recently used slot: the next to evict. */
  #tail = NONE;
  #evictions = 0;
  readonly #scratch: KeyState = { a: 0, b: 0, t: 0 };

  constructor(options: MemoryStoreOptions = {}) {
    const maxKeys = options.maxKeys ?? 200_000;
    if (!Number.isInteger(maxKeys) || maxKeys < 1 || maxKeys > 50_000_000) {
      throw new RateLimitSetupError(`MemoryStore maxKeys: expected a whole number from 1 to 50000000, got ${maxKeys}.`);
    }
    this.maxKeys = maxKeys;
    this.#now = options.now ?? Date.now;
  }

  /** Keys currently held (never above maxKeys). */
  get size(): number {
    return this.#index.size;
  }

  /** Keys forgotten to stay under maxKeys. */
  get evictions(): number {
    return this.#evictions;
  }

  consume(request: StoreConsume): StoreDecision {
    const now = this.#now();
    const { key, algorithm, limit, windowMs, cost } = request;
    let slot = this.#index.get(key);
    const state = this.#scratch;
    if (slot === undefined || this.#expires[slot] <= now) {
      resetState(state, algorithm, limit, now, windowMs);
    } else {
      state.a = this.#a[slot];
      state.b = this.#b[slot];
      state.t = this.#t[slot];
    }
    const result = applyAlgorithm(algorithm, state, limit, windowMs, cost, now);
    if (slot === undefined) slot = this.#insert(key);
    else this.#touch(slot);
    this.#a[slot] = state.a;
    this.#b[slot] = state.b;
    this.#t[slot] = state.t;
    this.#expires[slot] = result.expiresAt;
    return result;
  }

  reset(key: string): void {
    const slot = this.#index.get(key);
    if (slot === undefined) return;
    // Expire in place; the slot is reused for this key or evicted later.
    this.#expires[slot] = 0;
  }

  async close(): Promise<void> {
    this.#index.clear();
    this.#keys = [];
    this.#capacity = 0;
    this.#used = 0;
    this.#head = this.#tail = NONE;
    this.#a = this.#b = this.#t = this.#expires = new Float64Array(0);
    this.#prev = this.#next = new Int32Array(0);
  }

  #insert(key: string): number {
    let slot: number;
    if (this.#used < this.maxKeys) {
      if (this.#used === this.#capacity) this.#grow();
      slot = this.#used++;
    } else {
      slot = this.#tail;
      this.#unlink(slot);
      this.#index.delete(this.#keys[slot]!);
      this.#evictions++;
    }
    this.#keys[slot] = key;
    this.#index.set(key, slot);
    this.#pushFront(slot);
    return slot;
  }

  #touch(slot: number): void {
    if (slot === this.#head) return;
    this.#unlink(slot);
    this.#pushFront(slot);
  }

  #pushFront(slot: number): void {
    this.#prev[slot] = NONE;
    this.#next[slot] = this.#head;
    if (this.#head !== NONE) this.#prev[this.#head] = slot;
    this.#head = slot;
    if (this.#tail === NONE) this.#tail = slot;
  }

  #unlink(slot: number): void {
    const p = this.#prev[slot];
    const n = this.#next[slot];
    if (p !== NONE) this.#next[p] = n;
    else this.#head = n;
    if (n !== NONE) this.#prev[n] = p;
    else this.#tail = p;
  }

  /** Doubles the typed arrays up to maxKeys, so a small app never pays for the cap it does not use. */
  #grow(): void {
    const capacity = Math.min(this.maxKeys, Math.max(INITIAL_CAPACITY, this.#capacity * 2));
    const growF = (old: Float64Array) => {
      const next = new Float64Array(capacity);
      next.set(old);
      return next;
    };
    const growI = (old: Int32Array) => {
      const next = new Int32Array(capacity);
      next.set(old);
      return next;
    };
    this.#a = growF(this.#a);
    this.#b = growF(this.#b);
    this.#t = growF(this.#t);
    this.#expires = growF(this.#expires);
    this.#prev = growI(this.#prev);
    this.#next = growI(this.#next);
    this.#capacity = capacity;
  }
}
