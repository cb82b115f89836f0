import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { activeRules, analyzeFile, scan, type ScanResult } from '@rampart/scan';

const TAINT_IDS = new Set([
  'sql-injection', 'nosql-injection', 'command-injection', 'code-injection', 'path-traversal', 'ssrf', 'open-redirect', 'xss', 'prototype-pollution', 'redos',
  'xxe', 'xpath-injection', 'xml-injection', 'ldap-injection', 'log-injection', 'insecure-deserialization', 'header-injection', 'template-injection', 'data-leak',
]);

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Writes a project (relative path → text) into a fresh temporary folder. */
export function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rampart-taint-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** Scans a project in this process and keeps only the taint findings. */
export async function scanTaint(files: Record<string, string>): Promise<ScanResult & { taint: ScanResult['findings'] }> {
  const report = await scan(project(files), { workers: 0 });
  return { ...report, taint: report.findings.filter((f) => TAINT_IDS.has(f.ruleId)) };
}

/** "rule-id@line" for each taint finding of one file analysed alone, sorted. */
export function flowsIn(code: string, filename = 'app.js'): string[] {
  const result = analyzeFile(filename, code, activeRules({}));
  const broken = result.warnings.filter((w) => w.kind === 'parse-error' || w.kind === 'rule-error');
  if (broken.length > 0) throw new Error(broken.map((w) => w.message).join('\n'));
  return result.findings.filter((f) => TAINT_IDS.has(f.ruleId)).map((f) => `${f.ruleId}@${f.line}`).sort();
}

/** One file's code and the taint findings it must give ("rule@line"), named by the behaviour it pins. */
export interface FlowCase {
  readonly name: string;
  readonly code: string;
  readonly expect: readonly string[];
  readonly filename?: string;
}

/** One test per case, inside the caller's describe(). */
export function itFlows(cases: readonly FlowCase[]): void {
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(flowsIn(c.code, c.filename), [...c.expect].sort());
    });
  }
}
