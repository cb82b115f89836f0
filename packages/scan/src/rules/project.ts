/** What a rule may know of the project beyond its file, when the scanner (not ESLint) runs it. */
import type { JsRuleContext } from './types.js';

/** The project's dependencies, when the scanner read its package.json (not inside ESLint). */
export function projectDependencies(context: JsRuleContext): Readonly<Record<string, string>> | undefined {
  const taint = context.settings?.taint as { dependencies?: Readonly<Record<string, string>> } | undefined;
  const deps = taint?.dependencies;
  return deps && Object.keys(deps).length > 0 ? deps : undefined;
}
