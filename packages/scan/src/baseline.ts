import { readFile, writeFile } from 'node:fs/promises';
import { UserError, type Finding } from '@rampart/core';

/**
 * A baseline records the fingerprints of findings a team has accepted for now, so a scan
 * of an old codebase fails only on new ones. Fingerprints ignore line numbers.
 */
export interface Baseline {
  readonly version: 1;
  readonly createdAt: string;
  readonly findings: readonly { readonly fingerprint: string; readonly ruleId: string; readonly file: string }[];
}

export class BaselineError extends UserError {
  override name = 'BaselineError';
}

export async function readBaseline(path: string): Promise<Set<string>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new BaselineError(`Cannot read baseline ${path}: ${(err as Error).message}`);
  }
  const b = raw as Partial<Baseline>;
  if (!b || b.version !== 1 || !Array.isArray(b.findings)) {
    throw new BaselineError(`${path} is not a Rampart baseline (expected {"version": 1, "findings": [...]}); write one with --baseline-write`);
  }
  return new Set(b.findings.map((f) => f.fingerprint));
}

export async function writeBaseline(path: string, findings: readonly Finding[]): Promise<void> {
  const baseline: Baseline = {
    version: 1,
    createdAt: new Date().toISOString(),
    findings: findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file })),
  };
  await writeFile(path, `${JSON.stringify(baseline, null, 2)}\n`);
}
