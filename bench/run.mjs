#!/usr/bin/env node
// `npm run bench`: every benchmark section, each printing Rampart's figures side by side with the
// tools users would pick instead, measured in the same run, as plain-text tables.
// Usage: node bench/run.mjs [--only a,b] [--skip a,b] [--no-large-tree] [--no-parsers] [--rule-costs]
//   sections: see SECTIONS below (`--list` prints them).
//   --no-large-tree  scan section: skip the npm-installed tree (examples only)
//   --no-parsers     scan section: skip the parser comparison
//   --rule-costs     scan section: add where Rampart's time goes (parsing vs each rule, one thread)
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAuth } from './auth.mjs';
import { benchDeps } from './deps.mjs';
import { benchGuard } from './guard.mjs';
import { benchGuardLimits } from './guard-limits.mjs';
import { benchProtect } from './protect.mjs';
import { WORK_DIR, ensureLargeTree } from './large-tree.mjs';
import { RSS_METHOD } from './measure-process.mjs';
import { runSastBench } from './sast/score.mjs';
import { LARGE_TREE_MAX_FILE_SIZE, benchScan } from './scan-speed.mjs';
import { benchSecrets } from './secrets.mjs';
import { benchSecretsStore } from './secrets-store.mjs';
import { fixed } from './text-table.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Every section, in the order they run. `run` receives { say, progress, scratch, flags }. */
const SECTIONS = [
  { name: 'scan', title: 'rampart scan: parsers, speed and memory vs ESLint + eslint-plugin-security, findings on the examples', run: benchScan },
  {
    name: 'sast',
    title: 'taint accuracy: recall and precision per class on bench/sast and the example apps, vs ESLint security plugins',
    run: (ctx) => runSastBench({ ...ctx, scratchDir: join(ctx.scratch, 'sast') }),
  },
  {
    name: 'sast-holdout',
    title: 'taint accuracy on the blind hold-out set bench/sast/holdout-2 (written without seeing the engine or the suite; see its README)',
    run: (ctx) => runSastBench({ ...ctx, scratchDir: join(ctx.scratch, 'sast-holdout'), casesDir: join(REPO, 'bench', 'sast', 'holdout-2') }),
  },
  {
    name: 'sast-holdout-3',
    title: 'taint accuracy on the blind hold-out set bench/sast/holdout-3 (written without seeing the engine, the suite or holdout-2; see its README)',
    run: (ctx) => runSastBench({ ...ctx, scratchDir: join(ctx.scratch, 'sast-holdout-3'), casesDir: join(REPO, 'bench', 'sast', 'holdout-3') }),
  },
  {
    name: 'sast-holdout-4',
    title: 'taint accuracy on the blind hold-out set bench/sast/holdout-4 (written without seeing the engine, the suite or the earlier hold-out cases; see its README)',
    run: (ctx) => runSastBench({ ...ctx, scratchDir: join(ctx.scratch, 'sast-holdout-4'), casesDir: join(REPO, 'bench', 'sast', 'holdout-4') }),
  },
  {
    name: 'sast-holdout-5',
    title: 'taint accuracy on the blind hold-out set bench/sast/holdout-5 (modelled on real advisories, written without seeing the engine, the suite or the earlier hold-out cases; see its README)',
    run: (ctx) => runSastBench({ ...ctx, scratchDir: join(ctx.scratch, 'sast-holdout-5'), casesDir: join(REPO, 'bench', 'sast', 'holdout-5') }),
  },
  {
    name: 'sast-holdout-6',
    title: 'taint accuracy on the blind hold-out set bench/sast/holdout-6 (modelled on real advisories other than holdout-5\'s, written without seeing the engine, the suite or the earlier hold-out cases; see its README)',
    run: (ctx) => runSastBench({ ...ctx, scratchDir: join(ctx.scratch, 'sast-holdout-6'), casesDir: join(REPO, 'bench', 'sast', 'holdout-6') }),
  },
  {
    name: 'secrets',
    title: 'rampart secrets scan vs secretlint: MB/s on the large tree, recall and precision on the labelled corpus',
    run: async (ctx) => {
      const installed = ctx.flags.has('--no-large-tree') ? undefined : await ensureLargeTree();
      const tree = installed?.ok ? { root: installed.root } : undefined;
      await benchSecrets({ ...ctx, scratchDir: ctx.scratch, tree, maxFileSize: LARGE_TREE_MAX_FILE_SIZE });
    },
  },
  { name: 'secrets-store', title: 'the encrypted secrets store: load and set/get speed vs dotenvx', run: benchSecretsStore },
  { name: 'deps', title: 'rampart deps: cold and warm audit time and memory', run: benchDeps },
  { name: 'guard', title: 'runtime guard overhead: requests/s and latency vs bare Express/Fastify, helmet, express-rate-limit', run: benchGuard },
  { name: 'guard-limits', title: 'rate-limit stores: memory with 1M IPs and consume() throughput vs express-rate-limit, rate-limiter-flexible', run: benchGuardLimits },
  { name: 'protect', title: 'runtime attack protection: overhead and detection vs Aikido Zen, tokenizer fuzzing', run: benchProtect },
  { name: 'auth', title: 'authentication: hashing cost and login throughput vs passport-local + bcryptjs', run: benchAuth },
];
const SCAN_FLAGS = ['--no-large-tree', '--no-parsers', '--rule-costs'];

function usage(message) {
  console.error(`bench: ${message}`);
  console.error(`usage: node bench/run.mjs [--only a,b] [--skip a,b] [${SCAN_FLAGS.join('] [')}] [--list]`);
  console.error(`sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

function parseArgs(argv) {
  const flags = new Set();
  let only;
  const skip = new Set();
  const names = (value, flag) => {
    if (!value) usage(`${flag} needs a comma-separated list of sections`);
    const list = value.split(',').filter(Boolean);
    for (const n of list) if (!SECTIONS.some((s) => s.name === n)) usage(`unknown section "${n}" in ${flag}`);
    return list;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') only = new Set(names(argv[++i], a));
    else if (a === '--skip') for (const n of names(argv[++i], a)) skip.add(n);
    else if (a === '--list') flags.add(a);
    else if (SCAN_FLAGS.includes(a)) flags.add(a);
    else usage(`unknown argument ${a}`);
  }
  return { flags, selected: SECTIONS.filter((s) => (!only || only.has(s.name)) && !skip.has(s.name)) };
}

const { flags, selected } = parseArgs(process.argv.slice(2));
if (flags.has('--list')) {
  for (const s of SECTIONS) process.stdout.write(`${s.name.padEnd(14)} ${s.title}\n`);
  process.exit(0);
}
if (!existsSync(join(REPO, 'packages/cli/dist/bin.js'))) {
  console.error('bench: packages/cli/dist/bin.js is missing: run `npm run bench` (it builds first) or `npx tsc -b`.');
  process.exit(2);
}

const scratch = join(WORK_DIR, 'runs');
mkdirSync(scratch, { recursive: true });
const say = (text = '') => process.stdout.write(`${text}\n`);
const progress = (text) => process.stderr.write(`  … ${text}\n`);
// The machine may be shared: the load average, printed at start and end, tells a disturbed run.
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

const started = performance.now();
say(`Rampart benchmarks: Node ${process.version}, ${availableParallelism()} CPU(s), peak RSS by ${RSS_METHOD}, load average ${load()}`);
say(`Sections: ${selected.map((s) => s.name).join(', ') || '(none)'}`);
for (const section of selected) {
  say();
  say(`== ${section.name}: ${section.title}`);
  const t0 = performance.now();
  await section.run({ say, progress, scratch, flags });
  progress(`${section.name} took ${fixed((performance.now() - t0) / 1000, 0)} s`);
}
say();
say(`Bench finished in ${fixed((performance.now() - started) / 1000, 0)} s, load average ${load()}.`);
