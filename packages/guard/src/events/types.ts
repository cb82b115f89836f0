import type { SecurityEvent } from '@rampart/core';
import type { Logger } from 'pino';
import type { Counter, Histogram, Registry } from 'prom-client';

/** What callers give emit(): the bus adds `id` and `time`. */
export type EventInput = Omit<SecurityEvent, 'id' | 'time'>;

/** A destination for events. write() may be slow or fail: the bus queues and never waits for it. */
export interface EventSink {
  /** Human name for logs and counters ('memory', 'redis-stream', 'postgres'). */
  readonly name?: string;
  write(event: SecurityEvent): void | Promise<void>;
  /** When present the bus hands over up to `batchSize` queued events at once. */
  writeBatch?(events: readonly SecurityEvent[]): void | Promise<void>;
  close?(): Promise<void>;
}

/** One page of stored events, oldest first, and the cursor to pass to the next read. */
export interface EventPage {
  readonly events: SecurityEvent[];
  /** Cursor of the last returned event, or the cursor passed in when nothing is new. */
  readonly cursor: string | undefined;
}

/** A sink the dashboard can read back, by cursor (stream id, row sequence, ring position). */
export interface EventReader {
  /** Events strictly after `sinceCursor` (from the oldest kept when undefined), at most `count`. */
  read(sinceCursor?: string, count?: number): Promise<EventPage>;
  /**
   * The newest `count` events, oldest first, and the cursor of the newest: show them, then poll
   * read(cursor) for what comes next.
   */
  latest(count?: number): Promise<EventPage>;
}

export interface Metrics {
  readonly registry: Registry;
  /** rampart_security_events_total{kind,practice,rule,action} */
  readonly events: Counter<'kind' | 'practice' | 'rule' | 'action'>;
  /** rampart_rate_limit_decisions_total{limiter,decision}: decision is allowed, limited, fail-open, fail-closed, fail-memory. */
  readonly rateLimitDecisions: Counter<'limiter' | 'decision'>;
  /** rampart_events_dropped_total{sink}: events dropped because a sink's queue was full or it failed. */
  readonly droppedEvents: Counter<'sink'>;
  /** rampart_http_request_duration_seconds{method,route,status} */
  readonly requestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Start timing a request; call the returned function when the response is finished. */
  startRequestTimer(method: string): (route: string, status: number) => void;
}

export interface EventBusOptions {
  /** Default: one MemorySink (ring buffer of 1000 events). Pass [] for none. */
  readonly sinks?: readonly EventSink[];
  /** false: no logs. A pino Logger: events go to it. Options: a new pino logger to stdout. Default { level: 'info' }. */
  readonly logger?: false | Logger | { readonly level?: string };
  /** true: a new Metrics on its own registry. Default false. */
  readonly metrics?: boolean | Metrics;
  /** Events queued per sink before the oldest are dropped. Default 10_000. */
  readonly maxQueue?: number;
  /** Events handed to writeBatch at once. Default 100. */
  readonly batchSize?: number;
}

export interface EventBus {
  /** Build, redact, log, count and queue an event. Never throws, never waits for a sink. */
  emit(input: EventInput): SecurityEvent;
  /** Synchronous listeners (the dashboard's live feed). A throwing listener is isolated. */
  subscribe(listener: (event: SecurityEvent) => void): () => void;
  /** Counters of what the bus could not deliver, per sink name. */
  stats(): { emitted: number; dropped: Record<string, number>; failed: Record<string, number> };
  /** Wait until every queued event was handed to its sink (or failed), at most timeoutMs (default 5000). */
  flush(timeoutMs?: number): Promise<void>;
  /** flush, then close every sink. */
  close(): Promise<void>;
  readonly metrics?: Metrics;
}
