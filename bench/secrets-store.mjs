#!/usr/bin/env node
// The encrypted secrets store, side by side with dotenvx's encrypted .env (the comparable tool
// on npm that works offline): load time for 100 secrets, set/get throughput through each
// library, and one CLI process per set/get. dotenvx is installed once, pinned, into
// bench/.work/dotenvx. Run alone: `node bench/secrets-store.mjs`, or as the
// secrets-store section of bench/run.mjs.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runNodeMeasured } from './measure-process.mjs';
import { fixed, formatTable } from './text-table.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const WORK_DIR = fileURLToPath(new URL('./.work/', import.meta.url));
const SECRETS_DIST = join(REPO, 'packages/secrets/dist/index.js');
const RAMPART_BIN = join(REPO, 'packages/cli/dist/bin.js');
const DOTENVX_PACKAGE = '@dotenvx/dotenvx@2.38.2';
const DOTENVX_DIR = join(WORK_DIR, 'dotenvx');
const DOTENVX_MARKER = join(DOTENVX_DIR, '.installed.json');
const DOTENVX_MAIN = join(DOTENVX_DIR, 'node_modules/@dotenvx/dotenvx/src/lib/main.js');
const DOTENVX_BIN = join(DOTENVX_DIR, 'node_modules/@dotenvx/dotenvx/src/cli/dotenvx.js');

const SECRET_COUNT = 100;
// dotenvx decrypts each value with secp256k1 in JavaScript, seconds per 100 values on this
// machine: fewer repetitions for it keep the whole bench within a few minutes.
const RUNS = { rampart: { loads: 5, warm: 20, sets: 100, gets: 100, cli: 5 }, dotenvx: { loads: 2, warm: 1, sets: 10, gets: 3, cli: 2 } };
const CHILD_TIMEOUT_MS = 120_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? undefined : s[Math.floor(s.length / 2)];
};

function values() {
  // Realistic shapes: URLs with passwords, API keys, hex secrets; 30-90 characters.
  return Array.from({ length: SECRET_COUNT }, (_, i) => [`SECRET_${String(i).padStart(3, '0')}`, `${['postgres://app:', 'sk_live_', ''][i % 3]}${randomBytes(20 + (i % 30)).toString('base64url')}`]);
}

function ensureDotenvx() {
  if (existsSync(DOTENVX_MARKER) && readFileSync(DOTENVX_MARKER, 'utf8') === DOTENVX_PACKAGE && existsSync(DOTENVX_MAIN)) return { ok: true, reused: true };
  rmSync(DOTENVX_DIR, { recursive: true, force: true });
  mkdirSync(DOTENVX_DIR, { recursive: true });
  writeFileSync(join(DOTENVX_DIR, 'package.json'), '{ "name": "rampart-bench-dotenvx", "private": true }\n');
  const r = spawnSync('npm', ['install', '--prefix', DOTENVX_DIR, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--fetch-retries=0', DOTENVX_PACKAGE], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0 || !existsSync(DOTENVX_MAIN)) {
    rmSync(DOTENVX_DIR, { recursive: true, force: true });
    const line = `${r.stderr ?? ''}`.trim().split('\n').find((l) => /error (code|network)/.test(l)) ?? (r.error?.message || 'npm install failed');
    return { ok: false, reason: line };
  }
  writeFileSync(DOTENVX_MARKER, DOTENVX_PACKAGE);
  return { ok: true, reused: false };
}

// ------------------------------------------------------------------ child scripts (load time)

const RAMPART_LOAD = `
const key = process.env.RAMPART_SECRETS_KEY;
const t0 = performance.now();
const { loadSecrets } = await import(process.env.BENCH_DIST);
const t1 = performance.now();
const secrets = await loadSecrets({ file: process.env.BENCH_STORE });
const t2 = performance.now();
const warm = [];
for (let i = 0; i < Number(process.env.BENCH_WARM); i++) {
  const a = performance.now();
  await loadSecrets({ file: process.env.BENCH_STORE, key });
  warm.push(performance.now() - a);
}
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, warmMs: warm[Math.floor(warm.length / 2)], count: secrets.size }));
`;

const DOTENVX_LOAD = `
const t0 = performance.now();
const dotenvx = require(process.env.BENCH_DIST);
const t1 = performance.now();
// Into an object, as Rampart's loader does; dotenvx looks for its key in the object it fills.
const fresh = () => ({ DOTENV_PRIVATE_KEY: process.env.DOTENV_PRIVATE_KEY });
const env = fresh();
dotenvx.config({ path: process.env.BENCH_STORE, processEnv: env, quiet: true, strict: true });
const t2 = performance.now();
const warm = [];
for (let i = 0; i < Number(process.env.BENCH_WARM); i++) {
  const a = performance.now();
  dotenvx.config({ path: process.env.BENCH_STORE, processEnv: fresh(), quiet: true, strict: true });
  warm.push(performance.now() - a);
}
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, warmMs: warm[Math.floor(warm.length / 2)], count: Object.keys(env).filter((k) => k.startsWith('SECRET_')).length }));
`;

async function measureLoads(tool, script, env, runs, scratch) {
  const file = join(scratch, `${tool}-load.${tool === 'dotenvx' ? 'cjs' : 'mjs'}`);
  writeFileSync(file, script);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await runNodeMeasured([file], { cwd: scratch, timeoutMs: CHILD_TIMEOUT_MS, env });
    if (r.exitCode !== 0) return { error: `exit ${r.exitCode}: ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}`.slice(0, 160) };
    results.push({ ...JSON.parse(r.stdout.trim().split('\n').pop()), wallSeconds: r.wallSeconds, peakRssMB: r.peakRssMB });
  }
  return {
    count: results[0].count,
    importMs: median(results.map((r) => r.importMs)),
    loadMs: median(results.map((r) => r.loadMs)),
    warmMs: median(results.map((r) => r.warmMs)),
    wallMs: median(results.map((r) => r.wallSeconds * 1000)),
    peakRssMB: median(results.map((r) => r.peakRssMB ?? NaN)),
  };
}

function cliRuns(args, env, cwd, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args(i), { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
    if (r.status !== 0) return { error: `exit ${r.status}: ${`${r.stderr}`.trim().split('\n').slice(-1)[0] ?? ''}`.slice(0, 160) };
    times.push(performance.now() - start);
  }
  return { ms: median(times) };
}

/** Runs the whole comparison; prints with `say`, progress with `progress`. */
export async function benchSecretsStore({ say, progress }) {
  if (!existsSync(SECRETS_DIST) || !existsSync(RAMPART_BIN)) {
    say('Secrets store: SKIPPED, packages/secrets/dist or packages/cli/dist is missing: run `npx tsc -b`.');
    return;
  }
  const scratch = mkdtempSync(join(WORK_DIR.replace(/\/$/, ''), 'secrets-'));
  mkdirSync(join(scratch, '.git'), { recursive: true }); // a project root: key files stay outside it
  const home = mkdtempSync(join(WORK_DIR.replace(/\/$/, ''), 'secrets-home-'));
  try {
    const secrets = await import(pathToFileURL(SECRETS_DIST).href);
    const data = values();
    const rows = { load: [], lib: [], cli: [] };

    // ---------------------------------------------------------------- Rampart
    progress(`secrets store: rampart, ${SECRET_COUNT} secrets`);
    const key = secrets.generateKeyPair();
    const store = join(scratch, 'secrets.enc.json');
    const lib = { sets: 0, gets: 0 };
    {
      const s = secrets.SecretsStore.create(store, [{ publicKey: key.publicKey, name: 'bench' }], { writerKey: key.privateKey });
      s.save();
      // As the CLI does it: open (verify everything), set one, save (atomic rewrite), per value.
      let t = performance.now();
      for (const [name, value] of data.slice(0, RUNS.rampart.sets)) {
        const st = secrets.SecretsStore.open(store, { key: key.privateKey });
        st.set(name, value);
        st.save();
      }
      lib.sets = RUNS.rampart.sets / ((performance.now() - t) / 1000);
      t = performance.now();
      for (let i = 0; i < RUNS.rampart.gets; i++) {
        const v = secrets.SecretsStore.open(store, { key: key.privateKey }).get(data[i % data.length][0]);
        if (v !== data[i % data.length][1]) throw new Error('rampart get returned a wrong value');
      }
      lib.gets = RUNS.rampart.gets / ((performance.now() - t) / 1000);
    }
    const rLoad = await measureLoads('rampart', RAMPART_LOAD, { RAMPART_SECRETS_KEY: key.privateKey, BENCH_DIST: pathToFileURL(SECRETS_DIST).href, BENCH_STORE: store, BENCH_WARM: String(RUNS.rampart.warm) }, RUNS.rampart.loads, scratch);
    const cliEnv = { RAMPART_SECRETS_KEY: key.privateKey, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), BENCH_VALUE: 'cli-value-0123456789' };
    const rSet = cliRuns((i) => [RAMPART_BIN, 'secrets', 'set', `CLI_${i}`, '--from-env', 'BENCH_VALUE'], cliEnv, scratch, RUNS.rampart.cli);
    const rGet = cliRuns(() => [RAMPART_BIN, 'secrets', 'get', 'SECRET_000'], cliEnv, scratch, RUNS.rampart.cli);
    rows.load.push(loadRow('rampart (@rampart/secrets)', rLoad));
    rows.lib.push(['rampart', fixed(lib.sets, 0), fixed(lib.gets, 0), `${RUNS.rampart.sets} sets, ${RUNS.rampart.gets} gets; each opens and verifies the whole store`]);
    rows.cli.push(['rampart secrets set / get', rSet.error ?? fixed(rSet.ms, 0), rGet.error ?? fixed(rGet.ms, 0), 'value from --from-env (never argv)']);

    // ---------------------------------------------------------------- dotenvx
    progress(`secrets store: installing or reusing ${DOTENVX_PACKAGE} in bench/.work/dotenvx`);
    const installed = ensureDotenvx();
    if (!installed.ok) {
      rows.load.push([`dotenvx: SKIPPED (${installed.reason})`, '-', '-', '-', '-', '-', '-']);
    } else {
      progress(`secrets store: dotenvx, ${SECRET_COUNT} secrets (slow: secp256k1 in JavaScript)`);
      const dotenvx = createRequire(import.meta.url)(DOTENVX_MAIN);
      const envFile = join(scratch, '.env');
      // The library writes .env.keys into the working directory unless told where.
      const quiet = { path: envFile, envKeysFile: join(scratch, '.env.keys'), quiet: true };
      let t = performance.now();
      const dxSets = RUNS.dotenvx.sets;
      for (const [name, value] of data.slice(0, dxSets)) await dotenvx.set(name, value, quiet);
      const dxSetRate = dxSets / ((performance.now() - t) / 1000);
      // The other values in one go: appended in plain text, then encrypted by its own CLI.
      appendFileSync(envFile, data.slice(dxSets).map(([k, v]) => `${k}="${v}"`).join('\n') + '\n');
      const enc = spawnSync(process.execPath, [DOTENVX_BIN, 'encrypt', '-f', envFile], { cwd: scratch, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
      if (enc.status !== 0) throw new Error(`dotenvx encrypt failed: ${enc.stderr}`);
      const keysText = readFileSync(join(scratch, '.env.keys'), 'utf8');
      const privateKey = /DOTENV_PRIVATE_KEY="?([0-9a-f]{64})/.exec(keysText)?.[1];
      if (!privateKey) throw new Error('dotenvx: no DOTENV_PRIVATE_KEY in .env.keys');
      if (/^SECRET_\d+="(?!encrypted:)/m.test(readFileSync(envFile, 'utf8'))) throw new Error('dotenvx left a value unencrypted');
      t = performance.now();
      for (let i = 0; i < RUNS.dotenvx.gets; i++) {
        const v = await dotenvx.get(data[i][0], { path: envFile, envKeysFile: join(scratch, '.env.keys'), strict: true });
        if (v !== data[i][1]) throw new Error(`dotenvx get returned a wrong value for ${data[i][0]}`);
      }
      const dxGetRate = RUNS.dotenvx.gets / ((performance.now() - t) / 1000);
      // Production shape: the key in the environment, no .env.keys beside the file.
      rmSync(join(scratch, '.env.keys'));
      const dLoad = await measureLoads('dotenvx', DOTENVX_LOAD, { DOTENV_PRIVATE_KEY: privateKey, BENCH_DIST: DOTENVX_MAIN, BENCH_STORE: envFile, BENCH_WARM: String(RUNS.dotenvx.warm) }, RUNS.dotenvx.loads, scratch);
      writeFileSync(join(scratch, '.env.keys'), keysText);
      const dSet = cliRuns((i) => [DOTENVX_BIN, 'set', `CLI_${i}`, 'cli-value-0123456789', '-f', envFile], {}, scratch, RUNS.dotenvx.cli);
      const dGet = cliRuns(() => [DOTENVX_BIN, 'get', 'SECRET_000', '-f', envFile], {}, scratch, RUNS.dotenvx.cli);
      rows.load.push(loadRow(`dotenvx (${DOTENVX_PACKAGE.slice(DOTENVX_PACKAGE.lastIndexOf('@') + 1)})`, dLoad));
      rows.lib.push(['dotenvx', fixed(dxSetRate, 1), fixed(dxGetRate, 1), `${dxSets} sets, ${RUNS.dotenvx.gets} gets (fewer: each takes long)`]);
      rows.cli.push(['dotenvx set / get', dSet.error ?? fixed(dSet.ms, 0), dGet.error ?? fixed(dGet.ms, 0), 'value on argv (shell history, ps)']);
    }

    say(`Secrets store: ${SECRET_COUNT} secrets of 30-90 characters, side by side with dotenvx's encrypted .env (ECIES secp256k1 per value)`);
    say(formatTable(['loader', 'secrets', 'import ms', 'first load ms', 'warm load ms', 'child wall ms (all loads)', 'peak RSS MB'], rows.load));
    say('  first load: the first loadSecrets() / config() in a fresh process (key from the environment), median of the runs; warm: later calls in the same process');
    say(formatTable(['library', 'set ops/s', 'get ops/s', 'how'], rows.lib));
    say(formatTable(['CLI, one process per operation', 'set ms', 'get ms', 'note'], rows.cli));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

function loadRow(tool, r) {
  if (r.error) return [tool, '-', '-', '-', '-', '-', r.error];
  return [tool, r.count, fixed(r.importMs, 1), fixed(r.loadMs, 1), fixed(r.warmMs, 2), fixed(r.wallMs, 0), fixed(r.peakRssMB, 0)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(WORK_DIR, { recursive: true });
  await benchSecretsStore({ say: (t = '') => process.stdout.write(`${t}\n`), progress: (t) => process.stderr.write(`  … ${t}\n`) });
}
