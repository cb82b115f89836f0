export { scan, ScanTargetError, type ScanOptions, type ScanResult } from './scan.js';
export { loadConfig, validateConfig, ConfigError, CONFIG_DEFAULTS, type RampartConfig, type RuleSetting } from './config.js';
export { readBaseline, writeBaseline, BaselineError, type Baseline } from './baseline.js';
export { analyzeFile, type ActiveRules, type FileResult } from './engine/analyze.js';
export { activeRules, KNOWN_RULE_IDS } from './engine/rules-config.js';
export { RULES, JS_RULES, FILE_RULES } from './rules/index.js';
export { TAINT_CLASSES } from './taint/classes.js';
export type { Rule, JsRule, FileRule, JsRuleContext, Node, Samples, Visitors, RuleSourceCode, ReportDescriptor } from './rules/types.js';
export * as ast from './rules/ast.js';
export * from './deps/index.js';
export {
  scanSecrets,
  detectSecrets,
  createSecretDetector,
  SECRET_RULES,
  GitHistoryError,
  redact,
  fillSample,
  seededRandom,
  type SecretScanOptions,
  type SecretRule,
  type SecretMatch,
} from './secrets/index.js';
