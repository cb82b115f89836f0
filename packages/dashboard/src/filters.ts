import { SECURITY_EVENT_KINDS, type SecurityEvent } from '@rampart/core';

/** Query filters of /api/events and /api/aggregates; every field is optional and exact-match except time. */
export interface EventFilter {
  readonly kind?: string;
  readonly practice?: number;
  readonly rule?: string;
  readonly action?: string;
  readonly route?: string;
  readonly ip?: string;
  /** Epoch milliseconds, inclusive. */
  readonly since?: number;
  /** Epoch milliseconds, inclusive. */
  readonly until?: number;
}

/** Longest filter value accepted; longer values are a mistake or an attack. */
const MAX_FILTER_LENGTH = 200;

export class FilterError extends Error {}

function parseTime(name: string, value: string): number {
  const n = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(n)) throw new FilterError(`${name}: expected an ISO 8601 time or epoch milliseconds`);
  return n;
}

/** Reads the filter from URL search parameters; throws FilterError naming the bad parameter. */
export function parseFilter(params: URLSearchParams): EventFilter {
  const out: Record<string, string | number> = {};
  for (const name of ['kind', 'practice', 'rule', 'action', 'route', 'ip', 'since', 'until']) {
    const value = params.get(name);
    if (value === null || value === '') continue;
    if (value.length > MAX_FILTER_LENGTH) throw new FilterError(`${name}: longer than ${MAX_FILTER_LENGTH} characters`);
    if (name === 'kind' && !(SECURITY_EVENT_KINDS as readonly string[]).includes(value)) {
      throw new FilterError(`kind: expected one of ${SECURITY_EVENT_KINDS.join(', ')}`);
    }
    if (name === 'practice') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 11) throw new FilterError('practice: expected a whole number from 1 to 11');
      out.practice = n;
    } else if (name === 'since' || name === 'until') out[name] = parseTime(name, value);
    else out[name] = value;
  }
  return out as EventFilter;
}

export function matchesFilter(event: SecurityEvent, filter: EventFilter): boolean {
  if (filter.kind !== undefined && event.kind !== filter.kind) return false;
  if (filter.practice !== undefined && event.practice !== filter.practice) return false;
  if (filter.rule !== undefined && event.rule !== filter.rule) return false;
  if (filter.action !== undefined && event.action !== filter.action) return false;
  if (filter.route !== undefined && event.route !== filter.route) return false;
  if (filter.ip !== undefined && event.ip !== filter.ip) return false;
  if (filter.since !== undefined || filter.until !== undefined) {
    const t = Date.parse(event.time);
    if (filter.since !== undefined && !(t >= filter.since)) return false;
    if (filter.until !== undefined && !(t <= filter.until)) return false;
  }
  return true;
}
