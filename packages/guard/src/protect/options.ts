import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '@rampart/core';
import type { AttackKind } from './attack.js';

/** block: the sink throws a 403 error and never runs. monitor: it runs, the event is recorded. off: no checks. */
export type ProtectMode = 'block' | 'monitor' | 'off';

export interface ProtectOptions {
  /** What to do on a detection. Env RAMPART_MODE overrides the config file. */
  readonly mode: ProtectMode;
  /** Per-route mode, keyed by path prefix (`/admin`) or exact route pattern (`/orders/:id`). Longest prefix wins. */
  readonly routes: Readonly<Record<string, ProtectMode>>;
  /** Turn single detectors off (`{ 'shell-injection': false }`). */
  readonly detectors: Readonly<Record<AttackKind, boolean>>;
  readonly ssrf: {
    /** Hosts (`api.example.com`, `10.0.0.5`, `host:port`) an app may reach even when the URL came from user input. */
    readonly allow: readonly string[];
  };
  readonly sql: {
    /** PostgreSQL's standard_conforming_strings; off means backslashes escape inside plain '' strings too. */
    readonly standardConformingStrings: boolean;
  };
  /**
   * Make Object, Array, Function, String, Number, Boolean, RegExp, Date, Promise, Map and Set
   * prototypes non-extensible at startup, so a polluting write of a new key fails. Off by
   * default: a library that adds methods to built-in prototypes would fail.
   */
  readonly hardenPrototypes: boolean;
  /**
   * Replace the global `eval` with a checking one. Calls through it are indirect evals (global
   * scope), so app code that reads local variables through a direct `eval(...)` breaks; set
   * false for such apps (eval is then unprotected; Function and vm stay protected).
   */
  readonly hookEval: boolean;
  /** Write each detection as a pino-compatible JSON line to stderr (listeners from onDetection still run). */
  readonly log: boolean;
}

export const DEFAULTS: ProtectOptions = Object.freeze({
  mode: 'block',
  routes: Object.freeze({}),
  detectors: Object.freeze({ 'sql-injection': true, 'shell-injection': true, 'path-traversal': true, ssrf: true, 'reflected-xss': true, 'prototype-pollution': true, 'nosql-injection': true, 'code-injection': true }),
  hardenPrototypes: false,
  hookEval: true,
  ssrf: Object.freeze({ allow: Object.freeze([]) }),
  sql: Object.freeze({ standardConformingStrings: true }),
  log: true,
}) as ProtectOptions;

const MODES: readonly string[] = ['block', 'monitor', 'off'];

export type ProtectConfigInput = {
  mode?: ProtectMode;
  routes?: Record<string, ProtectMode>;
  detectors?: Partial<Record<AttackKind, boolean>>;
  ssrf?: { allow?: string[] };
  sql?: { standardConformingStrings?: boolean };
  log?: boolean;
  hardenPrototypes?: boolean;
  hookEval?: boolean;
};

/** Validates options at setup and fills defaults; a bad option throws a UserError naming it and the fix. */
export function resolveProtectOptions(input: ProtectConfigInput = {}): ProtectOptions {
  const known = new Set(Object.keys(DEFAULTS));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) throw new UserError(`protect: unknown option \`${key}\`. Known options: ${[...known].join(', ')}.`);
  }
  const mode = input.mode ?? DEFAULTS.mode;
  if (!MODES.includes(mode)) throw new UserError(`protect: \`mode\` must be block, monitor or off (got ${JSON.stringify(mode)}).`);
  const routes = { ...(input.routes ?? {}) };
  for (const [route, m] of Object.entries(routes)) {
    if (!MODES.includes(m)) throw new UserError(`protect: \`routes["${route}"]\` must be block, monitor or off (got ${JSON.stringify(m)}).`);
  }
  const allow = input.ssrf?.allow ?? [];
  if (!Array.isArray(allow) || allow.some((h) => typeof h !== 'string')) {
    throw new UserError('protect: `ssrf.allow` must be an array of host names, e.g. ["api.example.com"].');
  }
  return Object.freeze({
    mode,
    routes: Object.freeze(routes),
    detectors: Object.freeze({ ...DEFAULTS.detectors, ...(input.detectors ?? {}) }),
    ssrf: Object.freeze({ allow: Object.freeze(allow.map((h) => h.toLowerCase())) }),
    sql: Object.freeze({ standardConformingStrings: input.sql?.standardConformingStrings ?? true }),
    log: input.log ?? DEFAULTS.log,
    hardenPrototypes: input.hardenPrototypes ?? DEFAULTS.hardenPrototypes,
    hookEval: input.hookEval ?? DEFAULTS.hookEval,
  });
}

/**
 * Options for the register entry: the JSON config file named by RAMPART_CONFIG (or
 * `rampart.protect.json` in the working directory when present), then RAMPART_MODE on top.
 */
export function loadProtectOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ProtectOptions {
  let fromFile: ProtectConfigInput = {};
  const file = env.RAMPART_CONFIG ? resolve(cwd, env.RAMPART_CONFIG) : resolve(cwd, 'rampart.protect.json');
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (env.RAMPART_CONFIG) throw new UserError(`protect: cannot read RAMPART_CONFIG file ${file}: ${(err as Error).message}`);
  }
  if (text !== undefined) {
    try {
      fromFile = JSON.parse(text) as ProtectConfigInput;
    } catch (err) {
      throw new UserError(`protect: ${file} is not valid JSON: ${(err as Error).message}`);
    }
  }
  const envMode = env.RAMPART_MODE?.trim().toLowerCase();
  if (envMode && !MODES.includes(envMode)) {
    throw new UserError(`protect: RAMPART_MODE must be block, monitor or off (got ${JSON.stringify(env.RAMPART_MODE)}).`);
  }
  return resolveProtectOptions({ ...fromFile, ...(envMode ? { mode: envMode as ProtectMode } : {}) });
}
