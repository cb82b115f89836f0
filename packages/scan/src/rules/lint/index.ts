// Registry of this folder's rules: adding a rule adds one import and one list entry here.
import type { JsRule } from '../types.js';
import noEval from './no-eval.js';

export const RULES: readonly JsRule[] = [
  noEval,
];
