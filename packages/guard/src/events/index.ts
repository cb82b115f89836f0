/**
 * Security events for @rampart/guard (practice 6): one bus that redacts, logs (pino JSON),
 * counts (prom-client) and delivers events to sinks without ever blocking a request.
 * The SecurityEvent model itself lives in @rampart/core. docs/security-events.md.
 */
export type { EventInput, EventSink, EventReader, EventPage, EventBus, EventBusOptions, Metrics } from './types.js';
export { createEventBus, EVENT_BUS_DEFAULTS, LOG_REDACT_PATHS } from './bus.js';
export { createMetrics, metricsHandler, serveMetrics, REQUEST_DURATION_BUCKETS, type MetricsHandlerOptions, type MetricsOptions, type ServeMetricsOptions } from './metrics.js';
export { redactValue, redactText, isSecretFieldName, SECRET_FIELD_NAMES, SECRET_VALUE_PATTERNS, REDACTED } from './redact.js';
export { MemorySink } from './sinks/memory.js';
export { RedisStreamSink, type RedisStreamSinkOptions } from './sinks/redis-stream.js';
export { PostgresSink, type PostgresSinkOptions, type PgQueryable } from './sinks/postgres.js';
