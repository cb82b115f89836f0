import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SkippedFile } from '@rampart/core';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

/** Folders that hold installed or generated code, never the project's own source. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.vercel',
  '.output',
  'bower_components',
  'jspm_packages',
  '.yarn',
  '.pnpm-store',
]);

export interface DiscoverOptions {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Does any rule want this relative path? Files no rule reads are not candidates. */
  readonly wanted: (path: string) => boolean;
}

export interface Discovered {
  /** Relative paths (forward slashes), sorted. */
  readonly files: string[];
  readonly skipped: SkippedFile[];
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

interface IgnoreScope {
  readonly base: string; // relative dir of the .gitignore, '' for root
  readonly ig: Ignore;
}

async function readGitignore(absDir: string): Promise<Ignore | undefined> {
  try {
    const text = await readFile(join(absDir, '.gitignore'), 'utf8');
    return ignore().add(text);
  } catch {
    return undefined;
  }
}

function ignoredBy(scopes: readonly IgnoreScope[], relPath: string, isDir: boolean): boolean {
  for (const s of scopes) {
    const sub = s.base === '' ? relPath : relPath.slice(s.base.length + 1);
    if (s.ig.ignores(isDir ? `${sub}/` : sub)) return true;
  }
  return false;
}

/**
 * Walks `root` honouring nested .gitignore files, the built-in skipped folders and the
 * config's include/exclude globs. Every folder or file passed over for a reason a user
 * might not expect (skipped folder, excluded, gitignored folder) is listed.
 */
export async function discoverFiles(root: string, options: DiscoverOptions): Promise<Discovered> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const include = options.include.length > 0 ? picomatch(options.include as string[], { dot: true }) : undefined;
  const exclude = options.exclude.length > 0 ? picomatch(options.exclude as string[], { dot: true }) : undefined;
  const excludeDir = (rel: string): boolean => !!exclude && (exclude(rel) || exclude(`${rel}/`));

  const visit = async (absDir: string, scopes: IgnoreScope[]): Promise<void> => {
    const relDir = toPosix(relative(root, absDir));
    let entries;
    try {
      // Synchronous: the walk visits one folder at a time, and a thread-pool round trip per
      // folder costs more than the listing itself.
      entries = readdirSync(absDir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ file: relDir || '.', reason: 'unreadable', detail: (err as Error).message });
      return;
    }
    // Only folders that list a .gitignore pay for reading one (a failed read throws, which is slow).
    const own = entries.some((e) => e.name === '.gitignore') ? await readGitignore(absDir) : undefined;
    const here = own ? [...scopes, { base: relDir, ig: own }] : scopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name)) {
          if (entry.name !== '.git') skipped.push({ file: `${rel}/`, reason: 'ignored-dir', detail: 'installed or generated code' });
          continue;
        }
        if (ignoredBy(here, rel, true)) {
          skipped.push({ file: `${rel}/`, reason: 'ignored-dir', detail: '.gitignore' });
          continue;
        }
        if (excludeDir(rel)) {
          skipped.push({ file: `${rel}/`, reason: 'excluded', detail: 'config exclude' });
          continue;
        }
        await visit(join(absDir, entry.name), here);
      } else if (entry.isFile()) {
        if (!options.wanted(rel)) continue;
        if (ignoredBy(here, rel, false)) continue; // gitignored files are not the project's source
        if (exclude && exclude(rel)) {
          skipped.push({ file: rel, reason: 'excluded', detail: 'config exclude' });
          continue;
        }
        if (include && !include(rel)) continue;
        files.push(rel);
      }
      // Symbolic links are not followed: they can point outside the root or loop.
    }
  };
  await visit(root, []);
  return { files, skipped };
}

/** Minified or bundled code: long lines and few of them. Rules on it only raise noise. */
export function looksMinified(path: string, text: string): boolean {
  if (/\.min\.[cm]?js$/i.test(path) || /[.-]bundle\.[cm]?js$/i.test(path)) return true;
  if (text.length < 4096) return false;
  // An average line over 300 characters; counting stops once there are enough lines for it not to be.
  const enough = text.length / 300;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines < enough; i = text.indexOf('\n', i + 1)) lines++;
  return lines < enough;
}

/** A NUL byte in the first 8 KiB, found by the native search. */
export function looksBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8192).indexOf(0) >= 0;
}
