// Registry of this folder's rules: adding a rule adds one import and one list entry here.
import type { FileRule } from '../types.js';

export const RULES: readonly FileRule[] = [
];
