import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { UserError } from '@rampart/core';

/** How long a shop may take to print its lines, and to stop. */
export const SHOP_TIMEOUTS = Object.freeze({ startMs: 30_000, dashboardLineMs: 5_000, stopMs: 5_000 });

// Printable ASCII only: the URLs are printed again, so no terminal escape may ride along.
const LISTENING = /^listening on (http:\/\/[\x21-\x7e]+)$/;
const DASHBOARD = /^dashboard on (https?:\/\/[\x21-\x7e]+)$/;

export interface ShopProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  readonly dataDir: string;
  /** The `dashboard on <url>` line, when the shop printed one. */
  readonly dashboardUrl: string | undefined;
  /** SIGTERM, then SIGKILL after SHOP_TIMEOUTS.stopMs; resolves when the process is gone. */
  stop(): Promise<void>;
}

export interface StartShopOptions {
  readonly name: string;
  readonly dir: string;
  readonly dataDir: string;
  /** Wait for a `dashboard on` line right after `listening on`. */
  readonly expectDashboard: boolean;
  /** Node options before `src/app.js` (e.g. `--import <module>` to load runtime protection first). */
  readonly nodeArgs?: readonly string[];
  /** More environment variables for the shop. */
  readonly env?: Readonly<Record<string, string>>;
  /** Each whole line the shop writes to stderr (at most 64 KiB long). */
  readonly onStderrLine?: (line: string) => void;
}

/** Live shops, so an exit on any path can still end them (see killAllShops). */
const live = new Set<ChildProcess>();

/** Signals the shop's process group (the shop leads it): whatever the shop started gets it too. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform !== 'win32') process.kill(-child.pid, signal);
    else if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}

function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, signal);
}

/** Last resort on process exit: synchronous, so it runs even when the event loop will not. */
export function killAllShops(): void {
  for (const child of live) signalTree(child, 'SIGKILL');
}

/**
 * Starts `node src/app.js` in a shop folder with the demo's start protocol (examples' contract):
 * PORT=0, HOST=127.0.0.1, DATA_DIR and BACKUP_DIR in the demo's temp folder; resolves when the
 * shop prints `listening on <url>` (and, if expected, `dashboard on <url>`).
 */
export function startShop(options: StartShopOptions): Promise<ShopProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'src/app.js'], {
    cwd: options.dir,
    env: { ...process.env, ...options.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: options.dataDir, BACKUP_DIR: join(options.dataDir, 'backups') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
    child.once('error', () => {
      live.delete(child);
      resolve();
    });
  });
  // The shop's output stays out of the demo's; its tail explains a failed start.
  const tail: string[] = [];
  const remember = (line: string) => {
    // Shown in an error message: no terminal control sequences, no endless lines.
    // eslint-disable-next-line no-control-regex
    tail.push(line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?').slice(0, 500));
    if (tail.length > 20) tail.shift();
  };
  child.stderr!.setEncoding('utf8');
  let errBuffer = '';
  child.stderr!.on('data', (chunk: string) => {
    errBuffer = (errBuffer + chunk).slice(-65_536);
    const lines = errBuffer.split('\n');
    errBuffer = lines.pop() ?? '';
    for (const line of lines) {
      remember(line);
      options.onStderrLine?.(line);
    }
  });

  const stop = async (): Promise<void> => {
    signalTree(child, 'SIGTERM');
    const timer = setTimeout(() => signalTree(child, 'SIGKILL'), SHOP_TIMEOUTS.stopMs);
    await exited;
    clearTimeout(timer);
    // The shop may be gone while something it started lives on in its group.
    signalGroup(child, 'SIGKILL');
  };

  return new Promise<ShopProcess>((resolve, reject) => {
    let url: string | undefined;
    let outBuffer = '';
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(startTimer);
      clearTimeout(dashboardTimer);
      void stop().then(() => {
        const last = tail.length > 0 ? `\nIts last output:\n  ${tail.slice(-10).join('\n  ')}` : '';
        reject(new UserError(`${options.name} (${options.dir}) ${why}.${last}`));
      });
    };
    const ready = (dashboardUrl: string | undefined) => {
      if (settled || url === undefined) return;
      settled = true;
      clearTimeout(startTimer);
      clearTimeout(dashboardTimer);
      resolve({ name: options.name, url, pid: child.pid!, dataDir: options.dataDir, dashboardUrl, stop });
    };
    const startTimer = setTimeout(() => fail(`printed no "listening on <url>" line within ${SHOP_TIMEOUTS.startMs / 1000} s`), SHOP_TIMEOUTS.startMs);
    let dashboardTimer: NodeJS.Timeout | undefined;
    child.once('error', (err) => fail(`could not start: ${err.message}`));
    child.once('exit', (code, signal) => fail(`stopped before it was ready (${signal ?? `exit code ${code}`})`));
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      outBuffer = (outBuffer + chunk).slice(-65_536);
      const lines = outBuffer.split('\n');
      outBuffer = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.replace(/\r$/, '');
        remember(line);
        if (settled) continue;
        const listening = url === undefined ? LISTENING.exec(line) : null;
        if (listening) {
          url = listening[1]!.replace(/\/$/, '');
          if (!options.expectDashboard) ready(undefined);
          else dashboardTimer = setTimeout(() => ready(undefined), SHOP_TIMEOUTS.dashboardLineMs);
          continue;
        }
        const dashboard = url !== undefined ? DASHBOARD.exec(line) : null;
        if (dashboard) ready(dashboard[1]);
      }
    });
  });
}
