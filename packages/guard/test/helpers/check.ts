/**
 * check(): one real HTTP request against a running app, with the answer read as text, JSON
 * and headers. Plus the standard guarded test app per framework, with its events and logs
 * captured, so each behaviour row asserts on what a client sees and what operators see.
 */
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { SecurityEvent } from '@rampart/core';
import { MemorySink, type GuardOptions } from '@rampart/guard';
import { startApp, type Framework, type RunningApp } from './apps.ts';

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json(): unknown;
}

export interface CheckRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | unknown;
}

export async function check(app: Pick<RunningApp, 'url'>, request: CheckRequest): Promise<Answer> {
  // A production-like Host by default: plain-HTTP loopback requests get the devLocalhost relaxations.
  const headers: Record<string, string> = { host: 'app.example.test', ...request.headers };
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  const url = new URL(app.url + request.path);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: request.method ?? (body === undefined ? 'GET' : 'POST'), headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (Array.isArray(v)) for (const item of v) h.append(k, item);
          else if (v !== undefined) h.set(k, v);
        }
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: h, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface TestApp extends RunningApp {
  readonly events: MemorySink;
  /** Log lines (pino JSON) written by the guard. */
  readonly logs: Record<string, unknown>[];
  eventsOf(rule: string): SecurityEvent[];
}

/** The standard test app: rate limit high enough not to interfere, root check off (CI runs as root). */
export async function guardedApp(framework: Framework, options: GuardOptions = {}): Promise<TestApp> {
  const events = new MemorySink(1000);
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      cb();
    },
  });
  const app = await startApp(framework, {
    rootCheck: false,
    rateLimit: { limit: 10_000 },
    logger: pino({ level: 'info' }, stream),
    events: { sinks: [events] },
    ...options,
  });
  return Object.assign(app, {
    events,
    logs,
    eventsOf: (rule: string) => events.recent(1000).filter((e) => e.rule === rule),
  });
}

/** Waits until the bus handed queued events to the sinks (they are written on a later tick). */
export async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 20));
}
