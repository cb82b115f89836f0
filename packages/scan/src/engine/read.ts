import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { SkippedFile } from '@rampart/core';
import { looksBinary, looksMinified } from '../files.js';
import type { PathAliases } from '../taint/aliases.js';

export type Source = { kind: 'text'; text: string } | { kind: 'skipped'; skipped: SkippedFile };

/** Reads one file for analysis, or says why it is skipped (too large, binary, minified). */
// Synchronous on purpose: a worker process does one file at a time, and awaiting each
// read left the worker idle between files (about 15% of a large scan).
export function readSource(root: string, file: string, maxFileSize: number): Source {
  const abs = join(root, file);
  try {
    const info = statSync(abs);
    if (info.size > maxFileSize) {
      return { kind: 'skipped', skipped: { file, reason: 'too-large', detail: `${info.size} bytes > ${maxFileSize}` } };
    }
    const buffer = readFileSync(abs);
    if (looksBinary(buffer)) return { kind: 'skipped', skipped: { file, reason: 'binary' } };
    const text = buffer.toString('utf8');
    if (looksMinified(file, text)) return { kind: 'skipped', skipped: { file, reason: 'minified' } };
    return { kind: 'text', text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err) {
    return { kind: 'skipped', skipped: { file, reason: 'unreadable', detail: (err as Error).message } };
  }
}

/** Reads another file of the project by its path as the scanner names files; undefined when there is none. */
export interface ProjectFileReader {
  (file: string): string | undefined;
  /** Whether the file is there (a folder listing, no read). */
  readonly exists: (file: string) => boolean;
  /** The project's path aliases (tsconfig/jsconfig paths and baseUrl), for imports that are not relative. */
  readonly aliases?: PathAliases;
}

/**
 * Reads project files for another file's analysis (the module an imported predicate lives in):
 * the same limits as a scanned file, never outside the root nor inside node_modules.
 */
export function projectFileReader(root: string, maxFileSize: number, aliases?: PathAliases): ProjectFileReader {
  // An import names up to 18 candidate files (extensions, index files): each folder is listed
  // once, so the candidates that do not exist cost a Set lookup, not a failing stat each.
  const listings = new Map<string, ReadonlySet<string> | null>();
  const listing = (dir: string): ReadonlySet<string> | null => {
    let names = listings.get(dir);
    if (names === undefined) {
      try {
        names = new Set(readdirSync(join(root, dir)));
      } catch {
        names = null;
      }
      if (listings.size >= 4096) listings.delete(listings.keys().next().value!);
      listings.set(dir, names);
    }
    return names;
  };
  const exists = (file: string): boolean => {
    if (file === '..' || file.startsWith('../') || isAbsolute(file) || file.split('/').includes('node_modules')) return false;
    const slash = file.lastIndexOf('/');
    return !!listing(slash < 0 ? '.' : file.slice(0, slash))?.has(file.slice(slash + 1));
  };
  const read = (file: string): string | undefined => {
    if (!exists(file)) return undefined;
    const source = readSource(root, file, maxFileSize);
    return source.kind === 'text' ? source.text : undefined;
  };
  return Object.assign(read, { exists, ...(aliases && aliases.length > 0 ? { aliases } : {}) });
}
