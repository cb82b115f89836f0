// The scan section: parser choice, scan speed against ESLint + eslint-plugin-security on the
// npm-installed large tree and the example apps, true/false findings on the examples, and (with
// --rule-costs) where Rampart's time goes.
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JS_GLOBS, TREE_PACKAGES, ensureLargeTree, rampartFileSet } from './large-tree.mjs';
import { runNodeMeasured } from './measure-process.mjs';
import { benchParsers } from './parsers.mjs';
import { eslintSecurityRuleCount, runEslintSecurity, runRampart } from './scan-tools.mjs';
import { readExpectedFlaws, scoreFindings } from './score-findings.mjs';
import { fixed, formatTable } from './text-table.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = [
  { name: 'vulnerable-shop', dir: join(REPO, 'examples/vulnerable-shop'), expected: join(REPO, 'examples/vulnerable-shop/EXPECTED.json') },
  { name: 'clean-shop', dir: join(REPO, 'examples/clean-shop'), expected: undefined },
];
// Files up to this size are scanned in the large tree (Rampart's default is 1 MiB), so
// TypeScript's 6-9 MB lib/*.js are part of both tools' work.
export const LARGE_TREE_MAX_FILE_SIZE = 16 * 1024 * 1024;
const TIMEOUT = { smallScan: 120_000, rampartLarge: 300_000, eslintLarge: 600_000 };
const MB = 1e6;

/** flags: the bench's flag set (--no-large-tree, --no-parsers, --rule-costs). */
export async function benchScan({ say, progress, scratch, flags }) {
  say(`ESLint side: ESLint 9 + eslint-plugin-security 4, all ${eslintSecurityRuleCount()} rules on, espree module-then-script (as Rampart reads JavaScript)`);
  say();
  // ---------------------------------------------------------------- the large tree
  let tree;
  if (flags.has('--no-large-tree')) {
    say('Large tree: skipped (--no-large-tree).');
  } else {
    progress(`installing or reusing the large tree: ${TREE_PACKAGES.join(' ')}`);
    const installed = await ensureLargeTree();
    if (!installed.ok) {
      say(`Large tree: SKIPPED, could not install it. ${installed.reason}`);
    } else {
      const set = await rampartFileSet(installed.root, LARGE_TREE_MAX_FILE_SIZE);
      tree = { root: installed.root, ...set };
      say(`Large tree: ${TREE_PACKAGES.join(', ')} (${installed.reused ? 'reused from' : 'installed into'} bench/.work/tree)`);
      say(`  ${set.files.length} .js/.mjs/.cjs files, ${fixed(set.bytes / MB)} MB, as Rampart selects them (nested node_modules, dist/, build/ and ${set.filteredOut.length} minified files left out)`);
    }
  }
  say();

  // ---------------------------------------------------------------- 1. parsers
  if (tree && !flags.has('--no-parsers')) {
    progress('parsers, one child process each');
    const results = await benchParsers(tree.root, tree.files, scratch);
    say(`1. Parser choice: parse only (read time excluded), large tree, one process per parser, single thread`);
    say(
      formatTable(
        ['parser', 'files', 'failed', 'parse s', 'MB/s', 'peak RSS MB'],
        results.map((r) => (r.error ? [r.name, '-', '-', '-', '-', r.error] : [r.name, r.files, r.failed, fixed(r.parseSeconds), fixed(r.bytes / MB / r.parseSeconds, 2), fixed(r.peakRssMB, 0)])),
      ),
    );
    say();
  }

  // ---------------------------------------------------------------- 2. scan speed
  const scanRows = [];
  const ratios = [];
  const exampleRuns = [];
  const notes = [];

  function row(target, r) {
    if (!r.ok) return [target, r.tool, '-', '-', '-', '-', fixed(r.wallSeconds), '-', fixed(r.peakRssMB, 0), r.error];
    return [target, r.tool, r.files, r.bytes === undefined ? '-' : fixed(r.bytes / MB, 2), r.parseFailures, r.findings.length, fixed(r.wallSeconds, 2), fixed(r.files / r.wallSeconds, 0), fixed(r.peakRssMB, 0)];
  }

  for (const ex of EXAMPLES) {
    if (!existsSync(ex.dir)) {
      scanRows.push([ex.name, '(example not written yet)', '-', '-', '-', '-', '-', '-', '-']);
      continue;
    }
    progress(`scanning examples/${ex.name}`);
    const rampart = await runRampart(ex.dir, { scratchDir: scratch, timeoutMs: TIMEOUT.smallScan, label: `rampart` });
    const eslint = await runEslintSecurity(ex.dir, { scratchDir: scratch, timeoutMs: TIMEOUT.smallScan });
    scanRows.push(row(ex.name, rampart), row(ex.name, eslint));
    if (rampart.ok && eslint.ok) ratios.push([ex.name, `${fixed(eslint.wallSeconds / rampart.wallSeconds)}x`, 'startup dominates small apps']);
    exampleRuns.push({ ex, runs: [rampart, eslint] });
  }

  if (tree) {
    const config = join(scratch, 'rampart-large-tree.config.json');
    writeFileSync(config, `${JSON.stringify({ include: JS_GLOBS, maxFileSize: LARGE_TREE_MAX_FILE_SIZE }, null, 2)}\n`);
    progress('rampart scan on the large tree (--workers auto)');
    const rampart = await runRampart(tree.root, { scratchDir: scratch, timeoutMs: TIMEOUT.rampartLarge, configFile: config, label: 'rampart' });
    progress('rampart scan on the large tree (--workers 0: one thread)');
    const rampartOne = await runRampart(tree.root, { scratchDir: scratch, timeoutMs: TIMEOUT.rampartLarge, configFile: config, workers: 0, label: 'rampart --workers 0' });
    // Like for like with ESLint + eslint-plugin-security, which has no dataflow analysis: the lint rules only.
    progress('rampart scan --no-taint on the large tree (--workers 0: lint, config and secret rules, no dataflow)');
    const rampartLint = await runRampart(tree.root, { scratchDir: scratch, timeoutMs: TIMEOUT.rampartLarge, configFile: config, workers: 0, label: 'rampart --no-taint --workers 0', extraArgs: ['--no-taint'] });
    progress('rampart scan --no-taint on the large tree (--workers auto)');
    const rampartLintAuto = await runRampart(tree.root, { scratchDir: scratch, timeoutMs: TIMEOUT.rampartLarge, configFile: config, label: 'rampart --no-taint', extraArgs: ['--no-taint'] });
    progress(`eslint + security on the same ${tree.files.length} files (about a minute)`);
    const eslint = await runEslintSecurity(tree.root, { scratchDir: scratch, timeoutMs: TIMEOUT.eslintLarge, files: tree.files });

    // What Rampart read, from its own report: every candidate it did not list as skipped.
    for (const r of [rampart, rampartOne, rampartLint, rampartLintAuto]) {
      if (!r.ok) continue;
      const skipped = new Set(r.skipped.map((s) => s.file));
      r.bytes = 0;
      for (const [file, size] of tree.sizes) if (!skipped.has(file)) r.bytes += size;
    }
    scanRows.push(row('large tree', rampart), row('large tree', rampartOne), row('large tree', rampartLintAuto), row('large tree', rampartLint), row('large tree', eslint));
    if (rampart.ok && eslint.ok) ratios.push(['large tree', `${fixed(eslint.wallSeconds / rampart.wallSeconds)}x`, `rampart --workers auto (${availableParallelism()} CPUs)`]);
    if (rampartOne.ok && eslint.ok) ratios.push(['large tree', `${fixed(eslint.wallSeconds / rampartOne.wallSeconds)}x`, 'rampart on one thread, as ESLint runs by default']);
    if (rampartLintAuto.ok && eslint.ok) ratios.push(['large tree', `${fixed(eslint.wallSeconds / rampartLintAuto.wallSeconds)}x`, `rampart --no-taint --workers auto: lint rules only, as ESLint + eslint-plugin-security`]);
    if (rampartLint.ok && eslint.ok) ratios.push(['large tree', `${fixed(eslint.wallSeconds / rampartLint.wallSeconds)}x`, 'rampart --no-taint on one thread: lint rules only, as ESLint + eslint-plugin-security']);
    for (const r of [rampart, rampartOne, rampartLintAuto, rampartLint, eslint]) {
      if (r.ok && (r.files !== tree.files.length || r.bytes !== tree.bytes)) {
        notes.push(`WARNING: ${r.tool} read ${r.files} files / ${r.bytes} bytes of the large tree, not the ${tree.files.length} / ${tree.bytes} both tools were meant to see.`);
      }
    }
  }

  say('2. Scan: wall time of the whole CLI process (startup included), same files for both tools on the large tree');
  say(formatTable(['target', 'tool', 'files', 'MB', 'parse fail', 'findings', 'wall s', 'files/s', 'peak RSS MB', ''], scanRows));
  for (const n of notes) say(n);
  if (ratios.length > 0) {
    say();
    say(formatTable(['target', 'ESLint time / rampart time', 'note'], ratios));
  }
  say();

  // ---------------------------------------------------------------- 3. findings on the examples
  say('3. Findings on the examples: true = starts inside an expected flaw (EXPECTED.json file and line range); all findings on clean-shop are false');
  const accuracyRows = [];
  for (const { ex, runs } of exampleRuns) {
    const flaws = ex.expected ? readExpectedFlaws(ex.expected) : [];
    for (const r of runs) {
      if (!r.ok) accuracyRows.push([ex.name, r.tool, '-', '-', '-', '-', r.error]);
      else if (!flaws) accuracyRows.push([ex.name, r.tool, r.findings.length, '-', '-', '-', 'no EXPECTED.json yet: not scored']);
      else {
        const s = scoreFindings(r.findings, flaws);
        accuracyRows.push([ex.name, r.tool, r.findings.length, s.truePositives, s.falsePositives, ex.expected ? `${s.flawsFound}/${s.flaws}` : '-', '']);
      }
    }
  }
  for (const ex of EXAMPLES) if (!existsSync(ex.dir)) accuracyRows.push([ex.name, '(example not written yet)', '-', '-', '-', '-', '']);
  say(formatTable(['example', 'tool', 'findings', 'true', 'false', 'flaws found', ''], accuracyRows));
  say();
  if (tree && flags.has('--rule-costs')) {
    progress('rule costs, in one child process');
    const listFile = join(scratch, 'rule-cost-files.json');
    writeFileSync(listFile, JSON.stringify({ root: tree.root, files: tree.files }));
    const run = await runNodeMeasured([fileURLToPath(new URL('./rule-costs.mjs', import.meta.url)), listFile], { timeoutMs: TIMEOUT.rampartLarge });
    if (run.exitCode !== 0) say(`Rule costs: failed: ${run.stderr.trim().split('\n').slice(-1)[0]}`);
    else {
      const r = JSON.parse(run.stdout);
      say('4. Where Rampart spends its time on the large tree (one thread, in-process, seconds)');
      const top = r.perRule.sort((a, b) => b[1] - a[1]);
      say(
        formatTable(
          ['part', 'seconds', 'share'],
          [
            ['oxc parse + parent links', fixed(r.parseMs / 1000, 2), `${fixed((100 * r.parseMs) / r.analyzeMs, 0)}%`],
            ['all rules (visitors and create)', fixed(r.rulesMs / 1000, 2), `${fixed((100 * r.rulesMs) / r.analyzeMs, 0)}%`],
            ['engine (traversal, lines, suppressions)', fixed((r.analyzeMs - r.parseMs - r.rulesMs) / 1000, 2), `${fixed((100 * (r.analyzeMs - r.parseMs - r.rulesMs)) / r.analyzeMs, 0)}%`],
            ...top.slice(0, 8).map(([id, ms]) => [`  rule ${id}`, fixed(ms / 1000, 2), `${fixed((100 * ms) / r.analyzeMs, 0)}%`]),
          ],
        ),
      );
      say('  (a cache shared by rules, such as the module-bindings walk, is charged to the first rule that fills it)');
      say();
    }
  }
}
