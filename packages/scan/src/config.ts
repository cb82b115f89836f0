import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError, isSeverity, type FailOn, type Severity } from '@rampart/core';
import { TaintConfigError, validateTaintConfig, type TaintConfig } from './taint/tables.js';

/** Per-rule setting: "off", "on" (rule's own severity), or a severity override. */
export type RuleSetting = 'off' | 'on' | Severity;

/** `rampart.config.json`, or the `rampart` key of package.json. Every field is optional. */
export interface RampartConfig {
  /** Globs (relative to the root) a file must match to be scanned. Default: everything. */
  readonly include?: readonly string[];
  /** Globs of files and folders never scanned, on top of .gitignore and the built-in skips. */
  readonly exclude?: readonly string[];
  /** Rules turned off, or given another severity, by id. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Lowest severity that makes the scan exit with 1. Default "high". */
  readonly failOn?: FailOn;
  /** Files larger than this many bytes are skipped (and listed). Default 1 MiB. */
  readonly maxFileSize?: number;
  /** Your own taint sources, sinks and sanitizers, added to the built-in tables (docs/taint.md). */
  readonly taint?: TaintConfig;
}

export const CONFIG_DEFAULTS = Object.freeze({
  include: Object.freeze([]) as readonly string[],
  exclude: Object.freeze([]) as readonly string[],
  rules: Object.freeze({}) as Readonly<Record<string, RuleSetting>>,
  failOn: 'high' as FailOn,
  maxFileSize: 1024 * 1024,
  taint: Object.freeze({ sources: [], sinks: [], sanitizers: [] }) as TaintConfig,
});

export type ResolvedConfig = typeof CONFIG_DEFAULTS & { readonly source?: string };

export class ConfigError extends UserError {
  override name = 'ConfigError';
}

const KEYS = Object.keys(CONFIG_DEFAULTS);

function closest(word: string, candidates: readonly string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const dd = dist(word.toLowerCase(), c.toLowerCase());
    if (dd < bestD) {
      bestD = dd;
      best = c;
    }
  }
  return best;
}

function stringArray(value: unknown, key: string, source: string): readonly string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new ConfigError(`${source}: "${key}" must be an array of glob strings, e.g. ["src/**"]`);
  }
  return value;
}

/** Validates a config object; errors name the field and the fix. */
export function validateConfig(raw: unknown, source: string, knownRuleIds: ReadonlySet<string>): ResolvedConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${source}: the Rampart config must be an object`);
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key === '$schema') continue;
    if (!KEYS.includes(key)) {
      const hint = closest(key, KEYS);
      throw new ConfigError(`${source}: unknown option "${key}".${hint ? ` Did you mean "${hint}"?` : ` Known options: ${KEYS.join(', ')}.`}`);
    }
  }
  const include = obj.include === undefined ? CONFIG_DEFAULTS.include : stringArray(obj.include, 'include', source);
  const exclude = obj.exclude === undefined ? CONFIG_DEFAULTS.exclude : stringArray(obj.exclude, 'exclude', source);
  let rules = CONFIG_DEFAULTS.rules;
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      throw new ConfigError(`${source}: "rules" must be an object such as { "no-eval": "off" }`);
    }
    const ids = [...knownRuleIds];
    for (const [id, setting] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!knownRuleIds.has(id)) {
        const hint = closest(id, ids);
        throw new ConfigError(`${source}: unknown rule "${id}".${hint ? ` Did you mean "${hint}"?` : ' Run `rampart rules` to list them.'}`);
      }
      if (setting !== 'off' && setting !== 'on' && !isSeverity(setting)) {
        throw new ConfigError(`${source}: rule "${id}" must be "off", "on" or a severity (critical, high, medium, low, info), not ${JSON.stringify(setting)}`);
      }
    }
    rules = obj.rules as Record<string, RuleSetting>;
  }
  let failOn = CONFIG_DEFAULTS.failOn;
  if (obj.failOn !== undefined) {
    if (obj.failOn !== 'none' && !isSeverity(obj.failOn)) {
      throw new ConfigError(`${source}: "failOn" must be one of critical, high, medium, low, info, none`);
    }
    failOn = obj.failOn;
  }
  let maxFileSize = CONFIG_DEFAULTS.maxFileSize;
  if (obj.maxFileSize !== undefined) {
    if (typeof obj.maxFileSize !== 'number' || !Number.isInteger(obj.maxFileSize) || obj.maxFileSize <= 0) {
      throw new ConfigError(`${source}: "maxFileSize" must be a positive whole number of bytes`);
    }
    maxFileSize = obj.maxFileSize;
  }
  let taint = CONFIG_DEFAULTS.taint;
  if (obj.taint !== undefined) {
    try {
      taint = validateTaintConfig(obj.taint);
    } catch (err) {
      if (err instanceof TaintConfigError) throw new ConfigError(`${source}: ${err.message}`);
      throw err;
    }
  }
  return { include, exclude, rules, failOn, maxFileSize, taint, source };
}

async function readJson(path: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`${path}: cannot read: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * Finds the config for a scan root: an explicit file, else rampart.config.json, else the
 * "rampart" key of package.json, else the defaults.
 */
export async function loadConfig(root: string, knownRuleIds: ReadonlySet<string>, explicitPath?: string): Promise<ResolvedConfig> {
  if (explicitPath) {
    const raw = await readJson(explicitPath);
    if (raw === undefined) throw new ConfigError(`${explicitPath}: config file not found`);
    return validateConfig(raw, explicitPath, knownRuleIds);
  }
  const own = join(root, 'rampart.config.json');
  const raw = await readJson(own);
  if (raw !== undefined) return validateConfig(raw, 'rampart.config.json', knownRuleIds);
  const pkg = (await readJson(join(root, 'package.json')).catch(() => undefined)) as Record<string, unknown> | undefined;
  if (pkg && typeof pkg === 'object' && pkg.rampart !== undefined) {
    return validateConfig(pkg.rampart, 'package.json#rampart', knownRuleIds);
  }
  return { ...CONFIG_DEFAULTS };
}
