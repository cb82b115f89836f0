// Types of tools.mjs, for the TypeScript tests that import it.
export declare const ESLINT_RULE_CLASSES: Readonly<Record<string, string>>;
export declare function classOfRule(tool: 'rampart' | 'eslint', ruleId: string | null | undefined, message?: string): string | undefined;
export declare function classFindings(
  tool: 'rampart' | 'eslint',
  findings: readonly { file: string; line: number; ruleId: string; message?: string }[],
  root: string,
): { file: string; line: number; class: string }[];
