import type { SecurityEvent } from '@rampart/core';
import { MemorySink, PostgresSink, RedisStreamSink } from '@rampart/guard';

/** A page of events and the cursor of the last one (the guard sinks' EventPage). */
export interface EventSourcePage {
  readonly events: readonly SecurityEvent[];
  readonly cursor: string | undefined;
}

/** What the dashboard reads: any of the guard's sinks (they all implement read and latest). */
export interface EventSource {
  /** Events strictly after `cursor`, oldest first. */
  read(cursor?: string, count?: number): Promise<EventSourcePage>;
  /** The newest `count` events, oldest first. */
  latest(count?: number): Promise<EventSourcePage>;
  close?(): Promise<void>;
}

/** Reads a Redis stream written by the guard's RedisStreamSink. */
export function redisStreamSource(options: { readonly url: string; readonly stream?: string }): EventSource {
  return new RedisStreamSink({ url: options.url, stream: options.stream });
}

/** Reads the table written by the guard's PostgresSink; never creates it (a dashboard only reads). */
export function postgresSource(options: { readonly connectionString: string; readonly table?: string }): EventSource {
  return new PostgresSink({ connectionString: options.connectionString, table: options.table, createTable: false });
}

/** An in-process ring; pass the same MemorySink the guard writes to. */
export function memorySource(sink: MemorySink = new MemorySink()): EventSource {
  return sink;
}
