import type { Severity } from '@rampart/core';
import type { RuleSetting } from '../config.js';
import { FILE_RULES, JS_RULES, RULES } from '../rules/index.js';
import type { ActiveRules } from './analyze.js';
import { mergeTables, type TaintConfig, type TaintTables } from '../taint/tables.js';

export const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

/** Applies the config's per-rule settings to the registry. Plain data, so it crosses to workers. */
export function activeRules(
  settings: Readonly<Record<string, RuleSetting>>,
  taint?: TaintConfig,
  dependencies?: Readonly<Record<string, string>>,
  packageDependencies?: TaintTables['packageDependencies'],
): ActiveRules {
  const on = (id: string): boolean => settings[id] !== 'off';
  const severity = new Map<string, Severity>();
  for (const [id, s] of Object.entries(settings)) if (s !== 'off' && s !== 'on') severity.set(id, s);
  const js = JS_RULES.filter((r) => on(r.meta.id));
  const file = FILE_RULES.filter((r) => on(r.meta.id));
  return { js, file, severity, known: KNOWN_RULE_IDS, active: new Set([...js, ...file].map((r) => r.meta.id)), taint: mergeTables(taint, dependencies, packageDependencies) };
}
