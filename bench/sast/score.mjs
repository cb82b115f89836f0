#!/usr/bin/env node
// `npm run bench:sast`: recall and precision per taint class on the labelled suite
// (bench/sast/cases) and on the example apps, for Rampart and three ESLint setups, measured
// in the same run. bench/run.mjs calls runSastBench() as one of its sections.
//
// Flags (when run directly):
//   --rampart-bin <path>  the built CLI to measure (default packages/cli/dist/bin.js), e.g. a
//                         branch's build: --rampart-bin ../taint/packages/cli/dist/bin.js
//   --details <tool>      also list that tool's false positives and false negatives
//                         (tool: rampart, security, sdl, no-unsanitized)
//   --no-eslint           Rampart only (faster while working on the engine)
//   --cases <dir>         score another folder of cases of the same layout (e.g. a hold-out set)
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, fixed } from '../text-table.mjs';
import { percent, precision, recall, scoreFindings } from './scoring.mjs';
import { CLASS_IDS, SOURCE_EXTENSIONS, expectedFindings, exampleTaintFlaws, loadSuite } from './suite.mjs';
import { ESLINT_SETUPS, classFindings, runEslintSetup, runRampartCli } from './tools.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CASES_DIR = join(REPO, 'bench/sast/cases');
const DEFAULT_BIN = join(REPO, 'packages/cli/dist/bin.js');
const EXAMPLES = [
  { name: 'vulnerable-shop', dir: join(REPO, 'examples/vulnerable-shop') },
  { name: 'clean-shop', dir: join(REPO, 'examples/clean-shop') },
];
const SHORT_NAMES = { rampart: 'rampart', security: 'eslint + security', sdl: 'eslint + sdl', 'no-unsanitized': 'eslint + no-unsanitized' };

function exampleSourceFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) exampleSourceFiles(p, out);
    else if (SOURCE_EXTENSIONS.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

/**
 * Runs every tool, scores it, prints the tables through `say`.
 * @param {{ say: (s?: string) => void, progress: (s: string) => void, scratchDir?: string,
 *   rampartBin?: string, eslint?: boolean, details?: string }} options
 * @returns {Promise<{ tools: { name: string, suite: import('./scoring.mjs').Score, run: object }[] }>}
 */
export async function runSastBench({ say, progress, scratchDir = join(tmpdir(), 'rampart-bench-sast'), rampartBin = DEFAULT_BIN, eslint = true, details, casesDir = CASES_DIR }) {
  const { cases, problems } = loadSuite(casesDir);
  if (problems.length > 0) {
    say(`SAST suite: ${problems.length} problem(s) in bench/sast/cases; fix them first (npm test lists them):`);
    for (const p of problems.slice(0, 20)) say(`  ${p}`);
    return { tools: [] };
  }
  const expected = expectedFindings(cases);
  const examples = EXAMPLES.filter((ex) => existsSync(ex.dir)).map((ex) => ({
    ...ex,
    flaws: exampleTaintFlaws(join(ex.dir, 'EXPECTED.json')),
    files: exampleSourceFiles(join(ex.dir, 'src')),
  }));
  const caseFiles = cases.flatMap((c) => c.files.map((f) => join(casesDir, f)));

  const tools = [];
  if (!existsSync(rampartBin)) {
    tools.push({ name: 'rampart', run: { ok: false, error: `${rampartBin} is missing: run npx tsc -b` } });
  } else {
    progress(`rampart scan over bench/sast/cases (${rampartBin === DEFAULT_BIN ? 'this build' : rampartBin})`);
    const suiteRun = await runRampartCli(rampartBin, casesDir, { scratchDir, label: 'cases' });
    const exampleRuns = [];
    for (const ex of examples) {
      progress(`rampart scan over examples/${ex.name}`);
      exampleRuns.push(await runRampartCli(rampartBin, ex.dir, { scratchDir, label: ex.name }));
    }
    tools.push({ name: 'rampart', key: 'rampart', run: suiteRun, exampleRuns });
  }
  if (eslint) {
    const exampleFiles = examples.flatMap((ex) => ex.files);
    for (const setup of ESLINT_SETUPS) {
      progress(`${setup.name} over ${caseFiles.length} case files and ${exampleFiles.length} example files (one ESLint instance)`);
      const run = await runEslintSetup(setup, [...caseFiles, ...exampleFiles]);
      // One ESLint run covers the cases and the examples; each example is scored on its own files.
      tools.push({ name: setup.name, key: 'eslint', run, exampleRuns: examples.map(() => run) });
    }
  }

  for (const t of tools) {
    if (!t.run.ok) continue;
    t.suite = scoreFindings(expected, classFindings(t.key, t.run.findings, casesDir), CLASS_IDS);
    t.examples = examples.map((ex, i) => {
      const run = t.exampleRuns[i];
      if (!run.ok) return { error: run.error };
      return scoreFindings(ex.flaws, classFindings(t.key, run.findings, ex.dir), CLASS_IDS);
    });
  }

  const vulnerable = cases.filter((c) => c.vulnerable).length;
  say(`SAST accuracy: ${cases.length} labelled cases (${vulnerable} vulnerable, ${cases.length - vulnerable} safe twins), ${expected.length} expected findings, ${CLASS_IDS.length} classes`);
  say('  A finding counts when it carries a class (Rampart: ruleId is the class; ESLint: the class its rule claims, see bench/sast/tools.mjs).');
  say('  true = on a line marked `// expect: <class>` with that class; false = anywhere else, safe twins included. Cell: recall / precision (tp fp fn).');
  const scored = tools.filter((t) => t.run.ok);
  const header = ['class', 'cases', 'marks', ...scored.map((t) => t.name)];
  const cell = (c) => `${percent(recall(c))} / ${percent(precision(c))} (${c.tp} ${c.fp} ${c.fn})`;
  const rows = CLASS_IDS.map((cls) => {
    const n = cases.filter((c) => c.class === cls).length;
    const marks = expected.filter((e) => e.class === cls).length;
    return [cls, n, marks, ...scored.map((t) => cell(t.suite.perClass.get(cls)))];
  });
  rows.push(['all classes', cases.length, expected.length, ...scored.map((t) => cell(t.suite.total))]);
  say(formatTable(header, rows));
  say();

  const summary = tools.map((t) => {
    if (!t.run.ok) return [t.name, '-', '-', '-', '-', '-', '-', '-', t.run.error];
    const s = t.suite.total;
    const failures = t.run.parseFailures.length;
    return [t.name, s.tp, s.fp, s.fn, percent(recall(s)), percent(precision(s)), t.run.files, failures, fixed(t.run.seconds, 1), failures > 0 ? `could not parse: ${t.run.parseFailures.slice(0, 3).join(', ')}` : ''];
  });
  say(formatTable(['tool', 'true', 'false', 'missed', 'recall', 'precision', 'files read', 'parse fail', 'seconds', ''], summary));
  say();

  if (examples.length > 0) {
    say('Example apps: taint-class flaws of EXPECTED.json (true = a finding of that class inside the flaw\'s lines); every class finding on clean-shop is false');
    const exRows = [];
    examples.forEach((ex, i) => {
      for (const t of scored) {
        const s = t.examples[i];
        if (s.error) exRows.push([ex.name, t.name, '-', '-', '-', '-', '-', s.error]);
        else exRows.push([ex.name, t.name, ex.flaws.length, s.total.tp, s.total.fp, s.total.fn, percent(recall(s.total)), percent(precision(s.total))]);
      }
    });
    say(formatTable(['example', 'tool', 'flaws', 'true', 'false', 'missed', 'recall', 'precision', ''], exRows));
    say();
  }

  if (details) {
    const t = scored.find((x) => x.name === (SHORT_NAMES[details] ?? details));
    if (!t) say(`--details ${details}: no such tool run (known: ${Object.keys(SHORT_NAMES).join(', ')})`);
    else {
      say(`${t.name}: false negatives (expected, not found)`);
      for (const e of t.suite.falseNegatives) say(`  ${e.file}:${e.first}  ${e.class}`);
      say(`${t.name}: false positives`);
      for (const f of t.suite.falsePositives) say(`  ${f.file}:${f.line}  ${f.class}`);
      say();
    }
  }
  return { tools: scored.map((t) => ({ name: t.name, suite: t.suite, run: t.run })) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const options = { say: (s = '') => process.stdout.write(`${s}\n`), progress: (s) => process.stderr.write(`  … ${s}\n`) };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--rampart-bin' && args[i + 1]) options.rampartBin = resolve(args[++i]);
    else if (a === '--details' && args[i + 1]) options.details = args[++i];
    else if (a === '--no-eslint') options.eslint = false;
    else if (a === '--cases' && args[i + 1]) options.casesDir = resolve(args[++i]);
    else {
      console.error(`bench:sast: unknown argument ${a}; known: --rampart-bin <path>, --details <tool>, --no-eslint, --cases <dir>`);
      process.exit(2);
    }
  }
  if (!existsSync(options.rampartBin ?? DEFAULT_BIN)) {
    console.error(`bench:sast: ${options.rampartBin ?? DEFAULT_BIN} is missing: run \`npm run bench:sast\` (it builds first) or \`npx tsc -b\`.`);
    process.exit(2);
  }
  await runSastBench(options);
}
