// Registry of this folder's rules: adding a rule adds one import and one list entry here.
import type { JsRule } from '../types.js';
import corsPermissive from './cors-permissive.js';
import missingSecurityHeaders from './missing-security-headers.js';
import xPoweredByEnabled from './x-powered-by-enabled.js';

export const RULES: readonly JsRule[] = [
  corsPermissive,
  missingSecurityHeaders,
  xPoweredByEnabled,
];
