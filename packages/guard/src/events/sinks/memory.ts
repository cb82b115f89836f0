import type { SecurityEvent } from '@rampart/core';
import { GuardSetupError } from '../../setup-error.js';
import type { EventPage, EventReader, EventSink } from '../types.js';

/**
 * The default sink: the last `capacity` events in a ring buffer, per process. Enough for the
 * dashboard of a single instance and for tests; use the Redis stream or PostgreSQL sink to keep
 * events across restarts and instances.
 */
export class MemorySink implements EventSink, EventReader {
  readonly name = 'memory';
  readonly capacity: number;
  readonly #ring: (SecurityEvent | undefined)[];
  /** Sequence number of the next event written; the cursor of event n is String(n). */
  #seq = 0;

  constructor(capacity = 1000) {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10_000_000) {
      throw new GuardSetupError(`MemorySink capacity: expected a whole number from 1 to 10000000, got ${capacity}.`);
    }
    this.capacity = capacity;
    this.#ring = new Array(capacity);
  }

  write(event: SecurityEvent): void {
    this.#ring[this.#seq % this.capacity] = event;
    this.#seq++;
  }

  /** Events held now (at most capacity). */
  get size(): number {
    return Math.min(this.#seq, this.capacity);
  }

  /** The newest `n` events, newest first. */
  recent(n = 50): SecurityEvent[] {
    const count = Math.max(0, Math.min(Math.floor(n), this.size));
    const out: SecurityEvent[] = [];
    for (let i = 1; i <= count; i++) out.push(this.#ring[(this.#seq - i) % this.capacity]!);
    return out;
  }

  async read(sinceCursor?: string, count = 100): Promise<EventPage> {
    const oldest = this.#seq - this.size;
    const since = sinceCursor === undefined || !/^\d{1,15}$/.test(sinceCursor) ? oldest - 1 : Number(sinceCursor);
    const first = Math.max(oldest, since + 1);
    const last = Math.min(this.#seq, first + Math.max(0, Math.floor(count)));
    const events: SecurityEvent[] = [];
    for (let s = first; s < last; s++) events.push(this.#ring[s % this.capacity]!);
    return { events, cursor: events.length > 0 ? String(last - 1) : sinceCursor };
  }

  async latest(count = 100): Promise<EventPage> {
    const n = Math.max(0, Math.min(Math.floor(count), this.size));
    const first = this.#seq - n;
    const events: SecurityEvent[] = [];
    for (let s = first; s < this.#seq; s++) events.push(this.#ring[s % this.capacity]!);
    return { events, cursor: this.#seq > 0 ? String(this.#seq - 1) : undefined };
  }

  async close(): Promise<void> {}
}
