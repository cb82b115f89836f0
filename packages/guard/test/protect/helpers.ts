import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const REPO_ROOT = join(FIXTURES, '..', '..', '..', '..', '..');

export interface RunningApp {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the app wrote to stderr so far (Rampart's JSON event lines go there). */
  stderr(): string;
  events(): Array<Record<string, any>>;
  stop(): Promise<void>;
}

/**
 * Starts a fixture app as its own process, exactly as a user would: unprotected with plain
 * `node app`, protected with `node --import @rampart/guard/register app` (from source via tsx).
 */
export async function startApp(file: string, protect: boolean | 'source-only', env: Record<string, string> = {}): Promise<RunningApp> {
  // 'source-only': TypeScript sources loadable (tsx) but no register entry, for apps that import protection themselves.
  const args =
    protect === 'source-only'
      ? ['--conditions=source', '--import', 'tsx', join(FIXTURES, file)]
      : protect
        ? ['--conditions=source', '--import', 'tsx', '--import', '@rampart/guard/register', join(FIXTURES, file)]
        : [join(FIXTURES, file)];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${file} did not start: ${err}`)), 30_000);
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code}: ${err}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stderr: () => err,
    events: () =>
      err
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, any>)
        .filter((l) => l.name === 'rampart')
        .map((l) => l.event),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function get(url: string): Promise<{ status: number; body: string }> {
  const r = await fetch(url);
  return { status: r.status, body: await r.text() };
}

/** Waits for a Rampart event line (stderr and the HTTP response travel on different pipes). */
export async function waitForEvent(app: RunningApp, match: (e: Record<string, any>) => boolean): Promise<Record<string, any> | undefined> {
  for (let i = 0; i < 40; i++) {
    const found = app.events().find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  return undefined;
}

/** Deterministic random strings over `alphabet` (a linear congruential generator), for fuzz tests. */
export function* randomStrings(seed: number, count: number, alphabet: string, maxLen: number): Generator<string> {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  for (let k = 0; k < count; k++) {
    const len = next() % maxLen;
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

export interface LoopbackServer {
  readonly server: Server;
  readonly port: number;
  /** Requests it answered so far. */
  hits(): number;
}

/**
 * A loopback HTTP server for SSRF tests: the "internal" service (metadata endpoint, admin API)
 * an attack tries to reach, or an allowlisted "partner" API.
 */
export async function loopbackServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LoopbackServer> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    handler(req, res);
  });
  const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
  return { server, port, hits: () => hits };
}
