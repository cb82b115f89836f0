import { UserError } from '@rampart/core';

/** How a package reached the tree. Only `registry` packages can be matched against advisories. */
export type PackageSource = 'registry' | 'git' | 'tarball' | 'file' | 'link' | 'workspace';

/** The kind of a dependency edge, as the manifest that declares it says. */
export type EdgeKind = 'prod' | 'dev' | 'optional' | 'peer';

export interface Edge {
  /** Index into `LockGraph.nodes`. */
  readonly to: number;
  readonly kind: EdgeKind;
}

/**
 * Where a package is written in the lockfile: the first `needle` after which `near` follows
 * (within a few lines). A needle starting with "\n" only matches at the start of a line.
 */
export interface Anchor {
  readonly needle: string;
  readonly near?: string;
}

/** One installed package instance of the lockfile. */
export interface LockNode {
  /** Unique within the lockfile: npm's install path, pnpm's key, yarn's resolution, bun's key. */
  readonly key: string;
  /** The real package name (for an `npm:` alias, the package it points at). */
  readonly name: string;
  readonly version: string;
  /** The name it is installed under when that differs from `name` (an `npm:` alias). */
  readonly alias?: string;
  readonly source: PackageSource;
  /** For non-registry sources: the git URL, tarball URL or path. */
  readonly sourceDetail?: string;
  readonly anchor: Anchor;
  readonly deps: Edge[];
  /** Flags the lockfile itself records (npm, pnpm 5/6); otherwise computed from the graph. */
  readonly flags?: { readonly dev?: boolean; readonly optional?: boolean; readonly peer?: boolean };
}

/** A workspace (or the root project): where dependency paths start. */
export interface Importer {
  /** Folder relative to the lockfile's folder, "" for the root. */
  readonly path: string;
  readonly name?: string;
  readonly deps: Edge[];
}

export type LockfileFormat = 'npm' | 'yarn-classic' | 'yarn-berry' | 'pnpm' | 'bun';

export interface LockGraph {
  readonly format: LockfileFormat;
  /** e.g. "npm lockfileVersion 3", "pnpm 9.0". */
  readonly formatVersion: string;
  /** Path as given to the parser (used in messages). */
  readonly file: string;
  readonly text: string;
  readonly nodes: LockNode[];
  readonly importers: Importer[];
  /** Things the user should know that did not stop the audit. */
  readonly notes: string[];
}

/** A lockfile that cannot be read correctly: the message names the file and the position. */
export class LockfileError extends UserError {
  override name = 'LockfileError';
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

// How far after the needle `near` may appear (a few lines of a lockfile entry).
const NEAR_WINDOW = 600;

// Offsets of line starts per lockfile text, built once: findings ask for many lines of one file.
const lineStartsOf = new WeakMap<object, Uint32Array>();
const textKeys = new Map<string, object>();

function lineStarts(text: string): Uint32Array {
  let key = textKeys.get(text);
  if (!key) {
    key = {};
    // Only the few texts of one run are kept: a lockfile is audited, then dropped.
    if (textKeys.size > 8) textKeys.clear();
    textKeys.set(text, key);
  }
  let starts = lineStartsOf.get(key);
  if (!starts) {
    // Grown by doubling in a typed array: a plain array of 100k numbers costs more to build and collect.
    let list = new Uint32Array(4096);
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      if (count === list.length) {
        const grown = new Uint32Array(count * 2);
        grown.set(list);
        list = grown;
      }
      list[count++] = i + 1;
    }
    starts = list.subarray(0, count);
    lineStartsOf.set(key, starts);
  }
  return starts;
}

/** The text of a 1-based line without its end of line ("" past the end), without splitting the whole text. */
export function lineTextAt(text: string, line: number): string {
  const starts = lineStarts(text);
  if (line < 1 || line > starts.length) return '';
  const end = line < starts.length ? starts[line]! - 1 : text.length;
  return text.slice(starts[line - 1]!, end);
}

function lineAt(text: string, offset: number): number {
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The 1-based line where an anchor sits, or 1 when the text does not contain it. */
export function lineOfAnchor(text: string, anchor: Anchor): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(anchor.needle, from);
    if (at === -1) return 1;
    // A needle may start with "\n" to match at a line start only: the line is the one after it.
    if (!anchor.near || text.slice(at, at + anchor.needle.length + NEAR_WINDOW).includes(anchor.near)) return lineAt(text, anchor.needle.startsWith('\n') ? at + 1 : at);
    from = at + 1;
  }
}

/** Splits an npm package specifier "name@range" at its version separator (scoped names start with "@"). */
export function splitNameAt(spec: string): [name: string, rest: string] | undefined {
  const at = spec.indexOf('@', 1);
  if (at <= 0) return undefined;
  return [spec.slice(0, at), spec.slice(at + 1)];
}

/** Classifies a resolved URL or version string of a lockfile. */
export function sourceOf(resolved: string | undefined): PackageSource {
  if (!resolved) return 'registry';
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|git@)/.test(resolved) || /^https?:\/\/codeload\.github\.com\//.test(resolved)) return 'git';
  if (resolved.startsWith('file:')) return 'file';
  if (resolved.startsWith('link:') || resolved.startsWith('portal:')) return 'link';
  if (resolved.startsWith('workspace:')) return 'workspace';
  // Registry tarballs (npmjs or a private mirror) live under ".../<name>/-/<file>.tgz".
  if (/^https?:\/\//.test(resolved)) return /\/-\/[^/]+\.tgz(?:[?#].*)?$/.test(resolved) ? 'registry' : 'tarball';
  return 'registry';
}
