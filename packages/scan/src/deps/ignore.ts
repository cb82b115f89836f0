import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '@rampart/core';
import { parseJsonFile } from './lockfile/json-text.js';

/** The file that silences advisories the team has assessed, each with a reason and an end date. */
export const IGNORE_FILE = 'rampart-ignore.json';

export class IgnoreFileError extends UserError {
  override name = 'IgnoreFileError';
}

export interface IgnoreEntry {
  /** Advisory id or any alias (GHSA, CVE, ...). */
  readonly id: string;
  /** Only for this package; every package when absent. */
  readonly package?: string;
  /** Why it is safe to ignore for now. Required: an ignore without a reason is a forgotten risk. */
  readonly reason: string;
  /** YYYY-MM-DD: the last day the entry applies. Required, so that every ignore is looked at again. */
  readonly expires: string;
}

const KEYS = ['id', 'package', 'reason', 'expires'];

/** Reads and checks an ignore file; errors name the file and the entry. */
export function readIgnoreFile(path: string, required: boolean): IgnoreEntry[] {
  if (!existsSync(path)) {
    if (required) throw new IgnoreFileError(`${path}: ignore file not found`);
    return [];
  }
  let raw: unknown;
  try {
    raw = parseJsonFile(readFileSync(path, 'utf8'), path);
  } catch (err) {
    throw new IgnoreFileError((err as Error).message);
  }
  const list = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { ignore?: unknown }).ignore : undefined;
  if (!Array.isArray(list)) throw new IgnoreFileError(`${path}: expected { "ignore": [ { "id", "reason", "expires" }, ... ] }`);
  return list.map((e, i): IgnoreEntry => {
    const where = `${path}: ignore[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new IgnoreFileError(`${where} must be an object`);
    const o = e as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!KEYS.includes(k)) throw new IgnoreFileError(`${where}: unknown key "${k}" (known: ${KEYS.join(', ')})`);
    if (typeof o.id !== 'string' || o.id.trim() === '') throw new IgnoreFileError(`${where}: "id" must name the advisory, e.g. "GHSA-xxxx-xxxx-xxxx" or "CVE-2024-1234"`);
    if (typeof o.reason !== 'string' || o.reason.trim().length < 3) throw new IgnoreFileError(`${where} (${o.id}): "reason" is required: say why this advisory does not apply or can wait`);
    if (typeof o.expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(o.expires) || Number.isNaN(Date.parse(`${o.expires}T00:00:00Z`))) {
      throw new IgnoreFileError(`${where} (${o.id}): "expires" is required, as a date YYYY-MM-DD, e.g. "2026-12-31"`);
    }
    if (o.package !== undefined && typeof o.package !== 'string') throw new IgnoreFileError(`${where} (${o.id}): "package" must be a package name`);
    return { id: o.id, reason: o.reason, expires: o.expires, ...(typeof o.package === 'string' ? { package: o.package } : {}) };
  });
}

/** An entry applies through the whole day it names (UTC). */
export function isExpired(entry: IgnoreEntry, now: Date): boolean {
  return Date.parse(`${entry.expires}T23:59:59.999Z`) < now.getTime();
}
