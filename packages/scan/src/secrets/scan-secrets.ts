import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { UserError, VERSION, compareFindings, isSeverity, summarize, withFingerprints, type FindingInput, type ScanWarning, type Severity } from '@rampart/core';
import { readBaseline } from '../baseline.js';
import { loadConfig, type ResolvedConfig, type RuleSetting } from '../config.js';
import { analyzeFileRules, type ActiveRules } from '../engine/file-rules.js';
import { discoverFiles } from '../files.js';
import { RULES as SECRET_FILE_RULES } from '../rules/secrets/index.js';
import type { ScanResult } from '../scan.js';
import { scanGitHistory } from './history.js';
import { readForSecrets } from './read.js';

/** The folder to scan is missing or not a folder. */
export class SecretScanTargetError extends UserError {
  override name = 'SecretScanTargetError';
}

const SECRET_RULE_IDS: ReadonlySet<string> = new Set(SECRET_FILE_RULES.map((r) => r.meta.id));

/**
 * Suppression comments may name any rule: the secret scan judges only its own. (The full
 * registry is not loaded here: this module is the light entry `@rampart/scan/secrets`.)
 */
class AnyRuleId extends Set<string> {
  override has(): boolean {
    return true;
  }
}

/**
 * The config, validated. Rule ids other than the secret rules' are checked against the full
 * registry, loaded only when the config names one.
 */
async function loadSecretConfig(root: string, configPath: string | undefined): Promise<ResolvedConfig> {
  const config = await loadConfig(root, new AnyRuleId(), configPath);
  if (Object.keys(config.rules).every((id) => SECRET_RULE_IDS.has(id))) return config;
  const { KNOWN_RULE_IDS } = await import('../engine/rules-config.js');
  return loadConfig(root, KNOWN_RULE_IDS, configPath);
}

export interface SecretScanOptions {
  /** Explicit config file; default: rampart.config.json or package.json#rampart in the root. */
  readonly configPath?: string;
  /** Fingerprints file written by --baseline-write; findings in it are not reported. */
  readonly baseline?: string;
  /** Scan the lines every commit added (git log -p) instead of the files as they are now. */
  readonly history?: boolean;
  /** Called as files (or commits, with history) are done, for a progress indicator. */
  readonly onProgress?: (done: number, total: number, unit: 'files' | 'commits') => void;
  /** Overrides merged over the config's rules. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

/** The secret rules only, with the config's settings (off, severity) applied. */
function secretRules(settings: Readonly<Record<string, RuleSetting>>): ActiveRules {
  const file = SECRET_FILE_RULES.filter((r) => settings[r.meta.id] !== 'off');
  const severity = new Map<string, Severity>();
  for (const r of file) {
    const s = settings[r.meta.id];
    if (isSeverity(s)) severity.set(r.meta.id, s);
  }
  return { js: [], file, severity, known: new AnyRuleId(), active: new Set(file.map((r) => r.meta.id)) };
}

/**
 * `rampart secrets scan`: finds credentials in every text file of a folder (config of every
 * format, .env, .npmrc, code, docs), or with `history` in every line any commit added.
 * Secret values never leave this function whole: findings carry them redacted.
 */
export async function scanSecrets(rootDir: string, options: SecretScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const root = resolve(rootDir);
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new SecretScanTargetError(`cannot scan ${rootDir}: no such folder`);
  if (!info.isDirectory()) throw new SecretScanTargetError(`cannot scan ${rootDir}: not a folder (give the project folder that contains it)`);
  const config = await loadSecretConfig(root, options.configPath);
  const rules = secretRules({ ...config.rules, ...options.rules });

  const findings: FindingInput[] = [];
  const warnings: ScanWarning[] = [];
  let skipped: ScanResult['skipped'][number][] = [];
  let suppressed = 0;
  let scanned = 0;

  if (options.history) {
    const exclude = config.exclude.length > 0 ? picomatch(config.exclude as string[], { dot: true }) : undefined;
    const history = await scanGitHistory(root, {
      rules,
      maxFileSize: config.maxFileSize,
      excluded: exclude ? (p) => exclude(p) : undefined,
      onProgress: options.onProgress ? (done, total) => options.onProgress!(done, total, 'commits') : undefined,
    });
    findings.push(...history.findings);
    warnings.push(...history.warnings);
    skipped = history.skipped;
    suppressed = history.suppressed;
    scanned = history.fileVersions;
  } else {
    const wanted = (path: string): boolean => rules.file.some((r) => r.appliesTo(path));
    const discovered = await discoverFiles(root, { include: config.include, exclude: config.exclude, wanted });
    skipped = discovered.skipped;
    const files = discovered.files;
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      const source = readForSecrets(root, file, config.maxFileSize);
      if (source.kind === 'skipped') skipped.push(source.skipped);
      else {
        if (source.warning) warnings.push(source.warning);
        const result = analyzeFileRules(file, source.text, rules);
        if (result.analysed) scanned++;
        findings.push(...result.findings);
        warnings.push(...result.warnings);
        suppressed += result.suppressed;
      }
      options.onProgress?.(i + 1, files.length, 'files');
    }
  }

  // History findings of one file come in commit order; the report is sorted like every other.
  let all = withFingerprints(findings.sort((a, b) => compareFindings(a, b) || (a.commit?.date ?? '').localeCompare(b.commit?.date ?? '')));
  let baselined = 0;
  if (options.baseline) {
    const known = await readBaseline(options.baseline);
    const before = all.length;
    all = all.filter((f) => !known.has(f.fingerprint));
    baselined = before - all.length;
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  warnings.sort((a, b) => ((a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return {
    tool: { name: 'rampart', version: VERSION },
    root,
    findings: all,
    rules: rules.file.map((r) => r.meta),
    skipped,
    warnings,
    summary: summarize(all, { filesScanned: scanned, filesSkipped: skipped.length, baselined, suppressed, durationMs: Math.round(performance.now() - started) }),
    config: { failOn: config.failOn, source: config.source },
  };
}
