import type { SecurityEvent } from '@rampart/core';
import { Redis, type Cluster } from 'ioredis';
import { GuardSetupError } from '../../setup-error.js';
import type { EventPage, EventReader, EventSink } from '../types.js';

export interface RedisStreamSinkOptions {
  /** An ioredis client or Cluster you own (you close it). Give `client` or `url`. */
  readonly client?: Redis | Cluster;
  /** A redis:// URL; the sink makes its own client and closes it on close(). */
  readonly url?: string;
  /** Stream key. Default 'rampart:events'. */
  readonly stream?: string;
  /** Approximate cap of the stream (XADD MAXLEN ~), so it never grows without bound. Default 100_000. */
  readonly maxLen?: number;
}

/** Longest a reader may ask for at once. */
const MAX_READ = 1000;
/** Redis stream ids: milliseconds-sequence. */
const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

/**
 * Events in a Redis stream shared by every instance: one XADD per event (pipelined per batch),
 * trimmed approximately to `maxLen`. The dashboard reads it back with read(sinceId, count).
 */
export class RedisStreamSink implements EventSink, EventReader {
  readonly name = 'redis-stream';
  readonly stream: string;
  readonly maxLen: number;
  readonly client: Redis | Cluster;
  readonly #ownsClient: boolean;

  constructor(options: RedisStreamSinkOptions) {
    if (!options || (options.client === undefined) === (options.url === undefined)) {
      throw new GuardSetupError("RedisStreamSink: pass exactly one of `client` (an ioredis instance) or `url` ('redis://127.0.0.1:6379').");
    }
    const maxLen = options.maxLen ?? 100_000;
    if (!Number.isInteger(maxLen) || maxLen < 1) throw new GuardSetupError(`RedisStreamSink maxLen: expected a whole number of at least 1, got ${maxLen}.`);
    this.maxLen = maxLen;
    this.stream = options.stream ?? 'rampart:events';
    if (options.client) {
      this.client = options.client;
      this.#ownsClient = false;
    } else {
      this.client = new Redis(options.url!, { enableOfflineQueue: true, maxRetriesPerRequest: 0, commandTimeout: 2000 });
      // Write failures reach the bus (counted, logged once a minute); reconnect noise is not news.
      this.client.on('error', () => {});
      this.#ownsClient = true;
    }
  }

  async write(event: SecurityEvent): Promise<void> {
    await this.writeBatch([event]);
  }

  async writeBatch(events: readonly SecurityEvent[]): Promise<void> {
    const pipeline = this.client.pipeline();
    for (const event of events) pipeline.xadd(this.stream, 'MAXLEN', '~', this.maxLen, '*', 'event', JSON.stringify(event));
    const results = (await pipeline.exec()) ?? [];
    const failure = results.find(([error]) => error);
    if (failure) throw failure[0];
  }

  /** Events after stream id `sinceId` (from the oldest kept when undefined), oldest first. */
  async read(sinceId?: string, count = 100): Promise<EventPage> {
    if (sinceId !== undefined && !STREAM_ID.test(sinceId)) throw new GuardSetupError(`RedisStreamSink.read: '${sinceId}' is not a stream id such as '1712345678901-0'.`);
    const n = Math.max(1, Math.min(MAX_READ, Math.floor(count)));
    const entries = await this.client.xrange(this.stream, sinceId === undefined ? '-' : `(${sinceId}`, '+', 'COUNT', n);
    const events: SecurityEvent[] = [];
    let cursor = sinceId;
    for (const [id, fields] of entries) {
      cursor = id;
      const event = parseEntry(fields);
      if (event) events.push(event);
    }
    return { events, cursor };
  }

  async latest(count = 100): Promise<EventPage> {
    const n = Math.max(1, Math.min(MAX_READ, Math.floor(count)));
    const entries = (await this.client.xrevrange(this.stream, '+', '-', 'COUNT', n)).reverse();
    return { events: entries.map(([, fields]) => parseEntry(fields)).filter((e): e is SecurityEvent => e !== undefined), cursor: entries.at(-1)?.[0] };
  }

  async close(): Promise<void> {
    if (this.#ownsClient) await this.client.quit().catch(() => this.client.disconnect());
  }
}

/** The event of a stream entry; undefined for an entry someone else wrote (skipped, cursor moves on). */
function parseEntry(fields: string[]): SecurityEvent | undefined {
  const at = fields.indexOf('event');
  if (at < 0 || at + 1 >= fields.length) return undefined;
  try {
    return JSON.parse(fields[at + 1]) as SecurityEvent;
  } catch {
    return undefined;
  }
}
