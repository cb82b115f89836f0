/** What a rule may know of the project beyond its file, when the scanner (not ESLint) runs it. */
import { posix } from 'node:path';
import type { JsRuleContext } from './types.js';

/** The package.json dependencies the scanner passes along: the root's, and nested ones by folder. */
export interface ProjectManifests {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly packageDependencies?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * The dependencies of the package.json files that apply to `file` (relative to the root), nearest
 * first: the nested ones on its path (a monorepo's packages), then the root's when it lists any.
 * Empty: unknown (no package.json read, or inside ESLint).
 */
export function manifestChain(manifests: ProjectManifests | undefined, file: string): Readonly<Record<string, string>>[] {
  const out: Readonly<Record<string, string>>[] = [];
  const nested = manifests?.packageDependencies;
  if (nested) {
    for (let dir = posix.dirname(file.split('\\').join('/')); dir !== '.' && dir !== '/' && dir !== ''; dir = posix.dirname(dir)) {
      if (nested[dir] !== undefined) out.push(nested[dir]);
    }
  }
  const root = manifests?.dependencies;
  if (root && Object.keys(root).length > 0) out.push(root);
  return out;
}

/** The version range of `name` for this file: its nearest package.json that names it. */
export function dependencyRange(context: JsRuleContext, name: string): string | undefined {
  return manifestChain(context.settings?.taint as ProjectManifests | undefined, context.filename).find((deps) => deps[name] !== undefined)?.[name];
}

/** The project's dependencies, when the scanner read its package.json (not inside ESLint). */
export function projectDependencies(context: JsRuleContext): Readonly<Record<string, string>> | undefined {
  const taint = context.settings?.taint as { dependencies?: Readonly<Record<string, string>> } | undefined;
  const deps = taint?.dependencies;
  return deps && Object.keys(deps).length > 0 ? deps : undefined;
}
