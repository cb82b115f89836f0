import { createRequire, syncBuiltinESMExports } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as path from 'node:path';
import { contextForRequest, runWithContext, setUserCheck } from './context.js';
import { checkUser, setActiveBlocklist } from './blocklist/enforce.js';
import { setActiveOptions } from './check.js';
import { resolveProtectOptions, type ProtectConfigInput, type ProtectOptions } from './options.js';
import { SQL_SINKS } from './sinks/sql.js';
import { MONGODB_SINK } from './sinks/nosql.js';
import { CHILD_PROCESS_SINK, FS_SINK, HTTPS_SINK, HTTP_SINK, PATH_SINK, RESPONSE_SINK, hookServer, wrapFetch } from './sinks/builtins.js';
import { EVAL_SINK, FUNCTION_SINK, VM_SINK } from './sinks/code.js';
import type { SinkHook } from './sinks/hook.js';

const INSTALLED = Symbol.for('rampart.protect.installed');
const require = createRequire(import.meta.url);

// `import * as x` gives a namespace object; the patchable module object is the CJS one.
const builtin = (name: string) => require(name) as Record<string, unknown>;
void childProcess;
void fs;
void http;
void https;
void path;

/** Every sink hook, as data: the README and docs list them from here. */
export const SINK_HOOKS: readonly SinkHook[] = Object.freeze([CHILD_PROCESS_SINK, FS_SINK, PATH_SINK, HTTP_SINK, HTTPS_SINK, RESPONSE_SINK, EVAL_SINK, FUNCTION_SINK, VM_SINK, ...SQL_SINKS, MONGODB_SINK]);

export interface InstallReport {
  /** Driver packages found in the app and hooked so far (each is hooked when the app first loads it). */
  readonly hooked: readonly string[];
}

type CjsModule = { exports: unknown; loaded: boolean };
type ModuleLoader = { _cache: Record<string, CjsModule | undefined>; prototype: { load: (this: unknown, filename: string) => void } };

interface PendingDriver {
  readonly hook: SinkHook;
  /** The package's main file, as the app resolves it. */
  readonly main: string;
  /** The package's folder with a trailing separator: any file loaded under it is the driver. */
  readonly dir: string;
  /** Files of the package being loaded right now (nested requires): hooked once the outermost ends. */
  loading: number;
}

function packageDir(main: string, name: string): string | undefined {
  const marker = `${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`;
  const at = main.lastIndexOf(marker);
  return at === -1 ? undefined : main.slice(0, at + marker.length);
}

function installDriver(hook: SinkHook, main: string, hooked: string[]): void {
  let exports: unknown;
  try {
    exports = require(main);
  } catch {
    return; // a driver that fails to load is the app's error to meet, where it loads it
  }
  try {
    hook.install(exports);
    hooked.push(hook.module);
  } catch {
    // A driver shape we do not know is left alone rather than breaking the app's startup.
  }
}

/**
 * Driver packages are CommonJS and shared between ESM and CJS importers through one module
 * cache, so patching their prototypes protects both kinds of app. A driver is hooked when the
 * app loads any file of it (CommonJS require and ESM import both end in Module.prototype.load),
 * not at startup: loading every resolvable driver eagerly (pg, mysql, mysql2, sqlite3, mongodb)
 * kept megabytes of live heap (13 MB in this repository) for drivers the app never uses.
 * Packages the app does not have are skipped; one it loaded before protection is hooked now.
 */
function hookPackages(roots: readonly string[], hooked: string[]): void {
  const loader = require('node:module') as ModuleLoader;
  const pending: PendingDriver[] = [];
  const loadedFiles = Object.keys(loader._cache);
  for (const hook of [...SQL_SINKS, MONGODB_SINK]) {
    for (const root of roots) {
      let main: string;
      try {
        main = createRequire(join(root, 'noop.js')).resolve(hook.module);
      } catch {
        continue;
      }
      const dir = packageDir(main, hook.module);
      // An unusual layout, or a driver the app already loaded: hooked now, as it always was.
      if (!dir || loadedFiles.some((f) => f.startsWith(dir))) installDriver(hook, main, hooked);
      else pending.push({ hook, main, dir, loading: 0 });
      break;
    }
  }
  if (pending.length === 0) return;
  const proto = loader.prototype;
  const load = proto.load;
  proto.load = function (this: unknown, filename: string) {
    const driver = pending.length > 0 && typeof filename === 'string' ? pending.find((d) => filename.startsWith(d.dir)) : undefined;
    if (!driver) return load.call(this, filename);
    driver.loading++;
    try {
      load.call(this, filename);
    } finally {
      driver.loading--;
    }
    // The package's outermost file is done: its main (mysql2/promise never loads mysql2's) is complete.
    if (driver.loading === 0 && pending.includes(driver) && loader._cache[driver.main]?.loaded !== false) {
      pending.splice(pending.indexOf(driver), 1);
      installDriver(driver.hook, driver.main, hooked);
    }
  };
}

/**
 * Installs runtime protection once per process: the request context on node:http/https
 * servers, builtin sinks (child_process, fs, path, http, https, fetch) and SQL drivers.
 */
export function installProtection(input: ProtectOptions | ProtectConfigInput = {}): InstallReport {
  const options = 'detectors' in input && 'log' in input && Object.isFrozen(input) ? (input as ProtectOptions) : resolveProtectOptions(input as ProtectConfigInput);
  setActiveOptions(options);
  setActiveBlocklist(options.blocklist, options.log);
  setUserCheck(checkUser);
  const g = globalThis as unknown as Record<symbol, InstallReport | undefined>;
  if (g[INSTALLED]) return g[INSTALLED]!;
  if (options.hardenPrototypes) {
    // Non-extensible rather than frozen: new keys (the pollution) are refused, while code that
    // assigns an own `toString` or `bind` on its objects keeps working (frozen prototypes break it).
    for (const ctor of [Object, Array, Function, String, Number, Boolean, RegExp, Date, Promise, Map, Set]) Object.preventExtensions(ctor.prototype);
  }
  hookServer((builtin('node:http').Server as { prototype: Record<string, unknown> }).prototype, contextForRequest, runWithContext);
  hookServer((builtin('node:https').Server as { prototype: Record<string, unknown> }).prototype, contextForRequest, runWithContext);
  CHILD_PROCESS_SINK.install(builtin('node:child_process'));
  FS_SINK.install(builtin('node:fs'));
  PATH_SINK.install(builtin('node:path'));
  HTTP_SINK.install(builtin('node:http'));
  HTTPS_SINK.install(builtin('node:https'));
  RESPONSE_SINK.install(builtin('node:http'));
  VM_SINK.install(builtin('node:vm'));
  FUNCTION_SINK.install(globalThis);
  if (options.hookEval) EVAL_SINK.install(globalThis);
  if (typeof globalThis.fetch === 'function') wrapFetch(globalThis as unknown as Record<string, unknown>);
  // ESM named imports of builtins (import { exec } from 'node:child_process', vm) see the patches.
  syncBuiltinESMExports();
  const roots = [process.argv[1] ? dirname(resolve(process.argv[1])) : undefined, process.cwd()].filter((r): r is string => !!r);
  const hooked: string[] = [];
  hookPackages(roots, hooked);
  const report = Object.freeze({ hooked });
  g[INSTALLED] = report;
  return report;
}
