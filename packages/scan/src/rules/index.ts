/**
 * All rules, by folder. Each folder (one practice area) keeps its own registry list,
 * so adding a rule touches its own file and that folder's index.ts only.
 */
import { RULES as AUTH } from './auth/index.js';
import { RULES as CONTAINER } from './container/index.js';
import { RULES as ERRORS } from './errors/index.js';
import { RULES as HEADERS } from './headers/index.js';
import { RULES as TAINT } from './taint/index.js';
import { FILE_RULES as LINT_FILES, RULES as LINT } from './lint/index.js';
import { RULES as LOGGING } from './logging/index.js';
import { RULES as SECRETS } from './secrets/index.js';
import type { FileRule, JsRule, Rule } from './types.js';

export const JS_RULES: readonly JsRule[] = [...TAINT, ...LINT, ...AUTH, ...ERRORS, ...HEADERS, ...LOGGING];
export const FILE_RULES: readonly FileRule[] = [...CONTAINER, ...LINT_FILES, ...SECRETS];
export const RULES: readonly Rule[] = [...JS_RULES, ...FILE_RULES];
