/**
 * Where an import specifier of the project may point among its files: shared by the link phase
 * (which knows every scanned file) and the per-file pass (which reads an imported predicate's
 * body in the module that defines it).
 */
import { posix } from 'node:path';
import { aliasTargets, type PathAliases } from './aliases.js';

const EXTENSIONS = ['.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '.mts', '.cts'];

/** The files a module path (relative to the root, as an import names it) may be: extensions, index files, `.js` for `.ts`. */
function fileCandidates(base: string): string[] {
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
  // TypeScript ESM imports name the emitted file: './db.js' is db.ts in the sources.
  const m = /\.(m|c)?js$/.exec(base);
  if (m) {
    const stem = base.slice(0, -m[0].length);
    candidates.push(`${stem}.${m[1] ?? ''}ts`, `${stem}.tsx`);
  }
  return candidates;
}

/**
 * The files `spec` imported from `from` may name, most likely first: a relative specifier's, or
 * through the project's path aliases (tsconfig/jsconfig `paths`, then `baseUrl`). None for a
 * package name no alias covers. The caller takes the first that exists.
 */
export function specifierCandidates(from: string, spec: string, aliases?: PathAliases): string[] {
  if (spec.startsWith('.')) return fileCandidates(posix.normalize(posix.join(posix.dirname(from), spec)));
  return aliasTargets(aliases, from, spec).flatMap(fileCandidates);
}

/**
 * What a module exports under `path` (as an import binding names it): `''` and `default` are the
 * module's default export either way, and `default.x` is `x` of an object exported by default.
 */
export function exportAt<T>(exports: ReadonlyMap<string, T>, path: readonly string[]): T | undefined {
  const key = path.join('.');
  return exports.get(key) ?? (key === '' || key === 'default' ? (exports.get('') ?? exports.get('default')) : key.startsWith('default.') ? exports.get(key.slice(8)) : undefined);
}
