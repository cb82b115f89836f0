import { semver, type SemVer } from '../semver.js';

/** One event of an OSV range: [kind, version]. */
export type RangeEvent = readonly ['introduced' | 'fixed' | 'last_affected' | 'limit', string];

/** What the index keeps of an OSV record for one package. */
export interface CompactAdvisory {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly modified: string;
  readonly severity: import('@rampart/core').Severity;
  readonly score?: number;
  readonly vector?: string;
  readonly cwe: readonly string[];
  /** SEMVER ranges only: ECOSYSTEM and GIT ranges cannot be evaluated offline for npm. */
  readonly ranges: readonly (readonly RangeEvent[])[];
  readonly versions: readonly string[];
  readonly url: string;
}

const parsed = new Map<string, SemVer | null>();

/** A cached strict parse: npm versions are semver 2.0 ("v1.2.3" and "=1.2.3" are not versions). */
export function parseVersion(v: string): SemVer | null {
  let p = parsed.get(v);
  if (p === undefined) {
    p = semver.parse(v);
    parsed.set(v, p);
  }
  return p;
}

/** semver.gt of two version strings through the parse cache: the audit compares the same few versions many times. */
export function versionGt(a: string, b: string): boolean {
  return semver.gt(parseVersion(a) ?? a, parseVersion(b) ?? b);
}

/** semver.compare of two version strings through the parse cache. */
export function versionCompare(a: string, b: string): number {
  return semver.compare(parseVersion(a) ?? a, parseVersion(b) ?? b);
}

/** Special values: "0" sorts before every version, a limit containing "*" after every one. */
function rank(event: RangeEvent): -1 | 0 | 1 {
  if (event[0] === 'introduced' && event[1] === '0') return -1;
  if (event[0] === 'limit' && event[1].includes('*')) return 1;
  return 0;
}

function compareEvents(a: RangeEvent, b: RangeEvent): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== 0 || rb !== 0) return ra - rb;
  return semver.compare(parseVersion(a[1])!, parseVersion(b[1])!);
}

/** True when every version of the range parses (or is a special value), so it can be evaluated. */
export function isEvaluableRange(events: readonly RangeEvent[]): boolean {
  return events.length > 0 && events.some((e) => e[0] === 'introduced') && events.every((e) => rank(e) !== 0 || parseVersion(e[1]) !== null);
}

export interface RangeMatch {
  readonly affected: boolean;
  /** The first `fixed` event above the version in the range that matched, when there is one. */
  readonly fixed?: string;
}

/** OSV's BeforeLimits: without limit events an implicit "*" applies. */
function beforeLimits(v: SemVer, events: readonly RangeEvent[]): boolean {
  const limits = events.filter((e) => e[0] === 'limit');
  if (limits.length === 0) return true;
  return limits.some((e) => e[1].includes('*') || semver.lt(v, parseVersion(e[1])!));
}

/**
 * OSV's IncludedInRanges for one SEMVER range, as the schema's evaluation pseudocode writes it:
 * walk the events sorted by version; `introduced` at or below v turns vulnerable on, `fixed`
 * at or below v and `last_affected` below v turn it off. Prereleases order as semver 2.0 says
 * (1.0.0-rc.1 < 1.0.0).
 */
export function includedInRange(v: SemVer, events: readonly RangeEvent[]): RangeMatch {
  if (!beforeLimits(v, events)) return { affected: false };
  const sorted = [...events].sort(compareEvents);
  let vulnerable = false;
  for (const e of sorted) {
    const [kind, value] = e;
    if (kind === 'introduced') {
      if (value === '0' || semver.gte(v, parseVersion(value)!)) vulnerable = true;
    } else if (kind === 'fixed') {
      if (semver.gte(v, parseVersion(value)!)) vulnerable = false;
    } else if (kind === 'last_affected') {
      if (semver.gt(v, parseVersion(value)!)) vulnerable = false;
    }
  }
  if (!vulnerable) return { affected: false };
  const fix = sorted.find((e) => e[0] === 'fixed' && semver.gt(parseVersion(e[1])!, v));
  return fix ? { affected: true, fixed: fix[1] } : { affected: true };
}

/** OSV's IsVulnerable for one package: listed in `versions` or inside any range. */
export function matchAdvisory(advisory: CompactAdvisory, version: string): RangeMatch {
  const v = parseVersion(version);
  let listed = false;
  for (const listedVersion of advisory.versions) {
    const lv = parseVersion(listedVersion);
    if (listedVersion === version || (v && lv && semver.eq(v, lv))) {
      listed = true;
      break;
    }
  }
  if (!v) return { affected: listed };
  let best: RangeMatch | undefined;
  for (const range of advisory.ranges) {
    const m = includedInRange(v, range);
    if (m.affected && (!best || (m.fixed && (!best.fixed || versionGt(m.fixed, best.fixed))))) best = m;
  }
  if (best) return best;
  return { affected: listed };
}
