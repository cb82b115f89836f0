#!/usr/bin/env node
// What the guard costs per request: requests/s and p50/p99 latency with autocannon on a JSON
// hello endpoint for bare Express, Express + helmet, Express + helmet + express-rate-limit,
// Express + Rampart (headers, errors, input checks, response filter, rate limit), and bare
// Fastify vs Fastify + the Rampart plugin. Each server runs in its own child process; rounds are
// interleaved (every variant once per round) so drift on a shared machine hits all alike, and the
// median round is reported. Standalone: `node bench/guard.mjs` (after `npx tsc -b`);
// bench/run.mjs calls benchGuard() unless --no-guard.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BROWSER_HEADERS } from './browser-headers.mjs';
import { fixed, formatTable } from './text-table.mjs';

const SERVER = fileURLToPath(new URL('./guard-server.mjs', import.meta.url));
const DIST = fileURLToPath(new URL('../packages/guard/dist/index.js', import.meta.url));
const VARIANTS = ['express', 'express+helmet', 'express+helmet+express-rate-limit', 'express+rampart', 'fastify', 'fastify+rampart'];
const ROUNDS = Number(process.env.RAMPART_BENCH_GUARD_ROUNDS ?? 5);
const SECONDS = Number(process.env.RAMPART_BENCH_GUARD_SECONDS ?? 4);
const CONNECTIONS = 20;

function startServer(variant) {
  // The IPC channel asks the server for its own CPU time (cpuOf), the number that stays honest on a busy machine.
  const child = spawn(process.execPath, [SERVER, variant], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${variant}: no port after 20 s: ${out}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m[1]}/hello` });
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`${variant} exited ${code}: ${out}`)));
  });
}

/** The server process's user + system CPU time in µs, asked over IPC. */
function cpuOf(child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no CPU time from the server after 10 s')), 10_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m.cpu.user + m.cpu.system);
    });
    child.send('cpu');
  });
}

function load(url, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1, headers: BROWSER_HEADERS }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchGuard({ say = (t = '') => process.stdout.write(`${t}\n`), progress = (t) => process.stderr.write(`  … ${t}\n`) } = {}) {
  if (!existsSync(DIST)) {
    say('Guard: SKIPPED, packages/guard/dist is missing: run `npx tsc -b` first.');
    return;
  }
  progress(`guard: ${VARIANTS.length} servers, ${ROUNDS} interleaved rounds of ${SECONDS} s each`);
  const servers = {};
  try {
    for (const v of VARIANTS) servers[v] = await startServer(v);
    const samples = Object.fromEntries(VARIANTS.map((v) => [v, []]));
    for (const v of VARIANTS) await load(servers[v].url, 1); // warm-up: JIT and connection setup
    for (let round = 1; round <= ROUNDS; round++) {
      progress(`guard: round ${round}/${ROUNDS}`);
      for (const v of VARIANTS) {
        const cpuBefore = await cpuOf(servers[v].child);
        const r = await load(servers[v].url, SECONDS);
        const cpu = (await cpuOf(servers[v].child)) - cpuBefore;
        if (r.non2xx > 0 || r.errors > 0) throw new Error(`${v}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
        samples[v].push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, cpuUs: cpu / Math.max(1, r.requests.total) });
      }
    }
    const cpuOfVariant = (v) => median(samples[v].map((x) => x.cpuUs));
    const row = (v, base) => {
      const s = samples[v];
      const rps = median(s.map((x) => x.rps));
      const cpu = cpuOfVariant(v);
      // CPU per request says what the server would serve with a core to itself: 1e6 / µs.
      const cpuBase = base === undefined ? undefined : cpuOfVariant(base);
      return [
        v,
        fixed(rps, 0),
        cpuBase ? `${fixed((100 * rps) / median(samples[base].map((x) => x.rps)) - 100, 1)}%` : '-',
        fixed(cpu, 1),
        cpuBase ? `${cpu >= cpuBase ? '+' : ''}${fixed(cpu - cpuBase, 1)}` : '-',
        cpuBase ? `${fixed((100 * cpuBase) / cpu - 100, 1)}%` : '-',
        fixed(median(s.map((x) => x.p50)), 1),
        fixed(median(s.map((x) => x.p99)), 1),
      ];
    };
    const expressBase = median(samples.express.map((x) => x.rps));
    say(`Guard overhead: GET /hello JSON (load average ${loadavg().map((x) => fixed(x, 2)).join(' ')} at the end), autocannon ${CONNECTIONS} connections, median of ${ROUNDS} interleaved ${SECONDS} s rounds, servers in child processes`);
    say('  (server CPU µs/request is measured in the server process; "capacity" is 1e6 / CPU µs compared with bare, the throughput a core to itself would give)');
    say(
      formatTable(
        ['server', 'req/s', 'vs bare', 'CPU µs/req', 'CPU µs over bare', 'capacity vs bare', 'p50 ms', 'p99 ms'],
        [...VARIANTS.slice(0, 4).map((v) => row(v, v === 'express' ? undefined : 'express')), ...VARIANTS.slice(4).map((v) => row(v, v === 'fastify' ? undefined : 'fastify'))],
      ),
    );
    const rampartRps = median(samples['express+rampart'].map((x) => x.rps));
    const competitorRps = median(samples['express+helmet+express-rate-limit'].map((x) => x.rps));
    const byCpu = (a, b) => fixed((100 * cpuOfVariant(b)) / cpuOfVariant(a) - 100, 1);
    say(`  targets: rampart within 10% of bare Express (req/s ${fixed((100 * rampartRps) / expressBase - 100, 1)}%, CPU capacity ${byCpu('express+rampart', 'express')}%), and no slower than helmet + express-rate-limit (req/s ${fixed((100 * rampartRps) / competitorRps - 100, 1)}%, CPU capacity ${byCpu('express+rampart', 'express+helmet+express-rate-limit')}%)`);
  } finally {
    for (const s of Object.values(servers)) s.child.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchGuard();
