/**
 * Where a relative import specifier may point among the project's files: shared by the link
 * phase (which knows every scanned file) and the per-file pass (which reads an imported
 * predicate's body in the module that defines it).
 */
import { posix } from 'node:path';

const EXTENSIONS = ['.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '.mts', '.cts'];

/** The files `spec` imported from `from` may name, most likely first; none for a package name. */
export function specifierCandidates(from: string, spec: string): string[] {
  if (!spec.startsWith('.')) return [];
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
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
 * What a module exports under `path` (as an import binding names it): `''` and `default` are the
 * module's default export either way, and `default.x` is `x` of an object exported by default.
 */
export function exportAt<T>(exports: ReadonlyMap<string, T>, path: readonly string[]): T | undefined {
  const key = path.join('.');
  return exports.get(key) ?? (key === '' || key === 'default' ? (exports.get('') ?? exports.get('default')) : key.startsWith('default.') ? exports.get(key.slice(8)) : undefined);
}
