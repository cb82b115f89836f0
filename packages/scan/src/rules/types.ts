import type { Confidence, RuleMeta, Severity, Span, Trace } from '@rampart/core';

/**
 * An ESTree / TS-ESTree node as produced by oxc-parser (in the scanner) or by
 * ESLint's parser (in eslint-plugin-rampart). Rules read it structurally.
 */
export interface Node {
  type: string;
  parent?: Node | null;
  // eslint-style and oxc-style positions; the engine reads whichever exists.
  start?: number;
  end?: number;
  range?: [number, number];
  [key: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The part of ESLint's SourceCode that rules may use, so they run unchanged inside ESLint. */
export interface RuleSourceCode {
  readonly text: string;
  readonly ast: Node;
  getText(node?: Node): string;
}

export interface ReportDescriptor {
  node: Node;
  /** Specific message; defaults to the rule's title. */
  message?: string;
  /** Lower the confidence of this one report (e.g. a heuristic match). */
  confidence?: Confidence;
  /** Raise or lower severity for this one report (e.g. a literal secret vs a weak setting). */
  severity?: Severity;
  /** The data flow behind the report (taint rules): source, steps, sink. */
  trace?: Trace;
  /** Where to report when it is not the node's own span (1-based lines and columns). */
  span?: Span;
}

/** The part of ESLint's rule context that rules may use. */
export interface JsRuleContext {
  /** Path of the file; relative to the scan root in the scanner, as ESLint gives it in ESLint. */
  readonly filename: string;
  readonly sourceCode: RuleSourceCode;
  report(descriptor: ReportDescriptor): void;
  /** Shared settings, as ESLint's `context.settings`; the scanner passes `taint` (the taint tables in force). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** Visitor keyed by ESTree node type, plus "Program:exit" and "<Type>:exit". */
export type Visitors = Record<string, (node: Node) => void>;

export interface InvalidSample {
  readonly code: string;
  /** How many findings the sample must produce. Default 1. */
  readonly count?: number;
  /** File name for the sample (decides JS/TS/JSX). Default "sample.js". */
  readonly filename?: string;
}

export interface ValidSample {
  readonly code: string;
  readonly filename?: string;
}

export interface Samples {
  /** Code the rule must stay silent on: the false alarms we refuse to raise. */
  readonly valid: readonly (string | ValidSample)[];
  /** Code the rule must flag. */
  readonly invalid: readonly (string | InvalidSample)[];
}

/** A rule over JavaScript/TypeScript syntax trees. Must only use what ESLint also provides. */
export interface JsRule {
  readonly kind: 'js';
  readonly meta: RuleMeta;
  readonly samples: Samples;
  create(context: JsRuleContext): Visitors;
}

/** A place in a non-JS file (Dockerfile, YAML...). 1-based lines and columns. */
export interface FileFindingInput {
  readonly line: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message?: string;
  readonly severity?: Severity;
  readonly confidence?: Confidence;
  /** Replaces the source lines the engine would show (a secret rule shows the line redacted). */
  readonly snippet?: string;
  /** What exactly was found, for rules that find several kinds of thing (the secret rule id). */
  readonly type?: string;
  /** Fix advice for this one finding (e.g. how to rotate this provider's key). */
  readonly fix?: string;
}

export interface TextFile {
  /** Relative to the scan root, forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** A rule over whole files of some other kind: Dockerfiles, Kubernetes and Compose manifests. */
export interface FileRule {
  readonly kind: 'file';
  readonly meta: RuleMeta;
  readonly samples: {
    readonly valid: readonly { readonly filename: string; readonly code: string }[];
    readonly invalid: readonly { readonly filename: string; readonly code: string; readonly count?: number }[];
  };
  /** Cheap test on the relative path: does this rule look at this file at all? */
  appliesTo(path: string): boolean;
  check(file: TextFile): FileFindingInput[];
}

export type Rule = JsRule | FileRule;
