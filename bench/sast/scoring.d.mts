// Types of scoring.mjs, for the TypeScript tests that import it.
import type { Expected } from './suite.mjs';

export interface ClassFinding {
  readonly file: string;
  readonly line: number;
  readonly class: string;
}
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Score {
  readonly perClass: Map<string, Counts>;
  readonly total: Counts;
  readonly duplicates: number;
  readonly truePositives: ClassFinding[];
  readonly falsePositives: ClassFinding[];
  readonly falseNegatives: Expected[];
}
export declare function scoreFindings(expected: readonly Expected[], findings: readonly ClassFinding[], classes: readonly string[]): Score;
export declare function recall(counts: Counts): number | undefined;
export declare function precision(counts: Counts): number | undefined;
export declare function percent(ratio: number | undefined): string;
