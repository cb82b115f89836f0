import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { dirname, isAbsolute, join, posix, resolve, sep } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  UserError,
  VERSION,
  compareFindings,
  summarize,
  withFingerprints,
  type FailOn,
  type FindingInput,
  type Report,
  type ScanWarning,
  type SkippedFile,
} from '@rampart/core';
import { readBaseline } from './baseline.js';
import { loadConfig, type RuleSetting } from './config.js';
import { analyzeFile, completeTaintSummary, type FileResult } from './engine/analyze.js';
import { jsLang } from './engine/parse.js';
import { projectFileReader, readSource } from './engine/read.js';
import { activeRules, KNOWN_RULE_IDS } from './engine/rules-config.js';
import { auditDependencies, LOCKFILE_NAMES } from './deps/index.js';
import { discoverFiles } from './files.js';
import { linkTaint } from './taint/link.js';
import { readPathAliases, type PathAliases } from './taint/aliases.js';
import type { FileSummary } from './taint/summary.js';
import { isDecidingPackage, type TaintConfig } from './taint/tables.js';
import { isTaintClass } from './taint/classes.js';

export interface ScanOptions {
  /** Explicit config file; default: rampart.config.json or package.json#rampart in the root. */
  readonly configPath?: string;
  /** Fingerprints file written by --baseline-write; findings in it are not reported. */
  readonly baseline?: string;
  /**
   * Worker processes: a number, or "auto" (default; see planWork). 0 analyses everything in
   * this process, which a crash of the native TypeScript parser on a hostile file would end.
   */
  readonly workers?: number | 'auto';
  /** Called as files finish, for a progress indicator. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Overrides merged over the config's rules. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Audit the root's lockfiles against the advisory database (practice 4). Default true. */
  readonly deps?: boolean;
}

/** The scan target is missing or not a folder. */
export class ScanTargetError extends UserError {
  override name = 'ScanTargetError';
}

export interface ScanResult extends Report {
  /** The config in force (for --fail-on defaults). */
  readonly config: { readonly failOn: FailOn; readonly source?: string };
}

type Outcome = { file: string; result?: FileResult; skipped?: SkippedFile; warning?: ScanWarning };

// Below this many files per extra worker, starting one (each loads the parser) costs more than it saves.
const MIN_FILES_PER_WORKER = 150;
const BATCH = 32;
const BATCH_BYTES = 256 * 1024;
// Batches sent ahead to each worker, so it never waits for this process (busy analysing a
// file of its own) to hand it the next one.
const IN_FLIGHT = 2;
// A tree where the parser crashes on more files than this is not worth retrying file by file.
const MAX_CRASHES = 25;

interface WorkPlan {
  /** Files only a worker process may analyse (TypeScript: oxc's native parser can crash). */
  readonly isolated: string[];
  /** Files this process or any worker analyses, whichever is free first. */
  readonly shared: string[];
  /** Worker processes to start. */
  readonly workers: number;
  /** Whether this process analyses shared files itself (it only coordinates when false). */
  readonly here: boolean;
}

/** Idle CPU time summed over every core, in ms (os.cpus() counts in clock ticks of 10 ms). */
function idleMs(): number {
  return cpus().reduce((sum, c) => sum + c.times.idle, 0);
}

/** This process's own CPU time so far (every thread), in ms. */
function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** A snapshot of the counters, taken when a scan starts. */
interface IdleSample {
  readonly at: number;
  readonly idle: number;
  readonly own: number;
}
const IDLE_SAMPLE_MS = 150;
/**
 * Cores one scan process keeps busy while it analyses: its main thread and V8's helper threads
 * (garbage collection, compiling), measured at about 1.4 on the bench's large tree.
 */
const CORES_PER_SCAN_PROCESS = 1.4;
function sampleIdle(): IdleSample {
  return { at: performance.now(), idle: idleMs(), own: ownCpuMs() };
}

/**
 * How many cores other programs keep busy since `since`: the time no core was idle, less this
 * process's own, over the elapsed time. Waits for at least IDLE_SAMPLE_MS in all, since the
 * counters move in 10 ms ticks. (The 1-minute load average, used before, still counts a program
 * that ended seconds ago, a build or a previous scan.)
 */
async function othersBusyCores(since: IdleSample, cores: number): Promise<number> {
  const wait = IDLE_SAMPLE_MS - (performance.now() - since.at);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const elapsed = performance.now() - since.at;
  if (elapsed <= 0) return 0;
  const busy = cores - (idleMs() - since.idle) / elapsed - (ownCpuMs() - since.own) / elapsed;
  return Math.max(0, busy);
}

/**
 * Who analyses what. A number of workers sends everything to that many worker processes;
 * 0 keeps everything in this process. "auto" uses the cores left over: this process and one
 * worker per whole core that neither other programs nor this process need take batches from
 * one queue (in discovery order), so neither waits for the other; TypeScript files always go to workers, since oxc's native parser can crash on
 * hostile input. A tree too small to repay a worker's start (about 0.3 s of loading) stays here.
 */
async function planWork(files: readonly string[], workers: number | 'auto' | undefined, since: IdleSample): Promise<WorkPlan> {
  if (workers !== 'auto' && workers !== undefined) {
    const n = Math.max(0, Math.floor(workers));
    return n === 0 ? { isolated: [], shared: [...files], workers: 0, here: true } : { isolated: [], shared: [...files], workers: n, here: false };
  }
  const cores = Math.max(1, availableParallelism());
  const isTypeScript = (f: string): boolean => {
    const lang = jsLang(f);
    return lang === 'ts' || lang === 'tsx';
  };
  const isolated = files.filter(isTypeScript);
  const shared = files.filter((f) => !isTypeScript(f));
  const bySize = Math.min(cores - 1, Math.floor(files.length / MIN_FILES_PER_WORKER) - 1);
  // Whole cores left once other programs and this process (with V8's helper threads) have theirs:
  // a worker on a core something else uses adds its start-up, warm-up and messages (about 2.4 s
  // of CPU time, 30% more, on the bench's large tree) and only takes that program's share. On an
  // idle 2-core machine that leaves none: a worker measured no faster there (8.1 s against 7.5 s
  // with taint analysis, 5.2 against 5.5 s without); an idle 4-core machine gets two.
  const free = bySize > 0 ? cores - (await othersBusyCores(since, cores)) - CORES_PER_SCAN_PROCESS : 0;
  const parallel = Math.min(bySize, Math.floor(free));
  return { isolated, shared, workers: Math.max(isolated.length > 0 ? 1 : 0, parallel), here: true };
}

/** File sizes, read in parallel rounds (for batching by bytes). */
async function fileSizes(root: string, files: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (let i = 0; i < files.length; i += 256) {
    await Promise.all(
      files.slice(i, i + 256).map(async (f) => {
        sizes.set(f, (await stat(join(root, f)).catch(() => undefined))?.size ?? 0);
      }),
    );
  }
  return sizes;
}

/**
 * Batches of about BATCH_BYTES in discovery order (files of one package together). Not largest
 * first: analysing the biggest files first measured 10-15% more CPU time for the whole scan of
 * the bench's large tree (the heap grows early and every later collection pays for it), and
 * taking only the few files over 2 MB first measured no faster with two processes.
 */
function batchesBySize(files: readonly string[], sizes: ReadonlyMap<string, number>): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const f of files) {
    batch.push(f);
    bytes += sizes.get(f)!;
    if (bytes >= BATCH_BYTES || batch.length >= BATCH) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

interface WorkerSetup {
  readonly root: string;
  readonly settings: Record<string, RuleSetting>;
  readonly maxFileSize: number;
  readonly taint: TaintConfig;
  readonly dependencies: Record<string, string>;
  readonly packageDependencies: Record<string, Record<string, string>> | undefined;
  readonly aliases: PathAliases;
}

/**
 * Analyses the plan's files in worker processes and (when plan.here) in this process, all
 * taking batches from shared queues. A worker that dies (the native parser can overflow its
 * stack on pathological nesting) loses only the batch it was on: that batch is retried one
 * file at a time and the file that kills a worker on its own is reported as a warning, not
 * analysed; the batches sent ahead to it go back to the queue.
 */
async function analyzeAll(setup: WorkerSetup, plan: WorkPlan, analyzeHere: (file: string) => Outcome, onDone: (o: Outcome) => void): Promise<void> {
  const { root } = setup;
  const sizes = plan.workers > 0 ? await fileSizes(root, [...plan.isolated, ...plan.shared]) : undefined;
  // Worker-only batches (TypeScript, and files retried alone after a crash) and batches anyone takes.
  const isolatedQueue = sizes ? batchesBySize(plan.isolated, sizes) : [];
  const sharedQueue = sizes ? batchesBySize(plan.shared, sizes) : [[...plan.shared]];
  const fromSource = import.meta.url.endsWith('.ts');
  const workerPath = fileURLToPath(new URL(fromSource ? './engine/worker.ts' : './engine/worker.js', import.meta.url));
  let crashes = 0;
  let nextId = 0;
  const live = new Set<ChildProcess>();
  let pending = isolatedQueue.length + sharedQueue.length;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  const finishBatch = (): void => {
    pending--;
    wake?.();
  };
  const fail = (err: Error): void => {
    failed ??= err;
    wake?.();
  };

  const onlyInWorkers = new Set(plan.isolated);
  const start = (): boolean => {
    if (failed || (isolatedQueue.length === 0 && sharedQueue.length === 0)) return false;
    // Run from TypeScript sources (our own tests), the worker inherits tsx through execArgv.
    const child = fork(workerPath, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    live.add(child);
    // Batches sent and not yet answered, in the order the worker works through them.
    const inFlight: { id: number; files: string[] }[] = [];
    let closed = false;
    const topUp = (): void => {
      while (!closed && !failed && inFlight.length < IN_FLIGHT) {
        const files = isolatedQueue.shift() ?? sharedQueue.shift();
        if (!files) break;
        const batch = { id: nextId++, files };
        inFlight.push(batch);
        child.send({ type: 'batch', ...batch });
      }
      if (!closed && inFlight.length === 0) {
        closed = true;
        child.disconnect();
      }
    };
    child.on('message', (msg: { id: number; results: Outcome[] }) => {
      if (inFlight.length === 0 || msg.id !== inFlight[0].id) return;
      inFlight.shift();
      for (const o of msg.results) onDone(o);
      finishBatch();
      topUp();
    });
    child.on('exit', (code, signal) => {
      live.delete(child);
      if (inFlight.length === 0) return; // finished normally
      const [lost, ...unstarted] = inFlight.splice(0);
      // Batches sent ahead were not begun: anyone may take them again.
      for (const b of unstarted.reverse()) (onlyInWorkers.has(b.files[0]) ? isolatedQueue : sharedQueue).unshift(b.files);
      crashes++;
      if (crashes > MAX_CRASHES) {
        fail(new Error(`scan workers crashed ${crashes} times (last: ${signal ?? `exit code ${code}`}); giving up`));
        return;
      }
      if (lost.files.length > 1) {
        // Find the culprit: retry each file of the lost batch on its own, in a worker.
        isolatedQueue.unshift(...lost.files.map((f) => [f]));
        pending += lost.files.length - 1;
      } else {
        onDone({
          file: lost.files[0],
          warning: {
            kind: 'parse-error',
            file: lost.files[0],
            message: `The parser crashed on this file (${signal ?? `exit code ${code}`}), most likely from extremely deep nesting; it was not analysed.`,
          },
        });
        finishBatch();
      }
      start();
    });
    child.on('error', fail);
    child.send({ type: 'init', root, settings: setup.settings, maxFileSize: setup.maxFileSize, taint: setup.taint, dependencies: setup.dependencies, packageDependencies: setup.packageDependencies, aliases: setup.aliases });
    topUp();
    return true;
  };

  try {
    for (let i = 0; i < plan.workers; i++) start();
    if (plan.here) {
      for (let files = sharedQueue.shift(); files && !failed; files = sharedQueue.shift()) {
        for (const file of files) {
          onDone(analyzeHere(file));
          // Let worker messages in (answers, and requests for more work) between files.
          if (live.size > 0) await new Promise((r) => setImmediate(r));
        }
        finishBatch();
      }
    }
    while (pending > 0 && !failed) {
      // A crashed worker is replaced at once; if none is left with work queued, start one.
      if (live.size === 0 && !start()) throw new Error('scan: files left unanalysed with no worker to take them');
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
    if (failed) throw failed;
  } finally {
    for (const child of live) child.kill();
  }
}

const VIEW_EXTENSIONS = ['ejs', 'hbs', 'handlebars', 'pug', 'jade', 'njk', 'mustache'];
const MAX_VIEW_BYTES = 256 * 1024;

/** The view file `res.render(view)` in `from` most likely renders: views/<view>.<ext> in its folder or a parent, up to the root. */
function readView(root: string, from: string, view: string): { text: string; extension: string } | undefined {
  if (view.includes('\0') || isAbsolute(view)) return undefined;
  let dir = dirname(from);
  for (;;) {
    for (const base of [join(dir, 'views'), join(dir, 'templates'), dir]) {
      for (const extension of VIEW_EXTENSIONS) {
        const file = resolve(root, base, view.endsWith(`.${extension}`) ? view : `${view}.${extension}`);
        if (!file.startsWith(root)) continue;
        try {
          if (statSync(file).size > MAX_VIEW_BYTES) continue;
          return { text: readFileSync(file, 'utf8'), extension };
        } catch {
          // not there: try the next place
        }
      }
    }
    if (dir === '.' || dir === '' || dir === '/') return undefined;
    dir = dirname(dir);
  }
}

/**
 * The version-dependent packages (VERSIONED_PACKAGES) declared by package.json files below the
 * root, by folder: found by walking up from each scanned file's folder (cached, at most 200 reads).
 */
async function nestedDependencies(root: string, files: readonly string[]): Promise<Record<string, Record<string, string>> | undefined> {
  const checked = new Set<string>();
  const out: Record<string, Record<string, string>> = {};
  let reads = 0;
  for (const file of files) {
    for (let dir = posix.dirname(file.split(sep).join('/')); dir !== '.' && dir !== '/' && dir !== '' && !checked.has(dir); dir = posix.dirname(dir)) {
      checked.add(dir);
      if (reads >= 200) break;
      let text: string;
      try {
        text = await readFile(join(root, dir, 'package.json'), 'utf8');
      } catch {
        continue;
      }
      reads++;
      try {
        const pkg = JSON.parse(text) as Record<string, unknown>;
        const deps: Record<string, string> = {};
        for (const key of ['dependencies', 'devDependencies', 'optionalDependencies']) {
          const d = pkg[key];
          if (d && typeof d === 'object') for (const [name, range] of Object.entries(d)) if (typeof range === 'string' && isDecidingPackage(name)) deps[name] = range;
        }
        out[dir] = deps;
      } catch {
        // A malformed package.json decides nothing here; the dependency audit reports it.
      }
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The root package.json's dependency ranges (some sinks depend on a version, e.g. js-yaml 3's unsafe load). */
async function projectDependencies(root: string): Promise<Record<string, string>> {
  try {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    const out: Record<string, string> = {};
    for (const key of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const deps = pkg[key];
      if (deps && typeof deps === 'object') for (const [k, v] of Object.entries(deps)) if (typeof v === 'string') out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

/**
 * Scans a folder with every active rule and returns the report. Never executes the
 * scanned code: files are read as text and parsed.
 */
export async function scan(rootDir: string, options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const idleSince = sampleIdle();
  const root = resolve(rootDir);
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new ScanTargetError(`cannot scan ${rootDir}: no such folder`);
  if (!info.isDirectory()) throw new ScanTargetError(`cannot scan ${rootDir}: not a folder (give the project folder that contains it)`);
  const config = await loadConfig(root, KNOWN_RULE_IDS, options.configPath);
  const settings: Record<string, RuleSetting> = { ...config.rules, ...options.rules };
  const dependencies = await projectDependencies(root);
  let rules = activeRules(settings, config.taint, dependencies);
  const wanted = (path: string): boolean => (rules.js.length > 0 && jsLang(path) !== undefined) || rules.file.some((r) => r.appliesTo(path));
  const { files, skipped } = await discoverFiles(root, { include: config.include, exclude: config.exclude, wanted });
  // A monorepo's packages declare their own versions: the nearest package.json decides version-dependent sinks.
  const sourceFiles = files.filter((f) => jsLang(f) !== undefined);
  const packageDependencies = await nestedDependencies(root, sourceFiles);
  if (packageDependencies) rules = activeRules(settings, config.taint, dependencies, packageDependencies);
  // tsconfig/jsconfig path aliases, for the taint pass to follow imports such as '@app/db' (JS and TS files' folders only).
  const aliases = rules.js.some((r) => isTaintClass(r.meta.id)) ? readPathAliases(root, sourceFiles) : [];
  rules = { ...rules, readFile: projectFileReader(root, config.maxFileSize, aliases), deferExports: true };

  const findings: FindingInput[] = [];
  const warnings: ScanWarning[] = [];
  let suppressed = 0;
  let scanned = 0;
  let done = 0;
  const taintSummaries: FileSummary[] = [];
  const onDone = (o: Outcome): void => {
    done++;
    if (o.skipped) skipped.push(o.skipped);
    if (o.warning) warnings.push(o.warning);
    if (o.result) {
      if (o.result.analysed) scanned++;
      findings.push(...o.result.findings);
      warnings.push(...o.result.warnings);
      suppressed += o.result.suppressed;
      if (o.result.taint) taintSummaries.push(o.result.taint);
      if (o.result.taintSkipped) skipped.push({ file: o.file, reason: 'analysis-budget', detail: o.result.taintSkipped });
    }
    options.onProgress?.(done, files.length);
  };

  const analyzeHere = (file: string): Outcome => {
    const source = readSource(root, file, config.maxFileSize);
    return source.kind === 'text' ? { file, result: analyzeFile(file, source.text, rules) } : { file, skipped: source.skipped };
  };
  const setup = { root, settings, maxFileSize: config.maxFileSize, taint: config.taint, dependencies, packageDependencies, aliases };
  await analyzeAll(setup, await planWork(files, options.workers, idleSince), analyzeHere, onDone);

  // Cross-file taint flows: resolved once every file's summary is in.
  const taintRules = new Map(rules.js.filter((r) => isTaintClass(r.meta.id)).map((r) => [r.meta.id, r.meta]));
  if (taintRules.size > 0 && taintSummaries.length > 0) {
    taintSummaries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const complete = (file: string): FileSummary | undefined => {
      const source = readSource(root, file, config.maxFileSize);
      return source.kind === 'text' ? completeTaintSummary(file, source.text, rules) : undefined;
    };
    const linked = linkTaint(taintSummaries, { rules: taintRules, severity: rules.severity, aliases, readView: (from, view) => readView(root, from, view), complete });
    const seen = new Set(findings.map((f) => `${f.ruleId}|${f.file}|${f.line}|${f.column}`));
    for (const f of linked.findings) if (!seen.has(`${f.ruleId}|${f.file}|${f.line}|${f.column}`)) findings.push(f);
    suppressed += linked.suppressed;
  }

  // Practice 4: the root's lockfiles, audited as `rampart deps` does (see deps/audit.ts).
  const dependencyRules = [];
  if (options.deps !== false && LOCKFILE_NAMES.some((n) => existsSync(join(root, n)))) {
    try {
      const audit = await auditDependencies(root);
      findings.push(...audit.findings);
      warnings.push(...audit.warnings);
      dependencyRules.push(...audit.rules);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      warnings.push({ kind: 'parse-error', message: `dependencies not audited: ${err.message}` });
    }
  }

  let all = withFingerprints(findings.sort(compareFindings));
  let baselined = 0;
  if (options.baseline) {
    const known = await readBaseline(options.baseline);
    const before = all.length;
    all = all.filter((f) => !known.has(f.fingerprint));
    baselined = before - all.length;
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // Workers finish in any order: sort so that reports are the same from run to run.
  warnings.sort((a, b) => ((a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  const summary = summarize(all, {
    filesScanned: scanned,
    filesSkipped: skipped.length,
    baselined,
    suppressed,
    durationMs: Math.round(performance.now() - started),
  });
  return {
    tool: { name: 'rampart', version: VERSION },
    root,
    findings: all,
    rules: [...[...rules.js, ...rules.file].map((r) => r.meta), ...dependencyRules],
    skipped,
    warnings,
    summary,
    config: { failOn: config.failOn, source: config.source },
  };
}
