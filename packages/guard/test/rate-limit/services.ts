// Real services the tests use (Redis 127.0.0.1:6379, PostgreSQL 127.0.0.1:5432). When one does
// not answer, the test fails under CI=true and otherwise skips with a message naming it.
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import type { TestContext } from 'node:test';

export const REDIS_URL = process.env.RAMPART_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const POSTGRES_URL = process.env.RAMPART_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function portOpen(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Skips (or fails under CI) when the service is not reachable; returns true when usable. */
export async function requireService(t: TestContext, name: 'Redis' | 'PostgreSQL', url: string): Promise<boolean> {
  if (await portOpen(url)) return true;
  const message = `${name} is not reachable at ${url}; start it to run this test`;
  if (process.env.CI === 'true') throw new Error(message);
  t.skip(message);
  return false;
}

/** A key prefix / table name unique to this test run. */
export function uniqueName(base: string): string {
  return `${base}_${process.pid}_${randomBytes(4).toString('hex')}`;
}
