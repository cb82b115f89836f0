import committedEnvFile from './committed-env-file.js';
import hardcodedSecret from './hardcoded-secret.js';
import type { FileRule } from '../types.js';

/** Practice 8: no secrets in code or config. The secret formats themselves live in src/secrets/rules. */
export const RULES: readonly FileRule[] = [hardcodedSecret, committedEnvFile];
