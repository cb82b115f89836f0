/**
 * The taint classes: one rule id per class (bench/sast and SAST-CASES.md use the same ids).
 * A flow carries a bit mask of the classes it can no longer cause (sanitized, or not
 * applicable to its source), so a class is one bit.
 */
export const TAINT_CLASSES = [
  'sql-injection',
  'nosql-injection',
  'command-injection',
  'code-injection',
  'path-traversal',
  'ssrf',
  'open-redirect',
  'xss',
  'prototype-pollution',
  'redos',
  'xxe',
  'xpath-injection',
  'xml-injection',
  'ldap-injection',
  'log-injection',
  'insecure-deserialization',
  'header-injection',
  'template-injection',
  'data-leak',
] as const;

export type TaintClass = (typeof TAINT_CLASSES)[number];

const INDEX = new Map<string, number>(TAINT_CLASSES.map((c, i) => [c, i]));

export function isTaintClass(value: unknown): value is TaintClass {
  return typeof value === 'string' && INDEX.has(value);
}

export function classBit(c: TaintClass): number {
  return 1 << INDEX.get(c)!;
}

/** The mask of a list of classes. */
export function classMask(classes: readonly TaintClass[]): number {
  let m = 0;
  for (const c of classes) m |= classBit(c);
  return m;
}

export const ALL_CLASSES_MASK = (1 << TAINT_CLASSES.length) - 1;

/**
 * Not a class: a flow whose URL scheme was checked (`/^https?:\/\//.test(x)`). At the start of an
 * href, a value is safe when it is HTML-escaped (xss) and cannot name `javascript:`: this bit, or
 * the open-redirect bit (a same-site path, an allowlisted or encoded value). Escaping alone is not.
 */
export const URL_SCHEME_CHECKED = 1 << TAINT_CLASSES.length;

/** Request input causes every class but data-leak; sensitive records cause only data-leak. */
export const INPUT_CLEARED = classBit('data-leak');
export const SENSITIVE_CLEARED = ALL_CLASSES_MASK & ~classBit('data-leak');

/**
 * Not a class: a flow that only its owner may receive (a session token in an object). Data-leak
 * sinks that answer one client ignore it; a broadcast to every client reports it.
 */
export const OWNER_ONLY = 1 << (TAINT_CLASSES.length + 1);

/**
 * Not a class: a flow whose length was checked to be at most SHORT_TEXT_LIMIT characters
 * (`if (s.length > 100) return`). A regex that backtracks polynomially cannot hang on it; one
 * that backtracks exponentially still can.
 */
export const SHORT_TEXT = 1 << (TAINT_CLASSES.length + 2);
export const SHORT_TEXT_LIMIT = 1000;

/** Whether a flow with mask `m` cannot cause `cls` at a sink: sanitized, or owner-only data not broadcast. */
export function blockedAt(m: number, cls: TaintClass, broadcast: boolean | undefined): boolean {
  return (m & classBit(cls)) !== 0 || (cls === 'data-leak' && broadcast !== true && (m & OWNER_ONLY) !== 0);
}
