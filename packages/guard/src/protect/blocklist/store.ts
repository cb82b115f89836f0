import { createRequire } from 'node:module';
import type { Redis as RedisClient } from 'ioredis';

export type BlockKind = 'ip' | 'user';

/** One block: until is epoch milliseconds (Infinity: until unblocked). */
export interface BlockEntry {
  readonly kind: BlockKind;
  readonly value: string;
  readonly until: number;
}

/**
 * Where blocks live. Every check reads the in-process mirror (a Map lookup, no I/O per request);
 * a shared store keeps the mirrors of all instances in step.
 */
export interface BlockStore {
  add(entry: BlockEntry): Promise<void>;
  remove(kind: BlockKind, value: string): Promise<void>;
  /**
   * Counts one detection from `ip` in a sliding window of `windowMs`; true when this one made
   * `threshold` (that count then starts again, so only one caller sees it).
   */
  hit(ip: string, windowMs: number, threshold: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Detection times per IP, in this process; bounded under a flood of distinct addresses. */
export class LocalHits {
  readonly #hits = new Map<string, number[]>();
  static readonly MAX_KEYS = 10_000;

  hit(ip: string, windowMs: number, threshold: number): boolean {
    const now = Date.now();
    const times = (this.#hits.get(ip) ?? []).filter((t) => t > now - windowMs);
    times.push(now);
    if (times.length >= threshold) {
      this.#hits.delete(ip);
      return true;
    }
    this.#hits.delete(ip); // re-inserted last: the oldest counters are the first keys
    this.#hits.set(ip, times);
    if (this.#hits.size > LocalHits.MAX_KEYS) this.#hits.delete(this.#hits.keys().next().value!);
    return false;
  }
}

export type Mirror = Map<string, number>;
export const mirrorKey = (kind: BlockKind, value: string) => `${kind}:${value}`;

/** The default: blocks and detection counts live in this process only. */
export class MemoryBlockStore implements BlockStore {
  readonly #hits = new LocalHits();
  constructor(private readonly mirror: Mirror) {}
  async hit(ip: string, windowMs: number, threshold: number): Promise<boolean> {
    return this.#hits.hit(ip, windowMs, threshold);
  }
  async add(entry: BlockEntry): Promise<void> {
    this.mirror.set(mirrorKey(entry.kind, entry.value), entry.until);
  }
  async remove(kind: BlockKind, value: string): Promise<void> {
    this.mirror.delete(mirrorKey(kind, value));
  }
  async close(): Promise<void> {}
}

const RESYNC_MS = 30_000;

// One sliding window per IP, counted atomically across instances: a sorted set of detection
// times; the detection that reaches the threshold deletes it, so exactly one instance blocks.
const HIT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[5])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  redis.call('DEL', KEYS[1])
  return 1
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 0`;

/**
 * Blocks shared through Redis: one sorted set (`<prefix>blocks`, member `ip:1.2.3.4`, score the
 * expiry in ms, `+inf` for no expiry) and a pub/sub channel (`<prefix>changes`) that tells every
 * instance to apply a change at once. Each instance loads the set at start and every 30 s (a
 * missed message while reconnecting is repaired then); expired members are dropped on load.
 */
export class RedisBlockStore implements BlockStore {
  readonly #client: RedisClient;
  readonly #subscriber: RedisClient;
  readonly #key: string;
  readonly #channel: string;
  readonly #timer: NodeJS.Timeout;
  readonly #prefix: string;
  /** Counts made here while Redis does not answer. */
  readonly #fallback = new LocalHits();
  #seq = 0;
  /** Resolves once the first load finished (or failed: checks then use what is known). */
  readonly ready: Promise<void>;

  constructor(
    private readonly mirror: Mirror,
    url: string,
    prefix: string,
  ) {
    // Loaded on first use: apps without a Redis block list never load ioredis.
    const { Redis } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
    const options = { maxRetriesPerRequest: 1, commandTimeout: 2000, retryStrategy: (n: number) => Math.min(n * 200, 2000) };
    this.#client = new Redis(url, options);
    this.#subscriber = new Redis(url, options);
    // Without listeners ioredis prints every reconnect failure; a dead Redis means stale lists, not a crash.
    this.#client.on('error', () => {});
    this.#subscriber.on('error', () => {});
    this.#prefix = prefix;
    this.#key = `${prefix}blocks`;
    this.#channel = `${prefix}changes`;
    this.#subscriber.on('message', (_channel: string, message: string) => this.#apply(message));
    this.ready = this.#subscriber
      .subscribe(this.#channel)
      .then(() => this.#load())
      .catch(() => {});
    this.#timer = setInterval(() => void this.#load().catch(() => {}), RESYNC_MS);
    this.#timer.unref();
  }

  #apply(message: string): void {
    try {
      const change = JSON.parse(message) as { op: 'add' | 'remove'; kind: BlockKind; value: string; until?: number | null };
      if (typeof change.value !== 'string' || (change.kind !== 'ip' && change.kind !== 'user')) return;
      if (change.op === 'add') this.mirror.set(mirrorKey(change.kind, change.value), change.until ?? Infinity);
      else this.mirror.delete(mirrorKey(change.kind, change.value));
    } catch {
      /* a foreign message on our channel is ignored */
    }
  }

  async #load(): Promise<void> {
    const now = Date.now();
    await this.#client.zremrangebyscore(this.#key, '-inf', now);
    const flat = await this.#client.zrange(this.#key, 0, -1, 'WITHSCORES');
    this.mirror.clear();
    for (let i = 0; i + 1 < flat.length; i += 2) this.mirror.set(flat[i]!, flat[i + 1] === 'inf' ? Infinity : Number(flat[i + 1]));
  }

  async add(entry: BlockEntry): Promise<void> {
    const member = mirrorKey(entry.kind, entry.value);
    this.mirror.set(member, entry.until);
    await this.#client.zadd(this.#key, entry.until === Infinity ? '+inf' : entry.until, member);
    await this.#client.publish(this.#channel, JSON.stringify({ op: 'add', kind: entry.kind, value: entry.value, until: entry.until === Infinity ? null : entry.until }));
  }

  async remove(kind: BlockKind, value: string): Promise<void> {
    this.mirror.delete(mirrorKey(kind, value));
    await this.#client.zrem(this.#key, mirrorKey(kind, value));
    await this.#client.publish(this.#channel, JSON.stringify({ op: 'remove', kind, value }));
  }

  /** Counted in Redis, so detections spread over instances add up; in this process while Redis is down. */
  async hit(ip: string, windowMs: number, threshold: number): Promise<boolean> {
    const now = Date.now();
    try {
      const member = `${now}:${process.pid}:${this.#seq++}`;
      const reached = await this.#client.eval(HIT_SCRIPT, 1, `${this.#prefix}hits:${ip}`, now, now - windowMs, threshold, windowMs, member);
      return reached === 1;
    } catch {
      return this.#fallback.hit(ip, windowMs, threshold);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.#client.disconnect();
    this.#subscriber.disconnect();
  }
}
