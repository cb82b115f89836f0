import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// `rampart demo` as `npm run demo` runs it, not on a terminal: the built bin, the real example shops
// as child processes, real HTTP attacks. `npm test` builds first.
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SECURED_SHOP = join(ROOT, 'examples', 'secured-shop');
const GUARDED_SHOP = fileURLToPath(new URL('./fixtures/guarded-shop', import.meta.url));

interface DemoRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Cells of the campaign table by attack title, then by column heading (wrapped lines joined). */
  table: Map<string, Map<string, string>>;
  /** The shops' process ids as printed in step 2. */
  pids: Map<string, number>;
  dataRoot: string | undefined;
}

/** Reads the campaign table back by the columns its heading line sets. */
function parseTable(stdout: string): Map<string, Map<string, string>> {
  const lines = stdout.split('\n');
  const head = lines.findIndex((l) => /^attack\s+class\s+practice\s+/.test(l));
  const table = new Map<string, Map<string, string>>();
  if (head < 0) return table;
  const names = lines[head]!.split(/\s{2,}/);
  const starts = names.map((n) => lines[head]!.indexOf(n));
  let current: Map<string, string> | undefined;
  for (const line of lines.slice(head + 2)) {
    if (line.trim() === '') break;
    const cells = starts.map((s, i) => line.slice(s, starts[i + 1] ?? line.length).trim());
    if (cells[0] !== '') {
      current = new Map();
      table.set(cells[0]!, current);
    }
    names.forEach((n, i) => {
      if (cells[i]) current!.set(n, current!.has(n) ? `${current!.get(n)} ${cells[i]}` : cells[i]!);
    });
  }
  return table;
}

function demo(...args: string[]): DemoRun {
  const r = spawnSync(process.execPath, [BIN, 'demo', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 });
  return readRun(r.status, r.stdout, r.stderr);
}

function readRun(code: number | null, stdout: string, stderr: string): DemoRun {
  const r = { status: code, stdout, stderr };
  const pids = new Map([...r.stdout.matchAll(/^ {2}(\S+)\s+http:\/\/127\.0\.0\.1:\d+ {2}\(pid (\d+)\)$/gm)].map((m) => [m[1]!, Number(m[2])]));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, table: parseTable(r.stdout), pids, dataRoot: /\(data in (\S+)\)/.exec(r.stdout)?.[1] };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: the processes whose environment holds DATA_DIR inside the demo's temp folder (shops and their children). */
function processesWithDataIn(dataRoot: string): number[] {
  if (!existsSync('/proc/self/environ')) return [];
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/environ`, 'latin1').split('\0').some((kv) => kv.startsWith(`DATA_DIR=${dataRoot}/`));
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The live (not zombie) members of a process group; on Linux from /proc, elsewhere kill(-pgid, 0). */
function groupMembers(pgid: number): number[] {
  if (!existsSync('/proc/self/stat')) return alive(-pgid) ? [pgid] : [];
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after the last ')'.
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(pgrp) === pgid && state !== 'Z' && state !== 'X';
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** No shop, nor anything a shop started (its process group), and no temp folder are left behind. */
function assertNothingLeft(run: DemoRun): void {
  assert.ok(run.pids.size > 0, `no shop pids printed:\n${run.stdout}`);
  for (const [name, pid] of run.pids) {
    assert.equal(alive(pid), false, `${name} (pid ${pid}) still runs`);
    if (process.platform !== 'win32') assert.deepEqual(groupMembers(pid), [], `processes of ${name}'s group (${pid}) still run`);
  }
  assert.ok(run.dataRoot, 'the data folder is printed');
  assert.equal(existsSync(run.dataRoot!), false, `${run.dataRoot} is removed`);
  assert.deepEqual(processesWithDataIn(run.dataRoot!), [], 'processes started by the demo still run');
}

function gitStatus(): string {
  return spawnSync('git', ['status', '--porcelain', '--ignored', '--', 'examples/vulnerable-shop', 'examples/secured-shop'], { cwd: ROOT, encoding: 'utf8' }).stdout;
}

const ATTACK_TITLES = ['SQL injection', 'Reflected XSS', 'Path traversal', 'SSRF', 'Code injection (eval)', 'Command injection', 'Brute-force login'];

describe('rampart demo (not on a terminal: runs once, stops everything, exits)', () => {
  const before = gitStatus();
  const run = demo();

  it('scans vulnerable-shop and prints the report by practice', () => {
    assert.match(run.stdout, /== 1\. Scan: rampart scan \S+vulnerable-shop/);
    for (const heading of ['1. Prevent injection', '2. Strong authentication', '3. Errors that reveal nothing', '8. No secrets in code or config', '9. HTTP security headers', '10. Never run as root']) {
      assert.ok(run.stdout.includes(`\n${heading}`), `practice heading "${heading}" missing`);
    }
    assert.match(run.stdout, /sql-injection {2}src\/routes\/orders\.js:15/);
    assert.match(run.stdout, /ssrf {2}src\/routes\/products\.js:28/);
  });

  it('every attack succeeds against vulnerable-shop, with the evidence from the answer', () => {
    const column = (title: string) => run.table.get(title)?.get('vulnerable-shop') ?? '';
    assert.deepEqual([...run.table.keys()], ATTACK_TITLES, run.stdout);
    assert.match(column('SQL injection'), /^FELL: read 2 other users' emails and password hashes \(admin@corner-coffee\.example, alice@example\.com\)$/);
    assert.match(column('Reflected XSS'), /^FELL: script reflected unescaped into the page, no CSP/);
    assert.match(column('Path traversal'), /^FELL: read \.\.\/config\/default\.json, payment key sk_live_/);
    assert.match(column('SSRF'), /^FELL: internal server hit \(GET \/admin\/…\), leaked its title "Corner Coffee internal admin"$/);
    assert.equal(column('Code injection (eval)'), `FELL: ran our code: answered the server's process id ${run.pids.get('vulnerable-shop')}`);
    assert.match(column('Command injection'), /^FELL: ran a shell command: created pwned-[0-9a-f]{8} in the shop's data folder$/);
    assert.equal(column('Brute-force login'), "FELL: alice's password found after 30 tries, no limit");
    assert.match(run.stdout, /^vulnerable-shop: 7 of 7 attacks succeeded$/m);
    assert.equal(run.table.get('SQL injection')?.get('class'), 'sql-injection');
    assert.equal(run.table.get('Brute-force login')?.get('practice'), '2 authentication');
  });

  it('stops the shops and their children, removes its temp folder and changes nothing in the repo', () => {
    assertNothingLeft(run);
    assert.equal(gitStatus(), before);
  });

  it('vulnerable-shop, unchanged, under runtime protection: every injection stopped at its sink; brute force is beyond it', () => {
    const column = (title: string) => run.table.get(title)?.get('vulnerable+guard') ?? '';
    assert.match(column('SQL injection'), /^BLOCKED: stopped at the sink, the app answered 500 \(request id [\w -]+\)$/);
    for (const title of ['Reflected XSS', 'Path traversal', 'Code injection (eval)', 'Command injection']) {
      assert.match(column(title), /^BLOCKED: 403 \(request id [\w -]+\)$/, title);
    }
    // The app catches the refused fetch and answers 502: the protection's own event says who stopped it.
    assert.match(column('SSRF'), /^BLOCKED: stopped at \S+ by runtime protection; the app then answered 502 "Could not fetch the link"$/);
    assert.match(column('Brute-force login'), /^FELL: /);
    assert.match(run.stdout, /^vulnerable\+guard: 1 of 7 attacks succeeded, 6 blocked$/m);
    assert.match(run.stdout, /^ {2}vulnerable\+guard is the same vulnerable-shop code, unchanged, started with `node --import @rampart\/guard\/register`/m);
  });

  it('prints one dashboard with the scan and every event: runtime detections and the secured shop\'s', () => {
    assert.match(run.stdout, /^Dashboard: http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}\n {2}the scan of vulnerable-shop \(29 findings\) and [1-9]\d* security events recorded: 6 from vulnerable\+guard \(6 attack\)/m);
  });

  if (existsSync(join(SECURED_SHOP, 'src', 'app.js'))) {
    it('secured-shop blocks or withstands every attack, and its dashboard URL is printed', () => {
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      for (const title of ATTACK_TITLES) assert.match(run.table.get(title)?.get('secured-shop') ?? '', /^(BLOCKED|HELD): /, `${title} against secured-shop`);
      assert.match(run.table.get('Brute-force login')?.get('secured-shop') ?? '', /^BLOCKED: /);
      assert.match(run.stdout, /; [1-9]\d* from secured-shop \((\d+ [\w-]+(, )?)+\)\n {2}secured-shop also serves its own, inside the app: http:\/\/127\.0\.0\.1:\d+\/_rampart\/dashboard\S*$/m);
      assert.match(run.stdout, /^secured-shop: 0 of 7 attacks succeeded/m);
    });
  } else {
    it('says that examples/secured-shop is missing and runs the vulnerable side only', () => {
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /secured-shop is not there yet: no secured side/);
      assert.deepEqual([...run.pids.keys()], ['vulnerable-shop', 'vulnerable+guard']);
    });
  }
});

describe('rampart demo --secured-dir (any app with the same routes and start protocol)', () => {
  // vulnerable-shop under runtime protection: the sink detectors stop five attacks (eval included),
  // SSRF fails inside the app, and brute force is beyond runtime protection and gets through.
  const run = demo('--secured-dir', GUARDED_SHOP, '--no-runtime');
  const column = (title: string) => run.table.get(title)?.get('secured-shop') ?? '';

  it('shows the guarded shop blocking at the sinks, with request ids, and the rest getting through', () => {
    assert.match(column('SQL injection'), /^BLOCKED: stopped at the sink, the app answered 500 \(request id [\w-]+\)$/);
    assert.match(column('Reflected XSS'), /^BLOCKED: 403 \(request id [\w-]+\)$/);
    assert.match(column('Path traversal'), /^BLOCKED: 403 \(request id [\w-]+\)$/);
    assert.match(column('Command injection'), /^BLOCKED: 403 \(request id [\w-]+\)$/);
    assert.match(column('SSRF'), /^HELD: answered 502 "Could not fetch the link"$/);
    assert.match(column('Code injection (eval)'), /^BLOCKED: 403 \(request id [\w-]+\)$/);
    assert.match(column('Brute-force login'), /^FELL: /);
    assert.match(run.stdout, /^secured-shop: 1 of 7 attacks succeeded, 5 blocked, 1 held$/m);
    assert.match(run.stdout, /^ {2}secured-shop printed no "dashboard on <url>" line\.$/m);
    assert.deepEqual([...run.pids.keys()], ['vulnerable-shop', 'secured-shop'], '--no-runtime starts no vulnerable+guard');
  });

  it('exits 1 because attacks got through the secured side, and leaves nothing running', () => {
    assert.equal(run.code, 1, run.stderr);
    assertNothingLeft(run);
  });
});

/** Starts the demo, sends `signal` once stdout matches `when`, and resolves with the whole run. */
function demoInterrupted(args: string[], when: RegExp, signal: NodeJS.Signals, before?: (stdout: string) => Promise<void>): Promise<DemoRun & { signalSeen: boolean; beforeError?: unknown }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'demo', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    let beforeError: unknown;
    const started = Date.now();
    const timer = setTimeout(() => {
      // SIGTERM: the demo stops its shops on it, so a failed test leaves nothing running.
      child.kill('SIGTERM');
      reject(new Error(`no ${when} within ${(Date.now() - started) / 1000} s; the output ends with:\n${stdout.slice(-3000)}\n${stderr}`));
    }, 240_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!sent && when.test(stdout)) {
        sent = true;
        const check = before ? before(stdout).catch((err: unknown) => void (beforeError = err)) : Promise.resolve();
        void check.then(() => child.kill(signal));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ ...readRun(code, stdout, stderr), signalSeen: sent, beforeError });
    });
  });
}

describe('rampart demo: Ctrl-C', () => {
  it('--keep-open keeps the shops up until Ctrl-C, then stops them and exits 0', async () => {
    // While it is open, the dashboard serves the scan report and the runtime detections, to the token only.
    const seen: { events?: { kind: string; rule: string; action: string }[]; report?: { available?: boolean; total?: number }; anonymous?: number } = {};
    const run = await demoInterrupted(['--no-secured', '--keep-open'], /press Ctrl-C to stop\.\n/, 'SIGINT', async (stdout) => {
      const m = /^Dashboard: (http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)$/m.exec(stdout);
      assert.ok(m, stdout);
      const auth = { authorization: `Bearer ${m[2]}` };
      seen.events = ((await (await fetch(`${m[1]}api/events?limit=100`, { headers: auth })).json()) as { events: typeof seen.events }).events;
      seen.report = (await (await fetch(`${m[1]}api/report`, { headers: auth })).json()) as typeof seen.report;
      seen.anonymous = (await fetch(`${m[1]}api/events`)).status;
    });
    assert.ok(run.signalSeen);
    assert.equal(run.beforeError, undefined, String(run.beforeError));
    assert.equal(seen.events?.length, 6, JSON.stringify(seen.events));
    assert.deepEqual(new Set(seen.events?.map((e) => `${e.kind} ${e.rule} ${e.action}`)), new Set(['sql-injection', 'reflected-xss', 'path-traversal', 'ssrf', 'code-injection', 'shell-injection'].map((r) => `attack ${r} blocked`)));
    assert.equal(seen.report?.available, true, JSON.stringify(seen.report).slice(0, 500));
    assert.equal(seen.report?.total, 29);
    assert.equal(seen.anonymous, 401);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\nStopping\.\n$/);
    assertNothingLeft(run);
  });

  it('Ctrl-C during the campaign stops everything and exits 130, printing no table', async () => {
    const run = await demoInterrupted(['--no-secured'], /== 3\. Attack/, 'SIGINT');
    assert.ok(run.signalSeen);
    assert.equal(run.code, 130, run.stderr);
    assert.doesNotMatch(run.stdout, /^attack\s+class/m);
    assertNothingLeft(run);
  });
});

describe('rampart demo: what a shop leaves running', () => {
  it('kills what a shop started that outlives it, even a process that ignores SIGTERM', (t) => {
    // A minimal app with the start protocol whose child ignores SIGTERM and stays when the app exits.
    const app = mkdtempSync(join(tmpdir(), 'rampart-demo-stubborn-'));
    t.after(() => rmSync(app, { recursive: true, force: true }));
    mkdirSync(join(app, 'src'));
    writeFileSync(
      join(app, 'src', 'app.js'),
      [
        "const { spawn } = require('node:child_process');",
        "const http = require('node:http');",
        "spawn(process.execPath, ['-e', \"process.on('SIGTERM', () => {}); setInterval(() => {}, 1000);\"], { stdio: 'ignore' }).unref();",
        "const server = http.createServer((req, res) => { res.statusCode = 404; res.end('{}'); });",
        "server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));",
        "process.on('SIGTERM', () => process.exit(0));",
        '',
      ].join('\n'),
    );
    writeFileSync(join(app, 'package.json'), '{ "type": "commonjs" }\n');
    const run = demo('--secured-dir', app);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.table.get('SQL injection')?.get('secured-shop') ?? '', /^NOT RUN: could not log in as bob \(404\)$/);
    assertNothingLeft(run);
  });
});

describe('rampart demo: errors', () => {
  it('refuses --no-secured with --secured-dir, and a folder without src/app.js (exit 2)', () => {
    const both = demo('--no-secured', '--secured-dir', GUARDED_SHOP);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /choose one/);
    const missing = demo('--secured-dir', join(tmpdir(), 'rampart-demo-no-such-shop'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /has no src\/app\.js/);
  });

  it('reports a shop that dies at start with its last output, and stops the other one', (t) => {
    const broken = mkdtempSync(join(tmpdir(), 'rampart-demo-broken-'));
    t.after(() => rmSync(broken, { recursive: true, force: true }));
    mkdirSync(join(broken, 'src'));
    writeFileSync(join(broken, 'src', 'app.js'), "console.error('cannot open the database: disk on fire');\nprocess.exit(3);\n");
    const r = demo('--secured-dir', broken);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /secured-shop \(\S+\) stopped before it was ready \(exit code 3\)/);
    assert.match(r.stderr, /disk on fire/);
    assert.ok(r.dataRoot && !existsSync(r.dataRoot), 'the temp folder is removed');
    assert.deepEqual(processesWithDataIn(r.dataRoot), [], 'vulnerable-shop was stopped too');
  });
});
