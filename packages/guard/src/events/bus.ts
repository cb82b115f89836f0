import { randomUUID } from 'node:crypto';
import type { SecurityEvent, Severity } from '@rampart/core';
import { destination, pino, stdTimeFunctions, type Logger } from 'pino';
import { GuardSetupError } from '../setup-error.js';
import { createMetrics } from './metrics.js';
import { buildEvent } from './redact.js';
import { MemorySink } from './sinks/memory.js';
import type { EventBus, EventBusOptions, EventInput, EventSink, Metrics } from './types.js';

/** Every bus option with its default. */
export const EVENT_BUS_DEFAULTS = Object.freeze({
  sinks: undefined as readonly EventSink[] | undefined,
  logger: Object.freeze({ level: 'info' }) as EventBusOptions['logger'],
  metrics: false as EventBusOptions['metrics'],
  maxQueue: 10_000,
  batchSize: 100,
});

/** pino level per severity: attacks and outages stand out at warn/error, routine limits at info. */
const LOG_LEVEL: Readonly<Record<Severity, 'error' | 'warn' | 'info'>> = Object.freeze({
  critical: 'error',
  high: 'warn',
  medium: 'warn',
  low: 'info',
  info: 'info',
});

/** Paths pino itself censors, for fields a caller's own log lines might carry next to ours. */
export const LOG_REDACT_PATHS: readonly string[] = Object.freeze([
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
]);

/** Distinct `rule` label values counted before the rest go to rule="other". */
const MAX_RULE_LABELS = 500;
/** Sink failures are logged at most this often per sink, so a dead database does not flood the log. */
const FAILURE_LOG_INTERVAL_MS = 60_000;

/**
 * One sink's bounded queue and its drain loop: at most one write in flight per sink, the oldest
 * event dropped (and counted) when the queue is full, so a slow or dead sink costs bounded memory
 * and never delays emit().
 */
class SinkQueue {
  readonly name: string;
  readonly #items: SecurityEvent[] = [];
  #head = 0;
  #busy = false;
  #scheduled = false;
  #idle: Array<() => void> = [];
  dropped = 0;
  failed = 0;
  #lastFailureLog = 0;

  constructor(
    readonly sink: EventSink,
    readonly maxQueue: number,
    readonly batchSize: number,
    readonly onDrop: (sink: string, count: number) => void,
    readonly onFailure: (sink: string, error: unknown) => void,
  ) {
    this.name = sink.name ?? sink.constructor?.name ?? 'sink';
  }

  get length(): number {
    return this.#items.length - this.#head;
  }

  push(event: SecurityEvent): void {
    if (this.length >= this.maxQueue) {
      this.#head++;
      this.dropped++;
      this.onDrop(this.name, 1);
    }
    this.#items.push(event);
    this.#schedule();
  }

  #take(n: number): SecurityEvent[] {
    const end = Math.min(this.#items.length, this.#head + n);
    const batch = this.#items.slice(this.#head, end);
    this.#head = end;
    // Compact once the consumed prefix dominates, keeping push and take amortised O(1).
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items.splice(0, this.#head);
      this.#head = 0;
    }
    return batch;
  }

  #schedule(): void {
    if (this.#scheduled || this.#busy) return;
    this.#scheduled = true;
    // Never write inside emit(): the request that emitted must not pay for the sink.
    setImmediate(() => {
      this.#scheduled = false;
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      while (this.length > 0) {
        const batch = this.sink.writeBatch ? this.#take(this.batchSize) : this.#take(1);
        try {
          const result = this.sink.writeBatch ? this.sink.writeBatch(batch) : this.sink.write(batch[0]);
          if (result && typeof (result as Promise<void>).then === 'function') await result;
        } catch (error) {
          this.failed += batch.length;
          this.onDrop(this.name, batch.length);
          const now = Date.now();
          if (now - this.#lastFailureLog >= FAILURE_LOG_INTERVAL_MS) {
            this.#lastFailureLog = now;
            this.onFailure(this.name, error);
          }
        }
      }
    } finally {
      this.#busy = false;
      const waiting = this.#idle;
      this.#idle = [];
      for (const resolve of waiting) resolve();
    }
  }

  /** Resolves when the queue is empty and no write is in flight. */
  whenIdle(): Promise<void> {
    if (this.length === 0 && !this.#busy && !this.#scheduled) return Promise.resolve();
    return new Promise((resolve) => {
      this.#idle.push(resolve);
      this.#schedule();
    });
  }
}

/** Log bytes buffered for a slow stdout before lines are dropped (and counted) instead of blocking. */
const LOG_BUFFER_BYTES = 8 * 1024 * 1024;
type AsyncDestination = ReturnType<typeof destination>;
const openDestinations = new Set<AsyncDestination>();
let exitHookInstalled = false;

/** Writes what is still buffered when the process exits, so the last events before a crash are kept. */
function flushOnExit(dest: AsyncDestination): void {
  openDestinations.add(dest);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const d of openDestinations) {
      try {
        d.flushSync();
      } catch {
        // stdout already closed or full: nothing more can be done at exit.
      }
    }
  });
}

function makeLogger(option: EventBusOptions['logger'], onDrop: () => void): { logger?: Logger; dest?: AsyncDestination } {
  if (option === false) return {};
  if (option && typeof (option as Logger).child === 'function' && typeof (option as Logger).info === 'function') {
    return { logger: (option as Logger).child({ component: 'rampart-guard' }) };
  }
  const level = (option as { level?: string } | undefined)?.level ?? 'info';
  // Asynchronous stdout with a bounded buffer: a slow log reader (a full pipe) drops lines and
  // counts them rather than blocking the event loop, which a synchronous write would do.
  const dest = destination({ dest: 1, sync: false, minLength: 0, maxLength: LOG_BUFFER_BYTES });
  dest.on('drop', onDrop);
  dest.on('error', () => undefined);
  flushOnExit(dest);
  const logger = pino(
    {
      level,
      base: { component: 'rampart-guard' },
      timestamp: stdTimeFunctions.isoTime,
      redact: { paths: [...LOG_REDACT_PATHS], censor: '[REDACTED]' },
    },
    dest,
  );
  return { logger, dest };
}

/**
 * The security event bus: emit() builds the event (id, time, redaction, size bounds), logs it as
 * one pino JSON line, counts it in Prometheus, calls live subscribers, and queues it for every
 * sink. It never throws and never waits: sinks are written on a later turn of the event loop.
 */
export function createEventBus(options: EventBusOptions = {}): EventBus {
  for (const name of Object.keys(options)) {
    if (!(name in EVENT_BUS_DEFAULTS)) {
      throw new GuardSetupError(`events: unknown option '${name}'. Known options: ${Object.keys(EVENT_BUS_DEFAULTS).join(', ')}.`);
    }
  }
  const maxQueue = options.maxQueue ?? EVENT_BUS_DEFAULTS.maxQueue;
  const batchSize = options.batchSize ?? EVENT_BUS_DEFAULTS.batchSize;
  if (!Number.isInteger(maxQueue) || maxQueue < 1) throw new GuardSetupError(`events.maxQueue: expected a whole number of at least 1, got ${maxQueue}.`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new GuardSetupError(`events.batchSize: expected a whole number from 1 to 10000, got ${batchSize}.`);
  }
  const sinks = options.sinks ?? [new MemorySink()];
  for (const sink of sinks) {
    if (!sink || typeof sink.write !== 'function') {
      throw new GuardSetupError('events.sinks: every sink needs a write(event) method (MemorySink, RedisStreamSink, PostgresSink or your own).');
    }
  }
  const metrics: Metrics | undefined = options.metrics === true ? createMetrics() : options.metrics || undefined;
  let logDropped = 0;
  const { logger, dest } = makeLogger(options.logger ?? EVENT_BUS_DEFAULTS.logger, () => {
    logDropped++;
    metrics?.droppedEvents.inc({ sink: 'log' });
  });
  const listeners = new Set<(event: SecurityEvent) => void>();
  const ruleLabels = new Set<string>();
  let emitted = 0;

  const onDrop = (sink: string, count: number) => metrics?.droppedEvents.inc({ sink }, count);
  const onFailure = (sink: string, error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    logger?.warn({ sink, reason: reason.slice(0, 300) }, `rampart: event sink '${sink}' failed; its events are dropped and counted`);
  };
  const queues = sinks.map((sink) => new SinkQueue(sink, maxQueue, batchSize, onDrop, onFailure));

  function log(event: SecurityEvent): void {
    if (!logger) return;
    const { message, time, id, ...fields } = event;
    // pino stamps its own `time`; the event's id links the log line to sinks and the dashboard.
    logger[LOG_LEVEL[event.severity] ?? 'info']({ securityEvent: true, eventId: id, eventTime: time, ...fields }, message);
  }

  function emit(input: EventInput): SecurityEvent {
    let event: SecurityEvent;
    try {
      event = buildEvent(input, randomUUID(), new Date().toISOString());
    } catch {
      // A hostile getter or a broken input object: keep a minimal event rather than throw.
      event = { id: randomUUID(), time: new Date().toISOString(), kind: 'error', practice: 6, rule: 'event-build-failed', action: 'logged', severity: 'low', message: 'An event could not be built from its input.' };
    }
    emitted++;
    try {
      log(event);
    } catch {
      // A broken logger destination must not break the request.
    }
    try {
      if (metrics) {
        // Rules come from code, but a caller building them from input must not grow the registry.
        let rule = event.rule;
        if (!ruleLabels.has(rule)) {
          if (ruleLabels.size < MAX_RULE_LABELS) ruleLabels.add(rule);
          else rule = 'other';
        }
        metrics.events.inc({ kind: event.kind, practice: String(event.practice), rule, action: event.action });
      }
    } catch {
      // Label problems are a bug in the caller, not a reason to fail the request.
    }
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber must not stop the others or the request.
      }
    }
    for (const queue of queues) queue.push(event);
    return event;
  }

  async function flush(timeoutMs = 5000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    // A sink that never answers must not hang shutdown: give up after timeoutMs.
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all(queues.map((q) => q.whenIdle())), timeout]);
    clearTimeout(timer);
  }

  return {
    emit,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats() {
      const dropped: Record<string, number> = {};
      const failed: Record<string, number> = {};
      for (const q of queues) {
        dropped[q.name] = (dropped[q.name] ?? 0) + q.dropped;
        failed[q.name] = (failed[q.name] ?? 0) + q.failed;
      }
      if (logDropped > 0) dropped.log = logDropped;
      return { emitted, dropped, failed };
    },
    flush,
    async close() {
      await flush();
      listeners.clear();
      await Promise.all(sinks.map((s) => s.close?.().catch(() => undefined)));
      if (dest) {
        openDestinations.delete(dest);
        // Asynchronous flush, bounded: a stuck stdout reader must not hang shutdown.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          try {
            dest.flush(() => {
              clearTimeout(timer);
              resolve();
            });
          } catch {
            clearTimeout(timer);
            resolve();
          }
        });
      }
    },
    metrics,
  };
}
