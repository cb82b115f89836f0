import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  VERSION,
  compareFindings,
  summarize,
  withFingerprints,
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
import { discoverFiles } from './files.js';

export interface ScanOptions {
  /** Explicit config file; default: rampart.config.json or package.json#rampart in the root. */
  readonly configPath?: string;
  /** Fingerprints file written by --baseline-write; findings in it are not reported. */
  readonly baseline?: string;
  /** Worker threads: a number, or "auto" (default: workers when the tree is large enough to pay). */
  readonly workers?: number | 'auto';
  /** Called as files finish, for a progress indicator. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Overrides merged over the config's rules. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

/** The scan target is missing or not a folder. */
export class ScanTargetError extends Error {
  override name = 'ScanTargetError';
}

export interface ScanResult extends Report {
  /** The config in force (for --fail-on defaults). */
  readonly config: { readonly failOn: import('@rampart/core').FailOn; readonly source?: string };
}

type Outcome = { file: string; result?: FileResult; skipped?: SkippedFile };

// Below this many files, starting workers (each loads the parser) costs more than it saves.
const MIN_FILES_PER_WORKER = 150;
const BATCH = 16;

async function runInWorkers(
  root: string,
  files: string[],
  settings: Record<string, RuleSetting>,
  maxFileSize: number,
  count: number,
  onDone: (o: Outcome) => void,
): Promise<void> {
  const fromSource = import.meta.url.endsWith('.ts');
  const workerUrl = new URL(fromSource ? './engine/worker.ts' : './engine/worker.js', import.meta.url);
  // Run from TypeScript sources (our own tests), the worker must register tsx itself:
  // loader hooks of the main thread do not reach worker threads on Node 20.
  const startWorker = (workerData: unknown): Worker =>
    fromSource
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); })`, { eval: true, workerData })
      : new Worker(workerUrl, { workerData });
  let next = 0;
  let batchId = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: count }, () => {
        const worker = startWorker({ root, settings, maxFileSize });
        workers.push(worker);
        return new Promise<void>((resolveWorker, reject) => {
          const send = (): void => {
            if (next >= files.length) {
              resolveWorker();
              return;
            }
            const batch = files.slice(next, next + BATCH);
            next += batch.length;
            worker.postMessage({ id: batchId++, files: batch });
          };
          worker.on('message', (msg: { results: Outcome[] }) => {
            for (const o of msg.results) onDone(o);
            send();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`scan worker exited with code ${code}`));
          });
          send();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
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
  const rules = activeRules(settings);
  const wanted = (path: string): boolean => (rules.js.length > 0 && jsLang(path) !== undefined) || rules.file.some((r) => r.appliesTo(path));
  const { files, skipped } = await discoverFiles(root, { include: config.include, exclude: config.exclude, wanted });

  const findings: FindingInput[] = [];
  const warnings: ScanWarning[] = [];
  let suppressed = 0;
  let scanned = 0;
  let done = 0;
  const onDone = (o: Outcome): void => {
    done++;
    if (o.skipped) skipped.push(o.skipped);
    if (o.result) {
      if (o.result.analysed) scanned++;
      findings.push(...o.result.findings);
      warnings.push(...o.result.warnings);
      suppressed += o.result.suppressed;
    }
    options.onProgress?.(done, files.length);
  };

  const cores = Math.max(1, availableParallelism());
  const workerCount =
    options.workers === 'auto' || options.workers === undefined
      ? Math.min(cores, Math.floor(files.length / MIN_FILES_PER_WORKER))
      : Math.max(0, Math.floor(options.workers));
  if (workerCount >= 2) {
    await runInWorkers(root, files, settings, config.maxFileSize, workerCount, onDone);
  } else {
    for (const file of files) {
      const source = await readSource(root, file, config.maxFileSize);
      onDone(source.kind === 'text' ? { file, result: analyzeFile(file, source.text, rules) } : { file, skipped: source.skipped });
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
    rules: [...rules.js, ...rules.file].map((r) => r.meta),
    skipped,
    warnings,
    summary,
    config: { failOn: config.failOn, source: config.source },
  };
}
