// Registry of this folder's rules: adding a rule adds one import and one list entry here.
import type { JsRule } from '../types.js';
import loginNoThrottling from './login-no-throttling.js';
import loginUserEnumeration from './login-user-enumeration.js';
import weakPasswordHash from './weak-password-hash.js';
import weakPasswordHashParams from './weak-password-hash-params.js';

export const RULES: readonly JsRule[] = [
  loginNoThrottling,
  loginUserEnumeration,
  weakPasswordHash,
  weakPasswordHashParams,
];
