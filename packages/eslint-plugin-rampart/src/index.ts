import { readFileSync } from 'node:fs';
import type { ESLint, Linter, Rule } from 'eslint';
import { JS_RULES } from '@rampart/scan';
import { toEslintRule } from './rule-adapter.js';

// Read at load time so the plugin's meta never drifts from the published version.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** Every Rampart JsRule, under its Rampart id (`rampart/<id>` in a config). */
export const rules: Readonly<Record<string, Rule.RuleModule>> = Object.freeze(
  Object.fromEntries(JS_RULES.map((rule) => [rule.meta.id, toEslintRule(rule)])),
);

/** High and critical findings fail the lint; the rest warn. */
const recommendedRules: Linter.RulesRecord = Object.fromEntries(
  JS_RULES.map((rule) => [`rampart/${rule.meta.id}`, rule.meta.severity === 'high' || rule.meta.severity === 'critical' ? 'error' : 'warn']),
);
const allRules: Linter.RulesRecord = Object.fromEntries(JS_RULES.map((rule) => [`rampart/${rule.meta.id}`, 'error']));

const plugin = {
  meta: { name: pkg.name, version: pkg.version },
  rules,
  configs: {} as { recommended: Linter.Config; all: Linter.Config },
} satisfies ESLint.Plugin;

// Flat configs refer to the plugin object itself, so they are attached after it exists.
plugin.configs.recommended = { name: 'rampart/recommended', plugins: { rampart: plugin }, rules: recommendedRules };
plugin.configs.all = { name: 'rampart/all', plugins: { rampart: plugin }, rules: allRules };

export const configs = plugin.configs;
export { toEslintRule };
export default plugin;
