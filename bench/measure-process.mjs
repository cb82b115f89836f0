// Runs a Node.js program in its own process and measures wall time and peak RSS, so
// every tool (and every parser) is measured the same way, isolated from the others.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PEAK_RSS_PRELOAD = fileURLToPath(new URL('./report-peak-rss.cjs', import.meta.url));

/** "GNU time" when /usr/bin/time is there, else the preload that reports process.resourceUsage(). */
export const RSS_METHOD = existsSync(GNU_TIME) ? '/usr/bin/time %M' : 'process.resourceUsage().maxRSS';

/**
 * @param {string[]} nodeArgs arguments after `node`
 * @param {{ cwd?: string, timeoutMs: number, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ exitCode: number | null, timedOut: boolean, wallSeconds: number, cpuSeconds: number | undefined, peakRssMB: number | undefined, stdout: string, stderr: string }>}
 */
export function runNodeMeasured(nodeArgs, { cwd, timeoutMs, env }) {
  const scratch = mkdtempSync(join(tmpdir(), 'rampart-bench-'));
  const rssFile = join(scratch, 'rss');
  const [command, args, childEnv] =
    RSS_METHOD === 'process.resourceUsage().maxRSS'
      ? [process.execPath, ['--require', PEAK_RSS_PRELOAD, ...nodeArgs], { ...process.env, ...env, RAMPART_BENCH_RSS_FILE: rssFile }]
      : [GNU_TIME, ['-f', '%U %S %M', '-o', rssFile, process.execPath, ...nodeArgs], { ...process.env, ...env }];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Own process group, so a timeout ends the tool and not only the wrapper.
    const child = spawn(command, args, { cwd, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      rmSync(scratch, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      let peakRssMB;
      let cpuSeconds;
      try {
        // "user system rss"; GNU time may prefix a "Command exited with non-zero status" line.
        const [user, system, kb] = readFileSync(rssFile, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
        if (Number.isFinite(kb) && kb > 0) peakRssMB = kb / 1024;
        // CPU time tells a tool's own cost when a shared machine stretches wall time.
        if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user + system;
      } catch {
        /* killed before it could report */
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ exitCode, timedOut, wallSeconds, cpuSeconds, peakRssMB, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
