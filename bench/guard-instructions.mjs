#!/usr/bin/env node
// Instructions per request of a guard-server.mjs variant, counted by valgrind callgrind: steady
// on a shared machine where wall-clock and CPU time move 10-15% between runs. The server runs
// under callgrind; a client in this process sends WARMUP then COUNT sequential keep-alive
// requests; callgrind_control dumps (and resets) the counters after the warm-up and after the
// counted requests, so the second dump holds the counted requests alone.
// Usage: node bench/guard-instructions.mjs [variant ...]   (after `npx tsc -b`; needs valgrind)
// Env: RAMPART_BENCH_INSTR_WARMUP (default 3000), RAMPART_BENCH_INSTR_COUNT (2000),
//      RAMPART_BENCH_INSTR_OUT (directory for the callgrind files, default a temp directory;
//      read them with `callgrind_annotate --inclusive=yes <file>.2-01`).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./guard-server.mjs', import.meta.url));
const WARMUP = Number(process.env.RAMPART_BENCH_INSTR_WARMUP ?? 3000);
const COUNT = Number(process.env.RAMPART_BENCH_INSTR_COUNT ?? 2000);
const OUT = process.env.RAMPART_BENCH_INSTR_OUT ?? mkdtempSync(join(tmpdir(), 'rampart-instr-'));
mkdirSync(OUT, { recursive: true });
// Extra node flags for the server, e.g. '--no-concurrent-recompilation' to compile on the main
// thread (the main-thread count then includes TurboFan's work).
const NODE_FLAGS = (process.env.RAMPART_BENCH_INSTR_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const variants = process.argv.length > 2 ? process.argv.slice(2) : ['express', 'express+rampart', 'fastify', 'fastify+rampart'];

function start(variant) {
  const file = join(OUT, `${variant.replace(/[^\w.-]/g, '_')}.callgrind`);
  const child = spawn('valgrind', ['--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${file}`, process.execPath, ...NODE_FLAGS, SERVER, variant], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${variant}: no port after 120 s: ${out}`)), 120_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), file });
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`${variant} exited ${code}: ${out}`)));
  });
}

async function requests(port, n) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < n; i++) {
    await new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/hello', agent }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
        })
        .on('error', reject);
    });
  }
  agent.destroy();
}

/** Total instructions ("summary:" line) of one callgrind dump file. */
function totalOf(file) {
  const m = /^(?:summary|totals): (\d+)/m.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`no totals in ${file}`);
  return Number(m[1]);
}

/**
 * Instructions of dump `n`, main thread and all threads (--separate-threads writes one file per
 * thread, `<file>.<n>-01` the main one). The main thread is the steady figure: V8's worker threads
 * add TurboFan compiles that still come and go after the warm-up, and concurrent GC marking.
 */
function dumpTotals(file, n) {
  const dir = dirname(file);
  const prefix = `${basename(file)}.${n}-`;
  let all = 0;
  let main = 0;
  for (const f of readdirSync(dir).filter((x) => x.startsWith(prefix))) {
    const t = totalOf(join(dir, f));
    all += t;
    if (f === `${prefix}01`) main = t;
  }
  return { main, all };
}

for (const variant of variants) {
  const { child, port, file } = await start(variant);
  try {
    await requests(port, WARMUP);
    execFileSync('callgrind_control', ['-d', String(child.pid)], { stdio: 'ignore' });
    await requests(port, COUNT);
    execFileSync('callgrind_control', ['-d', String(child.pid)], { stdio: 'ignore' });
    const { main, all } = dumpTotals(file, 2);
    const k = (x) => `${(x / COUNT / 1000).toFixed(1)}k`.padStart(8);
    process.stdout.write(`${variant.padEnd(36)} main thread ${k(main)}  all threads ${k(all)} instructions/request  (${file}.2-01)\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
