import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
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
import { analyzeFile, type FileResult } from './engine/analyze.js';
import { jsLang } from './engine/parse.js';
import { readSource } from './engine/read.js';
import { activeRules, KNOWN_RULE_IDS } from './engine/rules-config.js';
import { auditDependencies, LOCKFILE_NAMES } from './deps/index.js';
import { discoverFiles } from './files.js';
import { linkTaint } from './taint/link.js';
import type { FileSummary } from './taint/summary.js';
import { DECIDING_PACKAGES, type TaintConfig } from './taint/tables.js';
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
// A tree where the parser crashes on more files than this is not worth retrying file by file.
const MAX_CRASHES = 25;

/**
 * Which files go to worker processes and which are analysed in this process.
 * TypeScript is parsed by oxc's native parser, which can crash on hostile input, so with
 * "auto" TypeScript files always go to isolated workers. JavaScript and config files (pure-JS
 * parsers, whose failures are catchable) stay in this process, alongside the workers, unless
 * there are more than two cores: on 2 cores, two workers measured slower than one process
 * (npm run bench: 13.2 s against 11.9 s on a 38 MB tree). A number of workers sends
 * everything to that many workers; 0 keeps everything here.
 */
function planWork(files: readonly string[], workers: number | 'auto' | undefined): { here: string[]; isolated: string[]; workers: number } {
  const cores = Math.max(1, availableParallelism());
  if (workers !== 'auto' && workers !== undefined) {
    const n = Math.max(0, Math.floor(workers));
    return n === 0 ? { here: [...files], isolated: [], workers: 0 } : { here: [], isolated: [...files], workers: n };
  }
  const isTypeScript = (f: string): boolean => {
    const lang = jsLang(f);
    return lang === 'ts' || lang === 'tsx';
  };
  const parallel = Math.min(cores, Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (cores > 2 && parallel >= 2) return { here: [], isolated: [...files], workers: parallel };
  const isolated = files.filter(isTypeScript);
  return { here: files.filter((f) => !isTypeScript(f)), isolated, workers: Math.max(1, Math.min(cores, Math.floor(isolated.length / MIN_FILES_PER_WORKER))) };
}

/**
 * Largest files first, in batches of about BATCH_BYTES: the workers then finish together
 * instead of one of them chewing through a run of huge files at the end.
 */
async function batchesBySize(root: string, files: readonly string[]): Promise<string[][]> {
  const sizes = new Map<string, number>();
  for (let i = 0; i < files.length; i += 256) {
    await Promise.all(
      files.slice(i, i + 256).map(async (f) => {
        sizes.set(f, (await stat(join(root, f)).catch(() => undefined))?.size ?? 0);
      }),
    );
  }
  const ordered = [...files].sort((a, b) => sizes.get(b)! - sizes.get(a)!);
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const f of ordered) {
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

/**
 * Analyses files in worker processes. A worker that dies (the native parser can overflow its
 * stack on pathological nesting) loses only its batch: the batch is retried one file at a
 * time and the file that kills a worker on its own is reported as a warning, not analysed.
 */
async function runInWorkers(
  root: string,
  files: string[],
  settings: Record<string, RuleSetting>,
  maxFileSize: number,
  taint: TaintConfig,
  dependencies: Record<string, string>,
  packageDependencies: Record<string, Record<string, string>> | undefined,
  count: number,
  onDone: (o: Outcome) => void,
): Promise<void> {
  const fromSource = import.meta.url.endsWith('.ts');
  const workerPath = fileURLToPath(new URL(fromSource ? './engine/worker.ts' : './engine/worker.js', import.meta.url));
  const queue = await batchesBySize(root, files);
  let crashes = 0;
  let nextId = 0;
  const live = new Set<ChildProcess>();

  await new Promise<void>((resolveAll, rejectAll) => {
    let pending = queue.length;
    let failed = false;
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      rejectAll(err);
    };
    const finishBatch = (): void => {
      pending--;
      if (pending === 0) resolveAll();
    };
    const start = (): void => {
      if (failed || queue.length === 0) return;
      // Run from TypeScript sources (our own tests), the worker inherits tsx through execArgv.
      const child = fork(workerPath, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
      live.add(child);
      let current: { id: number; files: string[] } | undefined;
      const sendNext = (): void => {
        const files = queue.shift();
        if (!files) {
          current = undefined;
          child.disconnect();
          return;
        }
        current = { id: nextId++, files };
        child.send({ type: 'batch', ...current });
      };
      child.on('message', (msg: { id: number; results: Outcome[] }) => {
        if (!current || msg.id !== current.id) return;
        for (const o of msg.results) onDone(o);
        finishBatch();
        sendNext();
      });
      child.on('exit', (code, signal) => {
        live.delete(child);
        if (!current) return; // finished normally
        const lost = current;
        current = undefined;
        crashes++;
        if (crashes > MAX_CRASHES) {
          fail(new Error(`scan workers crashed ${crashes} times (last: ${signal ?? `exit code ${code}`}); giving up`));
          return;
        }
        if (lost.files.length > 1) {
          // Find the culprit: retry each file of the lost batch on its own.
          queue.unshift(...lost.files.map((f) => [f]));
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
      child.send({ type: 'init', root, settings, maxFileSize, taint, dependencies, packageDependencies });
      sendNext();
    };
    for (let i = 0; i < Math.min(count, queue.length); i++) start();
    if (queue.length === 0 && pending === 0) resolveAll();
  }).finally(() => {
    for (const child of live) child.kill();
  });
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
          if (d && typeof d === 'object') for (const name of DECIDING_PACKAGES) if (typeof (d as Record<string, unknown>)[name] === 'string') deps[name] = (d as Record<string, string>)[name];
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
  const packageDependencies = await nestedDependencies(root, files.filter((f) => jsLang(f) !== undefined));
  if (packageDependencies) rules = activeRules(settings, config.taint, dependencies, packageDependencies);

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

  const analyzeHere = async (list: readonly string[]): Promise<void> => {
    for (let i = 0; i < list.length; i++) {
      const file = list[i];
      const source = readSource(root, file, config.maxFileSize);
      onDone(source.kind === 'text' ? { file, result: analyzeFile(file, source.text, rules) } : { file, skipped: source.skipped });
      // Let worker messages in: workers may be analysing other files at the same time.
      if (i % 8 === 7) await new Promise((r) => setImmediate(r));
    }
  };
  const plan = planWork(files, options.workers);
  await Promise.all([
    plan.isolated.length > 0 ? runInWorkers(root, plan.isolated, settings, config.maxFileSize, config.taint, dependencies, packageDependencies, plan.workers, onDone) : undefined,
    analyzeHere(plan.here),
  ]);

  // Cross-file taint flows: resolved once every file's summary is in.
  const taintRules = new Map(rules.js.filter((r) => isTaintClass(r.meta.id)).map((r) => [r.meta.id, r.meta]));
  if (taintRules.size > 0 && taintSummaries.length > 0) {
    taintSummaries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const linked = linkTaint(taintSummaries, { rules: taintRules, severity: rules.severity, readView: (from, view) => readView(root, from, view) });
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
