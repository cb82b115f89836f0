import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, sep } from 'node:path';
import type { SecurityEvent } from '@rampart/core';
import type { AttackKind } from './attack.js';
import { eventRoute, type RequestContext } from './context.js';
import { requestState } from '../request-state.js';

export type DetectionListener = (event: SecurityEvent) => void;

const listeners = new Set<DetectionListener>();

/** Subscribe to every detection (the guard's event bus wires itself here). Returns an unsubscribe function. */
export function onDetection(listener: DetectionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const PAYLOAD_MAX = 200;
// This package's own files, so the reported frame is the app's line that called the sink.
const OWN_DIR = dirname(dirname(fileURLToPath(import.meta.url))) + sep;

/** The first stack frame outside node_modules, node: internals and Rampart itself. */
export function appFrame(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  for (const line of stack.split('\n').slice(1)) {
    const frame = line.trim().replace(/^at /, '');
    if (frame.includes('node_modules') || frame.includes('node:') || frame.includes(OWN_DIR)) continue;
    // Only frames with a file location: `new Promise (<anonymous>)` and `(native)` say nothing.
    if (!/:\d+:\d+\)?$/.test(frame)) continue;
    if (frame.includes(OWN_DIR.replace(/\\/g, '/'))) continue;
    return frame;
  }
  return undefined;
}

export interface DetectionFacts {
  readonly kind: AttackKind;
  readonly payload: string;
  readonly source: string;
  readonly sink: string;
  readonly reason: string;
  readonly blocked: boolean;
  readonly stack: string | undefined;
}

// When the rampart() middleware runs, its request id is the one in its responses and logs, so
// events carry that one (its state is shared by every copy of the package, see request-state.ts).
export function requestIdOf(ctx: RequestContext | undefined): string | undefined {
  const state = ctx?.req ? requestState(ctx.req) : undefined;
  return typeof state?.requestId === 'string' ? state.requestId : ctx?.requestId;
}

export function buildEvent(facts: DetectionFacts, ctx: RequestContext | undefined): SecurityEvent {
  return Object.freeze({
    id: randomUUID(),
    time: new Date().toISOString(),
    kind: 'attack',
    practice: 11,
    rule: facts.kind,
    action: facts.blocked ? 'blocked' : 'monitored',
    severity: 'critical',
    message: `${facts.kind} ${facts.blocked ? 'blocked' : 'detected'} at ${facts.sink}: ${facts.reason}`,
    requestId: requestIdOf(ctx),
    ip: ctx?.ip,
    method: ctx?.method,
    route: ctx && eventRoute(ctx),
    userId: ctx?.userId,
    attack: Object.freeze({
      payload: facts.payload.length > PAYLOAD_MAX ? `${facts.payload.slice(0, PAYLOAD_MAX)}…` : facts.payload,
      source: facts.source,
      sink: facts.sink,
      frame: appFrame(facts.stack),
    }),
  }) as SecurityEvent;
}

export function emitDetection(event: SecurityEvent, log: boolean): void {
  if (log) {
    // pino's shape (level 40 = warn, time in ms, msg) so log shippers parse it like the app's own logs.
    const line = JSON.stringify({ level: 40, time: Date.now(), name: 'rampart', msg: event.message, event });
    process.stderr.write(`${line}\n`);
  }
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      // A failing listener must never break the app's request.
    }
  }
}
