import { UserError } from '@rampart/core';
import { isEvaluableRange, type CompactAdvisory, type RangeEvent } from './match.js';
import { rateAdvisory } from './severity.js';

/** The advisory database is missing, corrupt or not OSV: the message names the file and position. */
export class OsvDatabaseError extends UserError {
  override name = 'OsvDatabaseError';
}

/** Valid JSON that breaks the OSV schema: the record is left out and counted, the rest is used. */
export class InvalidOsvRecord extends OsvDatabaseError {
  override name = 'InvalidOsvRecord';
}

/** The OSV ecosystem name of npm packages. */
export const NPM_ECOSYSTEM = 'npm';

const EVENT_KINDS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Counts kept while indexing: they are shown by `rampart db status`. */
export interface IndexStats {
  records: number;
  withdrawn: number;
  /** Records without an npm package (other ecosystems in a mixed export). */
  otherEcosystems: number;
  /** SEMVER ranges with a version that is not semver: they cannot be evaluated, so they are left out. */
  skippedRanges: number;
  /** Records that are valid JSON but not valid OSV (left out), and the first few reasons. */
  invalid: number;
  invalidExamples: string[];
  newestModified: string;
}

/**
 * Checks that a parsed JSON value is an OSV record (the fields Rampart reads, with the types
 * the schema gives them) and returns, per npm package it affects, what matching needs.
 * `where` names the file (and zip entry) in errors.
 */
export function compactRecord(raw: unknown, where: string, stats: IndexStats): Map<string, CompactAdvisory> {
  const out = new Map<string, CompactAdvisory>();
  if (!isObject(raw)) throw new OsvDatabaseError(`${where}: not an OSV record (expected a JSON object)`);
  if (typeof raw.id !== 'string' || raw.id === '') throw new InvalidOsvRecord(`${where}: not an OSV record: "id" must be a non-empty string`);
  if (typeof raw.modified !== 'string') throw new InvalidOsvRecord(`${where}: OSV record ${raw.id}: "modified" must be an RFC 3339 date string`);
  if (raw.affected !== undefined && !Array.isArray(raw.affected)) throw new InvalidOsvRecord(`${where}: OSV record ${raw.id}: "affected" must be an array`);
  if (raw.modified > stats.newestModified) stats.newestModified = raw.modified;
  if (typeof raw.withdrawn === 'string' && raw.withdrawn !== '') {
    stats.withdrawn++;
    return out;
  }
  const rated = rateAdvisory(raw);
  const db = isObject(raw.database_specific) ? raw.database_specific : {};
  const cwe = strings(db.cwe_ids).filter((c) => /^CWE-\d+$/.test(c));
  const refs = Array.isArray(raw.references) ? raw.references.filter(isObject) : [];
  const advisoryRef = refs.find((r) => r.type === 'ADVISORY' && typeof r.url === 'string');
  const url = typeof advisoryRef?.url === 'string' ? advisoryRef.url : `https://osv.dev/vulnerability/${encodeURIComponent(raw.id)}`;
  let npm = 0;
  for (const [i, a] of ((raw.affected ?? []) as unknown[]).entries()) {
    if (!isObject(a) || !isObject(a.package)) throw new InvalidOsvRecord(`${where}: OSV record ${raw.id}: affected[${i}] needs a "package" object`);
    if (a.package.ecosystem !== NPM_ECOSYSTEM || typeof a.package.name !== 'string') continue;
    npm++;
    const ranges: RangeEvent[][] = [];
    for (const [j, r] of (Array.isArray(a.ranges) ? a.ranges : []).entries()) {
      if (!isObject(r) || !Array.isArray(r.events)) throw new InvalidOsvRecord(`${where}: OSV record ${raw.id}: affected[${i}].ranges[${j}] needs an "events" array`);
      if (r.type !== 'SEMVER') continue;
      const events: RangeEvent[] = [];
      for (const e of r.events) {
        if (!isObject(e)) throw new InvalidOsvRecord(`${where}: OSV record ${raw.id}: affected[${i}].ranges[${j}] has an event that is not an object`);
        const kind = EVENT_KINDS.find((k) => typeof e[k] === 'string');
        if (kind) events.push([kind, e[kind] as string]);
      }
      if (isEvaluableRange(events)) ranges.push(events);
      else stats.skippedRanges++;
    }
    const name = a.package.name;
    const previous = out.get(name);
    // Several affected[] entries for one package (per platform, per branch) are one advisory for it.
    out.set(name, {
      id: raw.id,
      aliases: strings(raw.aliases).filter((x) => x !== raw.id),
      summary: typeof raw.summary === 'string' && raw.summary !== '' ? raw.summary : typeof raw.details === 'string' ? raw.details.split('\n')[0]!.slice(0, 200) : raw.id,
      modified: raw.modified,
      severity: rated.severity,
      ...(rated.score !== undefined ? { score: rated.score } : {}),
      ...(rated.vector ? { vector: rated.vector } : {}),
      cwe,
      ranges: [...(previous?.ranges ?? []), ...ranges],
      versions: [...(previous?.versions ?? []), ...strings(a.versions)],
      url,
    });
  }
  stats.records++;
  if (npm === 0) stats.otherEcosystems++;
  return out;
}
