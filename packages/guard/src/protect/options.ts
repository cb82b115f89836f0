import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { UserError } from '@rampart/core';
import type { AttackKind } from './attack.js';
import { DEFAULT_BOTS, type AutoBlockOptions, type BlocklistSettings } from './blocklist/index.js';

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
  /**
   * IP, user and bot block lists. `ips`/`users`: always refused. `bots`: user-agent substrings
   * refused (true: DEFAULT_BOTS, attack tools and scanners). `autoBlock`: block an IP for
   * `blockSeconds` after `detections` detections within `windowSeconds`. `redis`: share runtime
   * blocks (blockIp, blockUser, auto-blocks) between instances; default in memory.
   */
  readonly blocklist: BlocklistSettings;
  /** Write each detection as a pino-compatible JSON line to stderr (listeners from onDetection still run). */
  readonly log: boolean;
}

export const DEFAULTS: ProtectOptions = Object.freeze({
  mode: 'block',
  routes: Object.freeze({}),
  detectors: Object.freeze({ 'sql-injection': true, 'shell-injection': true, 'path-traversal': true, ssrf: true, 'reflected-xss': true, 'prototype-pollution': true, 'nosql-injection': true, 'code-injection': true }),
  hardenPrototypes: false,
  hookEval: true,
  blocklist: Object.freeze({ ips: Object.freeze([]), users: Object.freeze([]), bots: DEFAULT_BOTS, autoBlock: false, redis: false }),
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
  blocklist?: {
    ips?: string[];
    users?: string[];
    bots?: boolean | string[];
    autoBlock?: false | Partial<AutoBlockOptions>;
    redis?: false | { url: string; prefix?: string };
  };
};

const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);
const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;

function resolveBlocklist(input: ProtectConfigInput['blocklist'] = {}): BlocklistSettings {
  const known = ['ips', 'users', 'bots', 'autoBlock', 'redis'];
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) throw new UserError(`protect: unknown option \`blocklist.${key}\`. Known: ${known.join(', ')}.`);
  }
  const ips = input.ips ?? [];
  const users = input.users ?? [];
  const ipOrRange = (s: string) => {
    const [address, prefix, extra] = s.split('/');
    const family = isIP(address!.startsWith('::ffff:') && address!.includes('.') ? address!.slice(7) : address!);
    if (family === 0 || extra !== undefined) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  };
  if (!strings(ips) || !ips.every(ipOrRange)) {
    throw new UserError('protect: `blocklist.ips` must be an array of IP addresses or CIDR ranges, e.g. ["203.0.113.7", "198.51.100.0/24"].');
  }
  if (!strings(users)) throw new UserError('protect: `blocklist.users` must be an array of user ids, e.g. ["u-123"].');
  const bots = input.bots ?? true;
  if (typeof bots !== 'boolean' && !strings(bots)) throw new UserError('protect: `blocklist.bots` must be true, false or an array of user-agent substrings, e.g. ["sqlmap"].');
  let autoBlock: AutoBlockOptions | false = false;
  if (input.autoBlock) {
    autoBlock = { detections: 5, windowSeconds: 60, blockSeconds: 600, ...input.autoBlock };
    for (const key of ['detections', 'windowSeconds', 'blockSeconds'] as const) {
      if (!positive(autoBlock[key])) throw new UserError(`protect: \`blocklist.autoBlock.${key}\` must be a positive number (got ${JSON.stringify(autoBlock[key])}).`);
    }
  }
  const redis = input.redis ?? false;
  if (redis !== false && (typeof redis !== 'object' || typeof redis.url !== 'string' || !/^rediss?:\/\//.test(redis.url))) {
    throw new UserError("protect: `blocklist.redis` must be false or { url: 'redis://127.0.0.1:6379', prefix?: 'rampart:' }.");
  }
  return Object.freeze({
    ips: Object.freeze([...ips]),
    users: Object.freeze([...users]),
    bots: bots === true ? DEFAULT_BOTS : bots === false ? Object.freeze([]) : Object.freeze([...bots]),
    autoBlock: autoBlock && Object.freeze(autoBlock),
    redis: redis && Object.freeze({ url: redis.url, prefix: redis.prefix ?? 'rampart:protect:' }),
  });
}

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
    blocklist: input.blocklist === undefined ? DEFAULTS.blocklist : resolveBlocklist(input.blocklist),
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
