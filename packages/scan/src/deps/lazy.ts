import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads a dependency on first use. `rampart deps` reads one or two lockfile formats per run:
 * loading every parser (and the CVSS calculator, needed only to build an index) would cost more
 * start-up time than the audit of a large lockfile.
 */
export function lazy<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
