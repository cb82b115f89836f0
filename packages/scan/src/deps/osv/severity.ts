import type * as Cvss from 'ae-cvss-calculator';
import { lazy } from '../lazy.js';
import type { Severity } from '@rampart/core';

// Needed only while an index is built: the severity is stored in it.
const cvss = lazy<typeof Cvss>('ae-cvss-calculator');

/** CVSS qualitative rating (FIRST): 9.0+ critical, 7.0+ high, 4.0+ medium, 0.1+ low, 0 none. */
export function severityOfScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/**
 * The score of a CVSS vector (v2, v3.0, v3.1, v4.0), or undefined when the vector is not
 * complete or not valid: a partial vector has no meaningful score. v4's score takes the threat
 * metrics of the vector into account (CVSS-BT); v2 and v3 give the base score.
 */
export function cvssScore(vector: string): number | undefined {
  try {
    const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvss();
    let v;
    if (vector.startsWith('CVSS:4.0/')) v = new Cvss4P0(vector);
    else if (vector.startsWith('CVSS:3.1/')) v = new Cvss3P1(vector);
    else if (vector.startsWith('CVSS:3.0/')) v = new Cvss3P0(vector);
    else if (/^(?:\(?AV:)/.test(vector)) v = new Cvss2(vector.replace(/^\(|\)$/g, ''));
    else return undefined;
    if (!v.isBaseFullyDefined()) return undefined;
    const scores = v.calculateScores();
    const score = vector.startsWith('CVSS:4.0/') ? scores.overall : scores.base;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
  } catch {
    return undefined;
  }
}

/** GitHub's database_specific.severity and similar words. */
const WORDS: Readonly<Record<string, Severity>> = Object.freeze({
  CRITICAL: 'critical',
  HIGH: 'high',
  MODERATE: 'medium',
  MEDIUM: 'medium',
  LOW: 'low',
  NONE: 'info',
});

export interface RatedSeverity {
  readonly severity: Severity;
  readonly score?: number;
  readonly vector?: string;
  /** Where the rating came from, for the docs and --format json readers. */
  readonly from: 'cvss' | 'database' | 'malware' | 'default';
}

/** Severity when the advisory gives neither a vector nor a word. */
export const UNRATED_SEVERITY: Severity = 'medium';

const CVSS_PREFERENCE = ['CVSS_V4', 'CVSS_V3', 'CVSS_V2'];

/**
 * Rates an OSV record: a CVSS vector in `severity[]` (v4 first), else in database_specific
 * (`cvss_vector`, as the Node.js security WG records write it), else the database's own word
 * (GitHub's database_specific.severity), else malware (MAL- ids) is critical, else medium.
 */
export function rateAdvisory(record: Record<string, unknown>): RatedSeverity {
  // OSV 1.5+ may rate per affected package: those count when the record has no rating of its own.
  const perPackage = Array.isArray(record.affected) ? (record.affected as { severity?: unknown }[]).flatMap((a) => (Array.isArray(a?.severity) ? (a.severity as unknown[]) : [])) : [];
  const list = Array.isArray(record.severity) && record.severity.length > 0 ? (record.severity as unknown[]) : perPackage;
  const vectors: [string, string][] = [];
  for (const s of list) {
    const o = s as { type?: unknown; score?: unknown };
    if (typeof o?.type === 'string' && typeof o.score === 'string') vectors.push([o.type, o.score]);
  }
  vectors.sort((a, b) => CVSS_PREFERENCE.indexOf(a[0]) - CVSS_PREFERENCE.indexOf(b[0]));
  const db = (typeof record.database_specific === 'object' && record.database_specific !== null ? record.database_specific : {}) as Record<string, unknown>;
  if (typeof db.cvss_vector === 'string') vectors.push(['database_specific', db.cvss_vector]);
  for (const [type, vector] of vectors) {
    if (!CVSS_PREFERENCE.includes(type) && type !== 'database_specific') continue;
    const score = cvssScore(vector);
    if (score !== undefined) return { severity: severityOfScore(score), score, vector, from: 'cvss' };
  }
  if (typeof db.severity === 'string' && WORDS[db.severity.toUpperCase()]) return { severity: WORDS[db.severity.toUpperCase()]!, from: 'database' };
  if (typeof record.id === 'string' && record.id.startsWith('MAL-')) return { severity: 'critical', from: 'malware' };
  return { severity: UNRATED_SEVERITY, from: 'default' };
}
