// Registry of this folder's rules: adding a rule adds one import and one list entry here.
import type { JsRule } from '../types.js';
import insufficientLogging from './insufficient-logging.js';

export const RULES: readonly JsRule[] = [insufficientLogging];
