// Runtime protection benchmark (practices 1 and 11), the `protect` section of bench/run.mjs
// (`npm run bench -- --only protect`). Three ways to run the same vulnerable Express
// app (packages/guard/test/protect/fixtures/app.cjs), each its own process:
//   bare, Rampart (`node --import packages/guard/dist/register.js`), and Zen by Aikido
//   (@aikidosec/firewall, AIKIDO_BLOCK=true, no token, offline).
// Throughput (autocannon, interleaved rounds) on a DB-read endpoint (better-sqlite3) and a JSON
// endpoint; detection of the same attack corpus judged by its effect (a leaked row, a marker
// file, a secret read, the internal server hit, a reflected script); then the SQL, shell
// and JavaScript tokenizers fuzzed on a million random and mutated inputs, with p99 per 1 KB query.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BROWSER_HEADERS } from './browser-headers.mjs';
import { fixed, formatTable } from './text-table.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const APP = join(REPO, 'packages/guard/test/protect/fixtures/app.cjs');
const REGISTER = join(REPO, 'packages/guard/dist/register.js');
const ROUNDS = 5;
const SECONDS = 3;
// Each process is started fresh: a short untimed load first, so the figures are the steady state
// and not the JIT compiling each contender's code (more code to compile is not a cost per request).
const WARMUP_SECONDS = 1;
const CONNECTIONS = 16;
const FUZZ_CASES = 1_000_000;

function zenAvailable() {
  try {
    createRequire(join(REPO, 'package.json')).resolve('@aikidosec/firewall');
    return true;
  } catch {
    return false;
  }
}

function start(variant, dir) {
  const env = { ...process.env, APP_DIR: dir, RAMPART_MODE: 'block', NODE_ENV: 'production' };
  let args = [APP];
  if (variant === 'rampart') args = ['--import', REGISTER, APP];
  if (variant === 'zen') {
    // Zen's documented CommonJS preload; blocking mode, no token (nothing leaves the machine).
    args = ['--require', '@aikidosec/firewall', APP];
    Object.assign(env, { AIKIDO_BLOCK: 'true', AIKIDO_TOKEN: '', AIKIDO_DEBUG: '' });
  }
  const child = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${variant} app did not start: ${err.slice(0, 500)}`)), 30_000);
    child.stdout.on('data', (c) => {
      out += c;
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ variant, pid: child.pid, url: `http://127.0.0.1:${m[1]}`, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) });
      }
    });
    child.on('exit', (code) => reject(new Error(`${variant} app exited ${code}: ${err.slice(0, 500)}`)));
  });
}

// CPU time the app process spent (user + system, from /proc): per request it is a fairer cost
// than req/s on a shared, loaded machine. Clock ticks are 1/100 s on Linux.
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

const warm = (url) => new Promise((resolve, reject) => autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS, headers: BROWSER_HEADERS }, (err) => (err ? reject(err) : resolve())));

const load = (app, url) =>
  new Promise((resolve, reject) => {
    const cpu0 = cpuSeconds(app.pid);
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: BROWSER_HEADERS }, (err, r) =>
      err
        ? reject(err)
        : resolve({ rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx, cpuPerRequest: ((cpuSeconds(app.pid) - cpu0) / Math.max(1, r.requests.total)) * 1e6 }),
    );
  });

const q = encodeURIComponent;

function attackCorpus(dir, internalPort) {
  return [
    ['sql-injection', `/users?name=${q("' OR '1'='1")}`, (b) => b.includes('bob-secret')],
    ['sql-injection', `/users?name=${q("x' UNION SELECT name, secret FROM users --")}`, (b) => b.includes('bob-secret')],
    ['sql-injection', `/users?name=${q("x' OR name LIKE 'b%")}`, (b) => b.includes('bob-secret')],
    ['shell-injection', `/echo?text=${q('a; touch m1')}`, () => existsSync(join(dir, 'm1'))],
    ['shell-injection', `/echo?text=${q('$(touch m2)')}`, () => existsSync(join(dir, 'm2'))],
    ['shell-injection', `/echo?text=${q('a && touch m3')}`, () => existsSync(join(dir, 'm3'))],
    ['shell-injection', `/echo?text=${q('`touch m4`')}`, () => existsSync(join(dir, 'm4'))],
    ['path-traversal', `/file?name=${q('../secret.txt')}`, (b) => b.includes('TOP-SECRET')],
    ['path-traversal', `/file?name=${q(`../../${basename(dir)}/secret.txt`)}`, (b) => b.includes('TOP-SECRET')],
    ['path-traversal', `/file?name=${q('docs/../../secret.txt')}`, (b) => b.includes('TOP-SECRET')],
    ['ssrf', `/fetch?url=${q(`http://127.0.0.1:${internalPort}/`)}`, (b) => b.includes('internal-secret')],
    ['ssrf', `/fetch?url=${q(`http://localhost:${internalPort}/`)}`, (b) => b.includes('internal-secret')],
    ['ssrf', `/fetch2?url=${q(`http://127.0.0.1:${internalPort}/`)}`, (b) => b.includes('internal-secret')],
    ['ssrf', `/fetch2?url=${q(`http://2130706433:${internalPort}/`)}`, (b) => b.includes('internal-secret')],
    ['ssrf', `/fetch?url=${q(`http://[::ffff:127.0.0.1]:${internalPort}/`)}`, (b) => b.includes('internal-secret')],
    ['code-injection', `/calc?rate=${q("(process.getBuiltinModule('fs').writeFileSync(process.env.APP_DIR + '/m5', 'x'), 0.9)")}`, () => existsSync(join(dir, 'm5'))],
    ['code-injection', `/calc?rate=${q('1 + process.env.APP_DIR')}`, (b) => b.includes(dir)],
    ['code-injection', `/parse?data=${q('process.env.APP_DIR')}`, (b) => b.includes(dir)],
    ['reflected-xss', `/hello?name=${q('<script>alert(1)</script>')}`, (b) => b.includes('<script>alert(1)</script>')],
    ['reflected-xss', `/hello?name=${q('<img src=x onerror=alert(1)>')}`, (b) => b.includes('onerror=alert(1)')],
  ];
}

async function detection(app, dir, internalPort) {
  const perKind = {};
  for (const [kind, path, succeeded] of attackCorpus(dir, internalPort)) {
    perKind[kind] ??= { blocked: 0, total: 0 };
    let body = '';
    try {
      body = await (await fetch(app.url + path)).text();
    } catch {
      body = '';
    }
    await new Promise((r) => setTimeout(r, 150)); // let an exec'd command finish before judging
    perKind[kind].total++;
    if (!succeeded(body)) perKind[kind].blocked++;
  }
  for (const f of ['m1', 'm2', 'm3', 'm4', 'm5']) rmSync(join(dir, f), { force: true });
  return perKind;
}

async function fuzz(progress) {
  const { tokenizeSql } = await import(join(REPO, 'packages/guard/dist/protect/sql/tokenize.js'));
  const { tokenizeShell } = await import(join(REPO, 'packages/guard/dist/protect/shell/tokenize.js'));
  const { detectSqlInjection } = await import(join(REPO, 'packages/guard/dist/protect/sql/detect.js'));
  const { tokenizeJs } = await import(join(REPO, 'packages/guard/dist/protect/code/tokenize.js'));
  const alphabet = "'\"`$\\-/*#;()[]{}:?@ \n\tEeXx&01aZ_.,=<>|!~%^";
  let x = 12345;
  const rnd = (n) => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x % n);
  const seeds = ["SELECT * FROM users WHERE name = 'x' OR '1'='1' --", 'SELECT $$a$$, E\'\\\'\', "id" FROM t /* c /* d */ */', 'ls -la "$(id)" | grep `x`; echo \'a\'', 'x = `a${b + `c${/re[/]/g}`}` / 2 // <!-- \'s\''];
  let thrown = 0;
  progress(`fuzzing the tokenizers: ${FUZZ_CASES} cases`);
  const started = performance.now();
  for (let k = 0; k < FUZZ_CASES; k++) {
    let s;
    if (k % 2 === 0) {
      s = '';
      const len = rnd(120);
      for (let i = 0; i < len; i++) s += alphabet[rnd(alphabet.length)];
    } else {
      const base = seeds[rnd(seeds.length)];
      const at = rnd(base.length);
      s = base.slice(0, at) + alphabet[rnd(alphabet.length)] + base.slice(at + rnd(3));
    }
    try {
      if (k % 5 === 3) tokenizeShell(s);
      else if (k % 5 === 4) tokenizeJs(s);
      else tokenizeSql(s, ['postgres', 'mysql', 'sqlite'][k % 3]);
    } catch {
      thrown++;
    }
  }
  const fuzzSeconds = (performance.now() - started) / 1000;
  // Linear time: p99 of a full detection on 1 KB hostile queries (worst case: unterminated quotes, nesting).
  const times = [];
  const warmup = 2_000; // JIT warm-up runs are not measured
  const shapes = [() => "'".repeat(1024), () => '/*'.repeat(512), () => '$a$'.repeat(341), () => "SELECT '" + 'x\\'.repeat(500) + "'"];
  for (let k = 0; k < 20_000 + warmup; k++) {
    let q = shapes[k % shapes.length]();
    if (k % 2) q = [...Array(1024)].map(() => alphabet[rnd(alphabet.length)]).join('');
    const t = performance.now();
    detectSqlInjection(q, [{ value: q.slice(100, 140), source: 'q' }], ['postgres', 'mysql', 'sqlite'][k % 3]);
    if (k >= warmup) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { cases: FUZZ_CASES, thrown, fuzzSeconds, p99: times[Math.floor(times.length * 0.99)], max: times[times.length - 1] };
}

/** @param {{ say: (s?: string) => void, progress: (s: string) => void }} io */
export async function benchProtect({ say, progress }) {
  if (!existsSync(REGISTER)) {
    say('Runtime protection: SKIPPED, packages/guard/dist/register.js missing (run `npx tsc -b`).');
    return;
  }
  const variants = ['bare', 'rampart', ...(zenAvailable() ? ['zen'] : [])];
  const dir = mkdtempSync(join(tmpdir(), 'rampart-bench-protect-'));
  mkdirSync(join(dir, 'public', 'docs'), { recursive: true });
  writeFileSync(join(dir, 'public', 'hello.txt'), 'hello');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
  const internal = createServer((req, res) => res.end('internal-secret'));
  const internalPort = await new Promise((r) => internal.listen(0, '127.0.0.1', () => r(internal.address().port)));
  const results = Object.fromEntries(variants.map((v) => [v, { db: [], json: [] }]));
  const detections = {};
  const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of round % 2 ? [...variants].reverse() : variants) {
        progress(`protect round ${round + 1}/${ROUNDS}: ${v}`);
        const app = await start(v, dir);
        try {
          // A DB read whose input reaches the SQL text (two words, so the tokenizer really runs).
          const dbUrl = `${app.url}/users?name=${q('alice smith')}`;
          await warm(dbUrl);
          results[v].db.push(await load(app, dbUrl));
          await warm(`${app.url}/json`);
          results[v].json.push(await load(app, `${app.url}/json`));
          if (round === 0) detections[v] = await detection(app, dir, internalPort);
        } finally {
          await app.stop();
        }
      }
    }
  } finally {
    internal.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const loadAfter = loadavg().map((l) => l.toFixed(1)).join(' ');
  const rows = [];
  for (const v of variants) {
    for (const ep of ['db', 'json']) {
      const rps = median(results[v][ep].map((r) => r.rps));
      const base = median(results.bare[ep].map((r) => r.rps));
      const cpu = median(results[v][ep].map((r) => r.cpuPerRequest));
      const baseCpu = median(results.bare[ep].map((r) => r.cpuPerRequest));
      rows.push([
        v,
        ep === 'db' ? 'GET /users (better-sqlite3)' : 'GET /json',
        fixed(rps, 0),
        fixed(median(results[v][ep].map((r) => r.p99)), 1),
        v === 'bare' ? '-' : `${fixed(((base - rps) / base) * 100, 1)}%`,
        fixed(cpu, 0),
        v === 'bare' ? '-' : `${fixed(((cpu - baseCpu) / baseCpu) * 100, 1)}%`,
        String(results[v][ep].reduce((a, r) => a + r.errors, 0)),
      ]);
    }
  }
  say(`Runtime protection: ${ROUNDS} interleaved rounds × ${SECONDS} s per endpoint after ${WARMUP_SECONDS} s untimed warm-up, ${CONNECTIONS} connections, median of rounds; load average ${loadBefore} before, ${loadAfter} after${variants.includes('zen') ? '' : ' (Zen not installed: skipped)'}`);
  say(formatTable(['variant', 'endpoint', 'req/s', 'p99 ms', 'req/s lost', 'CPU µs/req', 'CPU overhead', 'errors'], rows));
  say();
  const kinds = [...new Set(attackCorpus(dir, 0).map((a) => a[0]))];
  say('Attack corpus blocked (judged by effect: leaked row, marker file, secret read, internal hit, reflected script):');
  say(formatTable(['class', ...variants], kinds.map((k) => [k, ...variants.map((v) => `${detections[v]?.[k]?.blocked ?? 0}/${detections[v]?.[k]?.total ?? 0}`)])));
  say();
  const f = await fuzz(progress);
  say(`Tokenizer fuzz: ${f.cases} random and mutated inputs in ${fixed(f.fuzzSeconds, 1)} s, ${f.thrown} threw; detection on 1 KB hostile queries: p99 ${fixed(f.p99, 3)} ms, max ${fixed(f.max, 3)} ms`);
}
