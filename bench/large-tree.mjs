// A large, real JavaScript tree: the published sources of a few big packages, installed
// from the npm registry once into bench/.work/tree and reused by later runs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORK_DIR = fileURLToPath(new URL('./.work/', import.meta.url));
const TREE_DIR = join(WORK_DIR, 'tree');
/** Both tools are pointed at this folder: nested node_modules below it are skipped by both. */
export const TREE_ROOT = join(TREE_DIR, 'node_modules');

// Pinned, so runs on different days measure the same code: about 38 MB in 4,900 .js files
// once Rampart's skips apply (dist/ and build/ folders, minified files). rxjs and date-fns
// were tried and left out: rxjs ships only dist/, and date-fns pushed the total past 40 MB.
export const TREE_PACKAGES = Object.freeze([
  'three@0.160.1',
  'lodash@4.17.21',
  '@babel/core@7.26.0',
  'webpack@5.97.1',
  'typescript@5.6.3',
  'eslint@9.17.0',
]);

const INSTALL_TIMEOUT_MS = 240_000;
const PING_TIMEOUT_MS = 20_000;
const MARKER = join(TREE_DIR, '.installed.json');

function npm(args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd: WORK_DIR, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      stderr += `\nnpm ${args[0]} timed out after ${timeoutMs / 1000} s`;
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, message: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = stderr.trim().split('\n');
      // "npm error code ECONNREFUSED" says more than the trailing pointer to the debug log.
      resolve({ ok: code === 0, message: lines.find((l) => /error (code|network)|timed out/.test(l)) ?? lines.at(-1) });
    });
  });
}

/**
 * Installs the tree unless the same package list is already there.
 * @returns {Promise<{ ok: true, root: string, reused: boolean } | { ok: false, reason: string }>}
 */
export async function ensureLargeTree() {
  const wanted = JSON.stringify(TREE_PACKAGES);
  if (existsSync(MARKER) && readFileSync(MARKER, 'utf8') === wanted && existsSync(TREE_ROOT)) {
    return { ok: true, root: TREE_ROOT, reused: true };
  }
  mkdirSync(WORK_DIR, { recursive: true });
  // npm retries an unreachable registry for minutes: ask once, briefly, first.
  const ping = await npm(['ping', '--fetch-retries=0', '--fetch-timeout=10000'], PING_TIMEOUT_MS);
  if (!ping.ok) return { ok: false, reason: `the npm registry is unreachable (npm ping: ${ping.message})` };
  rmSync(TREE_DIR, { recursive: true, force: true });
  mkdirSync(TREE_DIR, { recursive: true });
  // A package.json of its own keeps npm from climbing up into the Rampart workspace.
  writeFileSync(join(TREE_DIR, 'package.json'), '{ "name": "rampart-bench-tree", "private": true }\n');
  const result = await npm(
    ['install', '--prefix', TREE_DIR, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', ...TREE_PACKAGES],
    INSTALL_TIMEOUT_MS,
  );
  if (!result.ok) {
    rmSync(TREE_DIR, { recursive: true, force: true }); // no half-installed tree for the next run
    return { ok: false, reason: `npm install failed: ${result.message}` };
  }
  writeFileSync(MARKER, wanted);
  return { ok: true, root: TREE_ROOT, reused: false };
}

/** ESLint lints these extensions by default; the comparison uses the same on both sides. */
export const JS_GLOBS = Object.freeze(['**/*.js', '**/*.mjs', '**/*.cjs']);

/**
 * The files `rampart scan` analyses under `root` when limited to JS_GLOBS, found with the
 * scanner's own discovery and read filters (built dist), so ESLint can be given exactly them.
 * @returns {Promise<{ files: string[], bytes: number, sizes: Map<string, number>, filteredOut: { file: string, reason: string }[] }>}
 */
export async function rampartFileSet(root, maxFileSize) {
  const { discoverFiles } = await import('../packages/scan/dist/files.js');
  const { readSource } = await import('../packages/scan/dist/engine/read.js');
  const { jsLang } = await import('../packages/scan/dist/engine/parse.js');
  const { files: candidates } = await discoverFiles(root, { include: [...JS_GLOBS], exclude: [], wanted: (p) => jsLang(p) !== undefined });
  const files = [];
  const filteredOut = [];
  const sizes = new Map(); // of every candidate, to total what each tool read
  let bytes = 0;
  for (const file of candidates) {
    sizes.set(file, statSync(join(root, file)).size);
    const source = await readSource(root, file, maxFileSize);
    if (source.kind === 'skipped') {
      filteredOut.push({ file, reason: source.skipped.reason });
      continue;
    }
    files.push(file);
    bytes += sizes.get(file);
  }
  return { files, bytes, sizes, filteredOut };
}
