// Steady per-request costs of runtime protection, immune to the machine's load (bench/protect.mjs
// measures time, which a shared machine makes noisy). Not part of `npm run bench`: a tool for
// A/B decisions. For each variant (bare, rampart) and endpoint (db, json), the bench's app runs
// in its own process; a client here sends sequential keep-alive requests: a warm-up, then N.
//   instructions: the app under `valgrind --tool=callgrind`; counters dumped after the warm-up
//     and again after the N requests, so the second dump / N is instructions per request
//     (also shown without garbage collection, whose timing varies between runs).
//   gc: the app with --trace-gc-nvp; bytes allocated per request from the scavenges' `allocated`
//     fields during the N requests, and the live heap after a full GC at the end.
// Usage: node bench/protect-callgrind.mjs [instructions|gc] [--n 2000] [--warmup 5000] [--only rampart] [--endpoint db]
//   [--keep /tmp/prefix] (keeps the measured dump, for callgrind_annotate)
import { spawn, execFileSync } from 'node:child_process';
import http from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const APP = join(REPO, 'packages/guard/test/protect/fixtures/app.cjs');
// RAMPART_DIST: another build to compare (a copy of dist beside it, e.g. packages/guard/dist-before).
const REGISTER = join(REPO, process.env.RAMPART_DIST ?? 'packages/guard/dist', 'register.js');

const argv = process.argv.slice(2);
const mode = argv[0] && !argv[0].startsWith('--') ? argv[0] : 'instructions';
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
};
const N = Number(flag('n', mode === 'gc' ? 20000 : 2000));
const WARMUP = Number(flag('warmup', 5000));
const variants = flag('only', 'bare,rampart').split(',');
// (`--only bare,rampart,preload=/tmp/als-only.mjs`)
const endpoints = flag('endpoint', 'db,json').split(',');
const PATHS = { db: `/users?name=${encodeURIComponent('alice smith')}`, json: '/json' };

function start(variant, dir, outDir) {
  // A variant `preload=<file>` runs the app with that file imported first (a stripped-down protection, to split costs).
  const preload = variant === 'rampart' ? REGISTER : variant.startsWith('preload=') ? variant.slice('preload='.length) : undefined;
  const nodeArgs = ['--single-threaded', ...(preload ? ['--import', preload] : [])];
  let cmd = process.execPath;
  let args = [...nodeArgs, APP];
  if (mode === 'instructions') {
    cmd = 'valgrind';
    args = ['--tool=callgrind', `--callgrind-out-file=${join(outDir, 'cg.%p')}`, '--dump-instr=no', '--separate-threads=no', process.execPath, ...nodeArgs, '--expose-gc', ...(flag('keep') ? ['--perf-basic-prof', '--logfile=/dev/null', '--no-logfile-per-isolate'] : []), APP];
  } else if (mode === 'alloc' || mode === 'cpu') {
    const preload = join(outDir, 'alloc-preload.mjs');
    writeFileSync(preload, ALLOC_PRELOAD);
    args = [...nodeArgs, '--import', preload, APP];
  } else {
    args = [...nodeArgs, '--trace-gc-nvp', '--expose-gc', APP];
  }
  const child = spawn(cmd, args, { cwd: REPO, env: { ...process.env, ...(mode === 'cpu' ? { PROFILE_CPU: '1' } : {}), ALLOC_OUT: join(outDir ?? dir, 'alloc.json'), APP_DIR: dir, RAMPART_MODE: 'block', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  child.stdout.on('data', (c) => (out += c));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({ child, port: Number(m[1]), stdout: () => out, stderr: () => err });
      }
    }, 50);
    child.on('exit', (code) => (clearInterval(timer), reject(new Error(`app exited ${code}: ${err.slice(-2000)}`))));
  });
}

function requests(port, path, n) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise((resolve, reject) => {
    let left = n;
    let resets = 0;
    const one = () => {
      if (left === 0) return agent.destroy(), resolve();
      http
        .get({ host: '127.0.0.1', port, path, agent }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
          res.resume();
          res.on('end', () => (left--, one()));
        })
        // The server may close an idle keep-alive socket (a slow dump under valgrind): send again.
        .on('error', (err) => (err.code === 'ECONNRESET' && resets++ < 10 ? one() : reject(err)));
    };
    one();
  });
}

function dump(pid) {
  execFileSync('callgrind_control', ['-d', String(pid)], { stdio: 'ignore' });
}

// Self costs by kind: V8's garbage collector (scavenges, marking, sweeping) and its optimizing
// compiler run when the heap and the JIT decide, in lumps that fall in or out of a window of a
// few thousand requests; `steady` is what is left, the work every request does.
const GC = /Scaveng|MarkCompact|Marking|Sweep|Evacuat|heap::base::|v8::internal::Heap::|RememberedSet|MinorMC|SlotSet|LiveObjectRange|IterateAndScavenge|MarkingVisitor|WeakObjects|PretenuringHandler|Heap::OnMoveEvent|GlobalHandles|ConcurrentMarking|ObjectStats|MemoryAllocator|Page::|Space::/;
const COMPILE = /compiler::|Compiler::|Pipeline|maglev|turboshaft|Zone::|ZoneList|BytecodeGenerator|interpreter::|Parser|Scanner|AstNode|Deoptimizer/;

/** Total Ir of a callgrind dump, and the parts spent in garbage collection and in compiling. */
function instructions(file) {
  const annotated = execFileSync('callgrind_annotate', ['--threshold=100', file], { maxBuffer: 1 << 28 }).toString();
  let total = NaN;
  let gc = 0;
  let compile = 0;
  for (const line of annotated.split('\n')) {
    const m = /^\s*([\d,]+) \([^)]*\)\s+(.*)$/.exec(line);
    if (!m) continue;
    const ir = Number(m[1].replace(/,/g, ''));
    if (m[2].includes('PROGRAM TOTALS')) total = ir;
    else if (GC.test(m[2])) gc += ir;
    else if (COMPILE.test(m[2])) compile += ir;
  }
  return { total, gc, compile };
}

async function measureInstructions(variant, endpoint) {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-cg-'));
  const out = join(dir, 'out');
  mkdirSync(out);
  const app = await start(variant, dir, out);
  try {
    await requests(app.port, PATHS[endpoint], WARMUP);
    dump(app.child.pid);
    await requests(app.port, PATHS[endpoint], N);
    dump(app.child.pid);
    const files = readdirSync(out).filter((f) => /^cg\.\d+\.\d+$/.test(f)).sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
    const last = join(out, files[files.length - 1]);
    const r = instructions(last);
    if (flag('keep')) {
      const kept = `${flag('keep')}-${variant.replace(/^preload=.*\//, '')}-${endpoint}`;
      writeFileSync(`${kept}.out`, readFileSync(last));
      // V8's map of JIT code addresses to JS functions (--perf-basic-prof), to name the ??? entries.
      try {
        writeFileSync(`${kept}.map`, readFileSync(`/tmp/perf-${app.child.pid}.map`));
      } catch {
        /* no map: JS frames stay unnamed */
      }
    }
    return { perRequest: r.total / N, steady: (r.total - r.gc - r.compile) / N, gc: r.gc / N, compile: r.compile / N };
  } finally {
    app.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureGc(variant, endpoint) {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-gc-'));
  writeFileSync(join(dir, '.keep'), '');
  const app = await start(variant, dir);
  try {
    await requests(app.port, PATHS[endpoint], WARMUP);
    const before = app.stdout().length;
    await requests(app.port, PATHS[endpoint], N);
    await new Promise((r) => setTimeout(r, 100));
    const lines = app.stdout().slice(before).split('\n');
    let allocated = 0;
    let scavenges = 0;
    let markCompacts = 0;
    let promoted = 0;
    let scavengeMs = 0;
    let copied = 0;
    // What each mark-compact had to mark: the heap it left (live objects), summed.
    let marked = 0;
    let markCompactMs = 0;
    for (const line of lines) {
      const kind = / gc=(\w+)/.exec(line)?.[1];
      if (!kind) continue;
      const pause = Number(/ pause=([\d.]+)/.exec(line)?.[1] ?? 0);
      if (kind === 's') (scavenges++, (scavengeMs += pause));
      else (markCompacts++, (markCompactMs += pause), (marked += Number(/ total_size_after=(\d+)/.exec(line)?.[1] ?? 0)));
      allocated += Number(/ allocated=(\d+)/.exec(line)?.[1] ?? 0);
      promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
      copied += Number(/ semi_space_copied=(\d+)/.exec(line)?.[1] ?? 0);
    }
    return { bytesPerRequest: allocated / N, scavengesPer1k: (scavenges / N) * 1000, markCompacts, promotedPerRequest: promoted / N, markedBytesPerRequest: marked / N, scavengeNsPerRequest: (scavengeMs * 1e6) / N, markCompactNsPerRequest: (markCompactMs * 1e6) / N };
  } finally {
    app.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

// alloc: the sampling heap profiler (objects later collected included) over the N requests,
// started and written on SIGUSR2 by this preload.
const ALLOC_PRELOAD = `import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
let on = false;
process.on('SIGUSR2', () => {
  if (process.env.PROFILE_CPU) {
    if (!on) session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 100 }, () => session.post('Profiler.start', () => console.log('sampling'))));
    else session.post('Profiler.stop', (err, r) => (writeFileSync(process.env.ALLOC_OUT, JSON.stringify(r.profile)), console.log('written')));
    on = true;
    return;
  }
  if (!on) {
    on = true;
    session.post('HeapProfiler.startSampling', { samplingInterval: 128, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }, () => console.log('sampling'));
  } else {
    session.post('HeapProfiler.stopSampling', (err, r) => (writeFileSync(process.env.ALLOC_OUT, JSON.stringify(r.profile)), console.log('written')));
  }
});
`;

const until = (app, text) => new Promise((resolve) => { const t = setInterval(() => app.stdout().includes(text) && (clearInterval(t), resolve()), 20); });

async function measureAlloc(variant, endpoint) {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-alloc-'));
  const app = await start(variant, dir, dir);
  try {
    await requests(app.port, PATHS[endpoint], WARMUP);
    app.child.kill('SIGUSR2');
    await until(app, 'sampling');
    await requests(app.port, PATHS[endpoint], N);
    app.child.kill('SIGUSR2');
    await until(app, 'written');
    const profile = JSON.parse(readFileSync(join(dir, 'alloc.json'), 'utf8'));
    const byFrame = new Map();
    let total = 0;
    if (mode === 'cpu') {
      // Self time per frame: each sample's node, weighted by the time to the next sample.
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      for (let i = 0; i < profile.samples.length; i++) {
        const f = nodes.get(profile.samples[i]).callFrame;
        const where = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(REPO, '')}:${f.lineNumber + 1}`;
        const us = profile.timeDeltas[i + 1] ?? 0;
        total += us;
        byFrame.set(where, (byFrame.get(where) ?? 0) + us);
      }
      const top = [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, Number(flag('top', 25)));
      for (const [where, us] of top) console.log(`  ${((us / N)).toFixed(2).padStart(7)} µs/req  ${where}`);
      return { sampledMicrosPerRequest: total / N };
    }
    const visit = (node, path) => {
      const f = node.callFrame;
      const where = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(REPO, '')}:${f.lineNumber + 1}`;
      const self = node.selfSize;
      total += self;
      if (self) byFrame.set(where, (byFrame.get(where) ?? 0) + self);
      for (const c of node.children) visit(c, path);
    };
    visit(profile.head, []);
    const top = [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, Number(flag('top', 25)));
    for (const [where, bytes] of top) console.log(`  ${String(Math.round(bytes / N)).padStart(6)} B/req  ${where}`);
    return { sampledBytesPerRequest: total / N };
  } finally {
    app.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const endpoint of endpoints) {
  for (const variant of variants) {
    const r = mode === 'gc' ? await measureGc(variant, endpoint) : mode === 'alloc' || mode === 'cpu' ? await measureAlloc(variant, endpoint) : await measureInstructions(variant, endpoint);
    const shown = Object.entries(r).map(([k, v]) => `${k}=${Number.isFinite(v) ? Math.round(v) : v}`).join(' ');
    console.log(`${endpoint} ${variant} ${shown}`);
  }
}
