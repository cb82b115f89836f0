export { createSecretDetector, detectSecrets, SecretRuleError, type SecretDetector } from './detect.js';
export { SECRET_RULES } from './rules/index.js';
export { redact, redactAll } from './redact.js';
export { shannonEntropy } from './entropy.js';
export { fillSample, generateFromSpec, seededRandom } from './generate.js';
export type { SecretRule, SecretMatch, SecretSample, SecretAllowlist } from './types.js';
export { scanSecrets, type SecretScanOptions } from './scan-secrets.js';
export { scanGitHistory, GitHistoryError, type HistoryScanOptions, type HistoryScanResult } from './history.js';
export { readForSecrets } from './read.js';
