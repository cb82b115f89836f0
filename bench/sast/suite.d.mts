// Types of suite.mjs, for the TypeScript tests that import it.
export interface SuiteClass {
  readonly id: string;
  readonly cwe: string;
  readonly practice: number;
}
export declare const CLASSES: readonly SuiteClass[];
export declare const CLASS_IDS: readonly string[];
export declare const FRAMEWORKS: readonly string[];
export declare const SOURCE_EXTENSIONS: readonly string[];
export declare const MIN_CASES: number;
export declare const EXAMPLE_CLASS_ALIASES: Readonly<Record<string, string>>;

export interface Marker {
  readonly file: string;
  readonly line: number;
  readonly class: string;
}
export interface Case {
  readonly id: string;
  readonly class: string;
  readonly name: string;
  readonly dir: string;
  readonly framework: string;
  readonly vulnerable: boolean;
  readonly twin: string;
  readonly description: string;
  readonly files: string[];
  readonly markers: Marker[];
}
export interface Expected {
  readonly file: string;
  readonly first: number;
  readonly last: number;
  readonly class: string;
}
export declare function parseExpectMarkers(text: string): { markers: { line: number; class: string }[]; problems: string[] };
export declare function loadSuite(casesDir: string): { cases: Case[]; problems: string[] };
export declare function expectedFindings(cases: readonly Case[]): Expected[];
export declare function exampleTaintFlaws(expectedJsonPath: string): Expected[];
