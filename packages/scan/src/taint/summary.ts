/**
 * The serialisable facts one file's taint pass hands to the link phase (worker processes
 * send them back as JSON): what its exported functions do with their parameters, which
 * imported functions it calls with what, and which sinks wait for an imported value.
 */
import type { Confidence, TraceStep } from '@rampart/core';
import type { TaintClass } from './classes.js';

export type Step = TraceStep;

export interface SourceRef {
  /** e.g. "req.query.id". */
  readonly label: string;
  readonly step: Step;
  readonly confidence: Confidence;
}

/** Where a flow comes from: a source, a parameter of a function (by id), or the result of an imported call. */
export type Origin =
  | { readonly k: 's'; readonly src: SourceRef }
  /** A parameter; `fld`: one field of it (`opts.ip`, `{ ip }`), so a caller's object literal gives that field's flows only. */
  | { readonly k: 'p'; readonly i: number; readonly f: number; readonly fld?: string }
  /** The result of another file's function, call `c` of this file; `fld`: one field of it (`q.text`). */
  | { readonly k: 'r'; readonly c: number; readonly fld?: string }
  /** A request field set by a middleware (`req.tenant`), resolved by the link phase. */
  | { readonly k: 'f'; readonly name: string };

export interface Flow {
  readonly o: Origin;
  /** Classes this flow can no longer cause (sanitized, or not applicable to its source). */
  readonly m: number;
  /** Steps after the origin, in order. */
  readonly t: readonly Step[];
}

/** A sink the value of parameter `i` reaches inside a function. */
export interface ParamSink {
  readonly i: number;
  /** The sink is reached by this field of the parameter only. */
  readonly fld?: string;
  readonly cls: TaintClass;
  readonly m: number;
  readonly t: readonly Step[];
  readonly sink: SinkSite;
}

export interface SinkSite {
  readonly step: Step;
  /** Source line(s) of the sink, for the finding's snippet. */
  readonly snippet: string;
  readonly message: string;
  readonly confidence: Confidence;
  /** A send to every connected client (`wss.clients` each, `io.emit`): owner-only data leaks there too. */
  readonly broadcast?: boolean;
}

/** What calling an exported function does. */
export interface ExportSummary {
  /** Flows into its return value: parameters (k 'p', f is this export's function), sources, imported results. */
  readonly ret: Flow[];
  readonly sinks: ParamSink[];
  /** It returns an object or array literal (never HTML text). */
  readonly retObject?: boolean;
  /** Flows of each field of the object literal it returns, when that is all it returns. */
  readonly retFields?: Record<string, Flow[]>;
}

/** A call to a function of another file of the project. */
export interface CallRecord {
  /** The import specifier as written ('./db', '../lib/git.js'). */
  readonly spec: string;
  /** Export path: ['readmeAt'], ['default'], [] for the module itself (`module.exports = fn`). */
  readonly path: readonly string[];
  /** Flows of each argument (sources, or parameters of the calling function). */
  readonly args: Flow[][];
  /**
   * For an argument written as an object literal with no spread (`{ account, reference }`): the
   * flows of each of its fields, so a callee sink on one field (`<Account>${account}`) takes that field's only.
   */
  readonly argFields?: (Record<string, Flow[]> | null)[];
  readonly step: Step;
}

/**
 * What an imported constant must be for a sink to be one, checked by the link phase:
 * `backtracks`: a regular expression that backtracks (`EMAIL.test(input)` with EMAIL imported);
 * `noent`: parse options with entity substitution on (`parseXml(input, xmlParseOptions)`).
 */
export interface ConstantNeed {
  readonly spec: string;
  readonly path: readonly string[];
  readonly test: 'backtracks' | 'noent';
}

/** A sink reached by the result of an imported call (k 'r' flows), or one that holds only if an imported constant is what `needs` says. */
export interface DeferredSink {
  readonly flow: Flow;
  readonly cls: TaintClass;
  readonly sink: SinkSite;
  readonly needs?: ConstantNeed;
}

/** An exported constant the link phase may need: a regular expression literal, or an object literal's literal fields. */
export interface ExportedConstant {
  readonly regex?: { readonly pattern: string; readonly flags: string };
  readonly fields?: Readonly<Record<string, string>>;
  /** Fields (dotted, two levels deep) of an exported object literal named like secrets: a config module's `jwtSecret`, `db.password`. */
  readonly secrets?: readonly string[];
}

export interface FileSummary {
  readonly file: string;
  /**
   * Its exported functions were not read (no request input in the file): `exports` lists their
   * names with empty summaries; the link phase completes the summary where flows reach them.
   */
  readonly partial?: boolean;
  readonly exports: Record<string, ExportSummary & { readonly fn: number }>;
  readonly calls: CallRecord[];
  readonly deferred: DeferredSink[];
  /** res.render('view', { name: input }): resolved by the link phase, which reads the view file. */
  readonly renders: { readonly view: string; readonly fields: Record<string, Flow[]>; readonly site: SinkSite }[];
  /** Re-exports: `export * from` (names undefined) and `export { exported: local } from`. */
  readonly reexports?: { readonly spec: string; readonly names?: Record<string, string> }[];
  /** Request fields this file's middleware sets from input, with their flows. */
  readonly requestFields: Record<string, Flow[]>;
  /** Objects of relative modules this file stores on `app.locals` (`app.locals.db = new Db()`): spec and export path of their class. */
  readonly appLocals?: Record<string, { readonly spec: string; readonly path: readonly string[] }>;
  /** Relative modules this file imports: files joined by imports form one app, whose middleware sets its routes' request fields. */
  readonly imports?: readonly string[];
  /** Exported constants (regular expressions, option objects) by export name. */
  readonly constants?: Record<string, ExportedConstant>;
  /** Lines with a suppression comment naming taint rule ids, for findings made at link time. */
  readonly ignores: [number, string[]][];
}
