import type { RuleMeta } from '@rampart/core';

/** CWE-1395: Dependency on Vulnerable Third-Party Component; used when the advisory names no CWE. */
export const DEFAULT_DEPENDENCY_CWE = 'CWE-1395';

/** The rule every dependency finding reports under; severity varies per advisory. */
export const VULNERABLE_DEPENDENCY: RuleMeta = Object.freeze({
  id: 'vulnerable-dependency',
  title: 'Dependency with a known vulnerability',
  practice: 4,
  cwe: DEFAULT_DEPENDENCY_CWE,
  severity: 'high',
  confidence: 'high',
  description:
    'A package in the lockfile is installed at a version that a published advisory (OSV: GitHub, Node.js security WG and others) says is vulnerable. Attackers scan for known vulnerable versions; they are the easiest way in.',
  fix: 'Upgrade the package (or the direct dependency that brings it) to a fixed version, or force the fixed version with npm "overrides", yarn "resolutions" or pnpm "overrides". If it cannot affect you, record why in rampart-ignore.json with an expiry date.',
});
