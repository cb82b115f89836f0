import type { Severity } from '@rampart/core';

/**
 * A sample for a secret rule. `{{...}}` spans are generator specs (see generate.ts): the
 * harness fills them with random characters in the provider's real format, so the repository
 * never holds a credential, real or fake-but-valid-looking, in plain text.
 */
export interface SecretSample {
  readonly text: string;
  /** Path the text is scanned as (decides path-bound rules such as .npmrc). Default `config/app.js`. */
  readonly path?: string;
}

/** What a secret rule stays silent on, beyond the shared hard negatives (placeholders.ts). */
export interface SecretAllowlist {
  /** The secret itself matching one of these is not reported (e.g. AWS's documented EXAMPLE keys). */
  readonly regexes?: readonly RegExp[];
  /** The secret containing one of these words (lower case) is not reported. */
  readonly stopwords?: readonly string[];
  /** Files whose relative path matches one of these are not checked by this rule. */
  readonly paths?: readonly RegExp[];
}

/**
 * A severity that depends on the secret itself rather than on its format: a Stripe test-mode
 * key is low where a live key is critical; AWS temporary (STS) credentials expire.
 */
export interface SecretTier {
  /** Tested against the secret; the first tier that matches applies. Linear-time, anchored. */
  readonly when: RegExp;
  readonly severity: Severity;
  /** What makes this tier, shown in the message and the docs table: "test-mode key". */
  readonly label: string;
}

/**
 * One kind of credential, as data: how to find it and what to tell the user about it.
 * The same id is the `type` of its findings in every report.
 */
export interface SecretRule {
  /** kebab-case, unique, e.g. "aws-access-key-id". */
  readonly id: string;
  /** Short name shown in messages, e.g. "AWS access key ID". */
  readonly title: string;
  /**
   * Lower-case words of which at least one must occur in a line before the regex runs on it:
   * the cheap pre-filter. Matched case-insensitively.
   */
  readonly keywords: readonly string[];
  /**
   * Finds the secret. Must be linear-time: bounded quantifiers only, no nested quantifiers.
   * Run line by line (a window around the keyword on very long lines), except `multiline` rules.
   */
  readonly regex: RegExp;
  /** Minimum Shannon entropy (bits per character) of the secret; lower values are ignored. */
  readonly entropy?: number;
  /** Only files whose relative path matches (e.g. `.npmrc`). */
  readonly paths?: RegExp;
  /** The regex spans lines (PEM blocks): it runs on a bounded window from the keyword on. */
  readonly multiline?: boolean;
  /** The match may continue on the next line (YAML `- name: X` then `value: Y`). */
  readonly nextLine?: boolean;
  /**
   * The literal is the key whatever its value (a JWT signing secret in a call): "secret" and
   * "changeme" are findings too; only placeholder words (YOUR_..., <...>, ${...}) are not.
   */
  readonly anyLiteral?: boolean;
  /**
   * Picks the secret out of a match, or returns undefined to drop the match (a check the regex
   * cannot make, e.g. "decodes to user:password"). Default: the first capture group that matched.
   */
  readonly extract?: (match: RegExpExecArray, path: string) => string | undefined;
  /**
   * A value found by name alone (no format of its own) inside a code example of a documentation
   * comment (a Markdown fence or an `@example` in a `/* ... *\/` block of a source file) is the
   * example, not a secret. Rules that know a provider's format leave this off: their keys are
   * keys wherever they are written.
   */
  readonly skipDocExamples?: boolean;
  readonly allowlist?: SecretAllowlist;
  /**
   * How bad a leak is (see docs/secrets.md, "Severity"): critical for account-wide cloud,
   * payment, publishing or admin credentials and private keys; high for service API keys that
   * write; medium for webhooks and generic high-entropy assignments; low for test-mode keys
   * and identifiers. `tiers` refine it per secret.
   */
  readonly severity: Severity;
  /** Severities for some values of this format (test-mode keys, temporary credentials), tried in order. */
  readonly tiers?: readonly SecretTier[];
  /** What the secret gives access to: one sentence. */
  readonly access: string;
  /** How to rotate (revoke and replace) it: one or two sentences. */
  readonly rotate: string;
  /** Texts this rule must flag (once each) and texts no rule may flag. */
  readonly samples: { readonly truePositives: readonly (string | SecretSample)[]; readonly falsePositives: readonly (string | SecretSample)[] };
}

/** A secret found in a text. Lines and columns are 1-based. */
export interface SecretMatch {
  readonly rule: SecretRule;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The secret value. Never printed: use `redact()`. */
  readonly secret: string;
  /** The rule's severity, or that of the first of its tiers the secret matches. */
  readonly severity: Severity;
  /** The label of that tier ("test-mode key"), when one matched. */
  readonly tier?: string;
  /** The line with every secret found on it redacted, trimmed. */
  readonly snippet: string;
}
