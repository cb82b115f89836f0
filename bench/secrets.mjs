// `npm run bench` part: Rampart's secret scan against secretlint (recommended preset), both
// run as their users run them, in their own processes, in the same run:
//   1. speed (MB/s, whole CLI process) on the large tree, the same files for both tools;
//   2. recall and precision per secret type on the labelled corpus
//      (packages/scan/test/secrets/corpus/corpus.json), credentials generated at run time.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNodeMeasured } from './measure-process.mjs';
import { fixed, formatTable } from './text-table.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RAMPART_BIN = join(REPO, 'packages/cli/dist/bin.js');
const require = createRequire(import.meta.url);
const SECRETLINT_BIN = join(dirname(require.resolve('secretlint/package.json')), 'bin', 'secretlint.js');
const SECRETLINT_CONFIG = JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] });
const CORPUS = join(REPO, 'packages/scan/test/secrets/corpus/corpus.json');
const CORPUS_SEED = 7;
const MB = 1e6;
const TIMEOUT_MS = 300_000;

export function secretlintVersions() {
  const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  return `secretlint ${version('secretlint')} + @secretlint/secretlint-rule-preset-recommend ${version('@secretlint/secretlint-rule-preset-recommend')}`;
}

/** The files `rampart secrets scan` reads under root (its own discovery and read filters, from dist). */
async function secretScanFileSet(root, maxFileSize) {
  const { discoverFiles } = await import('../packages/scan/dist/files.js');
  const { isSecretScanCandidate, isEnvFile, isCredentialFile } = await import('../packages/scan/dist/secrets/paths.js');
  const { readForSecrets } = await import('../packages/scan/dist/secrets/read.js');
  const wanted = (p) => isSecretScanCandidate(p) || isEnvFile(p) || isCredentialFile(p);
  const { files: candidates } = await discoverFiles(root, { include: [], exclude: [], wanted });
  const files = [];
  let bytes = 0;
  const filteredOut = {};
  for (const file of candidates) {
    const source = readForSecrets(root, file, maxFileSize);
    if (source.kind === 'skipped') {
      filteredOut[source.skipped.reason] = (filteredOut[source.skipped.reason] ?? 0) + 1;
      continue;
    }
    files.push(file);
    bytes += statSync(join(root, file)).size;
  }
  return { files, bytes, filteredOut };
}

function failure(tool, run) {
  const tail = run.stderr.trim().split('\n').slice(-2).join(' | ');
  return { tool, ok: false, error: run.timedOut ? `timed out after ${Math.round(run.wallSeconds)} s` : `exit ${run.exitCode}: ${tail}`, wallSeconds: run.wallSeconds };
}

async function runRampartSecrets(root, { scratch, configFile }) {
  const out = join(scratch, 'rampart-secrets.json');
  rmSync(out, { force: true });
  const args = [RAMPART_BIN, 'secrets', 'scan', root, '-f', 'json', '-o', out, '--fail-on', 'none'];
  if (configFile) args.push('-c', configFile);
  const run = await runNodeMeasured(args, { timeoutMs: TIMEOUT_MS });
  if (run.timedOut || run.exitCode !== 0) return failure('rampart secrets scan', run);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  return {
    tool: 'rampart secrets scan',
    ok: true,
    wallSeconds: run.wallSeconds,
    cpuSeconds: run.cpuSeconds,
    peakRssMB: run.peakRssMB,
    files: report.summary.filesScanned,
    // The scan itself, as the report times it: the process minus Node's and the CLI's startup.
    scanSeconds: report.summary.durationMs / 1000,
    findings: report.findings.map((f) => ({ file: f.file, line: f.line, label: `${f.ruleId}/${f.type ?? ''}` })),
  };
}

/** secretlint over exactly `files` (relative to root), literal paths, .gitignore not consulted. */
async function runSecretlint(root, files, { scratch }) {
  const out = join(scratch, 'secretlint.txt');
  rmSync(out, { force: true });
  const args = [SECRETLINT_BIN, '--secretlintrcJSON', SECRETLINT_CONFIG, '--format', 'unix', '--output', out, '--no-color', '--no-glob', '--no-gitignore', ...files];
  const run = await runNodeMeasured(args, { cwd: root, timeoutMs: TIMEOUT_MS });
  // 0: nothing found, 1: something found.
  if (run.timedOut || (run.exitCode !== 0 && run.exitCode !== 1)) return failure('secretlint', run);
  let text = '';
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    // No output file: nothing was reported.
  }
  const findings = [];
  for (const line of text.split('\n')) {
    const m = /^(.+?):(\d+):(\d+): (.*)$/.exec(line);
    if (!m) continue;
    const file = m[1].startsWith(root) ? m[1].slice(root.length + 1) : m[1];
    findings.push({ file: file.split('\\').join('/'), line: Number(m[2]), label: (/\[Error\/(.+)\]$/.exec(m[4])?.[1] ?? '').replace('@secretlint/secretlint-rule-preset-recommend > ', '') });
  }
  return { tool: 'secretlint (recommended)', ok: true, wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakRssMB: run.peakRssMB, files: files.length, findings };
}

/**
 * Prints both sections. `tree` is { root } of the large tree, or undefined when it is not
 * available; `maxFileSize` is the per-file limit used on it.
 */
export async function benchSecrets({ say, progress, scratchDir, tree, maxFileSize }) {
  const scratch = join(scratchDir, 'secrets');
  mkdirSync(scratch, { recursive: true });
  say(`Secrets: rampart secrets scan against ${secretlintVersions()}`);

  // ------------------------------------------------------------ speed
  if (tree) {
    progress('secrets: selecting the large tree files');
    const set = await secretScanFileSet(tree.root, maxFileSize);
    const config = join(scratch, 'rampart-secrets.config.json');
    writeFileSync(config, `${JSON.stringify({ maxFileSize }, null, 2)}\n`);
    progress(`secrets: rampart secrets scan on ${set.files.length} files`);
    const rampart = await runRampartSecrets(tree.root, { scratch, configFile: config });
    progress(`secrets: secretlint on the same ${set.files.length} files`);
    const secretlint = await runSecretlint(tree.root, set.files, { scratch });
    const skippedNote = Object.entries(set.filteredOut).map(([reason, n]) => `${n} ${reason}`).join(', ');
    say(`S1. Speed on the large tree: ${set.files.length} text files, ${fixed(set.bytes / MB)} MB, every text file Rampart reads (${skippedNote || 'none'} left out by both); wall time of the whole CLI process`);
    const row = (r) =>
      r.ok
        ? [r.tool, r.files, fixed(set.bytes / MB), r.findings.length, fixed(r.wallSeconds, 2), fixed(set.bytes / MB / r.wallSeconds, 1), fixed(r.cpuSeconds, 2), fixed(set.bytes / MB / r.cpuSeconds, 1), fixed(r.peakRssMB, 0)]
        : [r.tool, '-', '-', '-', fixed(r.wallSeconds, 2), '-', '-', '-', r.error];
    say(formatTable(['tool', 'files', 'MB', 'findings', 'wall s', 'MB/s', 'CPU s', 'MB/CPU s', 'peak RSS MB'], [row(rampart), row(secretlint)]));
    if (rampart.ok) say(`  rampart's own timing of the scan (summary.durationMs, startup excluded): ${fixed(rampart.scanSeconds, 2)} s, ${fixed(set.bytes / MB / rampart.scanSeconds, 1)} MB/s`);
    if (rampart.ok && secretlint.ok) {
      say(`  rampart is ${fixed(secretlint.wallSeconds / rampart.wallSeconds)}x secretlint's speed in wall time, ${fixed(secretlint.cpuSeconds / rampart.cpuSeconds)}x in CPU time (targets: 3x and 50 MB/s)`);
      say('  (both single-threaded; on a busy machine wall time stretches with the load, CPU time much less)');
    }
    say();
  } else {
    say('S1. Speed on the large tree: skipped (no large tree).');
  }

  // ------------------------------------------------------------ accuracy
  progress('secrets: writing the labelled corpus');
  const { expandCorpus, scoreCorpus } = await import('../packages/scan/dist/secrets/corpus.js');
  const { seededRandom } = await import('../packages/scan/dist/secrets/generate.js');
  const files = expandCorpus(JSON.parse(readFileSync(CORPUS, 'utf8')), seededRandom(CORPUS_SEED));
  const root = join(scratch, 'corpus');
  rmSync(root, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(dirname(join(root, f.file)), { recursive: true });
    writeFileSync(join(root, f.file), f.text);
  }
  progress('secrets: both tools on the corpus');
  const rampart = await runRampartSecrets(root, { scratch });
  const secretlint = await runSecretlint(root, files.map((f) => f.file), { scratch });
  const scores = [rampart, secretlint].map((r) => (r.ok ? scoreCorpus(files, r.findings) : undefined));
  const negatives = files.filter((f) => f.expected.length === 0).length;
  say(`S2. Accuracy on the labelled corpus: ${files.length} files (${negatives} hard negatives), ${scores[0]?.expected ?? '-'} labelled secrets, seed ${CORPUS_SEED}; found = a report on the secret's line`);
  const pct = (n) => (n === undefined ? '-' : `${fixed(100 * n, 1)}%`);
  const types = [...(scores[0]?.perType ?? scores[1]?.perType ?? new Map()).keys()].sort();
  const rows = types.map((type) => {
    const [a, b] = scores.map((s) => s?.perType.get(type));
    return [type, a?.expected ?? b?.expected ?? 0, a ? `${a.found}` : '-', a ? pct(a.found / a.expected) : '-', b ? `${b.found}` : '-', b ? pct(b.found / b.expected) : '-'];
  });
  say(formatTable(['type', 'labelled', 'rampart found', 'rampart recall', 'secretlint found', 'secretlint recall'], rows));
  say();
  say(
    formatTable(
      ['tool', 'recall', 'precision', 'reports', 'false alarms', 'on hard negatives', 'wall s'],
      [rampart, secretlint].map((r, i) => {
        const s = scores[i];
        if (!s) return [r.tool, '-', '-', '-', '-', '-', r.error];
        const negativeFiles = new Set(files.filter((f) => f.expected.length === 0).map((f) => f.file));
        return [r.tool, pct(s.recall), pct(s.precision), s.reported, s.falseAlarms.length, s.falseAlarms.filter((a) => negativeFiles.has(a.file)).length, fixed(r.wallSeconds, 2)];
      }),
    ),
  );
  for (const [i, s] of scores.entries()) {
    if (!s || s.falseAlarms.length === 0) continue;
    say(`  ${[rampart, secretlint][i].tool} false alarms (first 8): ${s.falseAlarms.slice(0, 8).map((a) => `${a.file}:${a.line} ${a.label}`).join('; ')}`);
  }
  say();
}
