import { createHash } from 'node:crypto';
import type { PracticeId } from './practices.js';
import type { Confidence, Severity } from './severity.js';

/** A place in a file. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** One step of a data flow, from where untrusted data enters to where it does harm. */
export interface TraceStep extends Span {
  readonly file: string;
  /** What happens here, e.g. "req.query.id flows into `sql`". */
  readonly label: string;
}

export interface Trace {
  readonly source: TraceStep;
  readonly steps: readonly TraceStep[];
  readonly sink: TraceStep;
}

/** What every rule declares about itself; the same id names its file, test, doc and config key. */
export interface RuleMeta {
  /** kebab-case, unique across Rampart, e.g. "no-eval". */
  readonly id: string;
  /** One line, shown in tables. */
  readonly title: string;
  readonly practice: PracticeId;
  /** e.g. "CWE-95". */
  readonly cwe: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** A paragraph: what is wrong and why it matters. */
  readonly description: string;
  /** How to fix it, in a sentence or two. */
  readonly fix: string;
}

/** A step up that removes a vulnerability: the direct dependency and the version to move it to. */
export interface DependencyUpgrade {
  readonly package: string;
  readonly from: string;
  readonly to: string;
}

/** What a finding about a vulnerable dependency (practice 4) adds to the common fields. */
export interface DependencyDetails {
  /** The advisory's one-line summary. */
  readonly summary: string;
  /** CVSS score when the advisory carries a vector (v2, v3.x or v4.0). */
  readonly score?: number;
  /** The CVSS vector the score comes from. */
  readonly cvss?: string;
  /** The lowest version of the package that the advisory says is fixed, above the installed one. */
  readonly fixedVersion?: string;
  /** The smallest upgrade of a direct dependency that removes the vulnerability, when the data allows. */
  readonly upgrade?: DependencyUpgrade;
  /** Shortest dependency paths from the project, e.g. "express > body-parser > qs" (a bounded number). */
  readonly paths: readonly string[];
  /** True when the package is only installed for development (devDependencies). */
  readonly devOnly: boolean;
  /** The advisory's page. */
  readonly url: string;
}

/** A problem found by a rule. `file` is relative to the scanned root, with forward slashes. */
export interface Finding extends Span {
  readonly ruleId: string;
  readonly practice: PracticeId;
  readonly cwe: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly message: string;
  readonly file: string;
  /** The source line(s) of the finding, trimmed to a sensible length. */
  readonly snippet: string;
  readonly fix: string;
  readonly trace?: Trace;
  /**
   * What exactly was found, for rules that find several kinds of thing: the secret rule id
   * (e.g. "aws-access-key-id") for hardcoded-secret findings.
   */
  readonly type?: string;
  /** Where in git history the finding was added (secrets scan --history): full commit hash and ISO date. */
  readonly commit?: { readonly sha: string; readonly date: string };
  /** Stable across unrelated edits (line shifts); used by baselines. */
  readonly fingerprint: string;
  /** Vulnerable dependencies only: the package name. */
  readonly package?: string;
  /** Vulnerable dependencies only: the installed version. */
  readonly version?: string;
  /** Vulnerable dependencies only: the advisory id, e.g. "GHSA-xxxx-xxxx-xxxx". */
  readonly advisoryId?: string;
  /** Vulnerable dependencies only: other ids of the same vulnerability (CVE, other databases). */
  readonly aliases?: readonly string[];
  readonly dependency?: DependencyDetails;
}

/** A finding before its fingerprint is computed. */
export type FindingInput = Omit<Finding, 'fingerprint'>;

function normalizeSnippet(snippet: string): string {
  return snippet.replace(/\s+/g, ' ').trim();
}

/**
 * Fingerprints ignore line numbers so that a baseline survives code moving up or down.
 * Identical findings in one file (same rule, same code) are told apart by their order.
 */
export function withFingerprints(findings: readonly FindingInput[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    // A lockfile line can carry several advisories: the advisory and package tell them apart.
    const dependency = f.advisoryId ? `\u0000${f.advisoryId}\u0000${f.package ?? ''}` : '';
    const key = `${f.ruleId}\u0000${f.file}\u0000${normalizeSnippet(f.snippet)}${dependency}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
    return { ...f, fingerprint };
  });
}

/** Sorts by file, then position, then rule id: the order every reporter prints in. */
export function compareFindings(a: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId'>, b: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId'>): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
