// True and false findings against examples/vulnerable-shop/EXPECTED.json: a finding is
// true when it starts inside an expected flaw's line range in the same file; any other
// finding is false, and every finding on a clean example is false.
import { existsSync, readFileSync } from 'node:fs';

/** A flaw's line may be a number, [first, last], "first-last", or line with endLine. */
function lineRange(flaw) {
  const { line, endLine } = flaw;
  if (Array.isArray(line)) return [Number(line[0]), Number(line[line.length - 1])];
  if (typeof line === 'string' && /^\d+\s*-\s*\d+$/.test(line)) {
    const [a, b] = line.split('-').map(Number);
    return [a, b];
  }
  const first = Number(line);
  return [first, typeof endLine === 'number' ? endLine : first];
}

/** @returns {{ file: string, first: number, last: number, class?: string }[] | undefined} */
export function readExpectedFlaws(path) {
  if (!existsSync(path)) return undefined;
  const { flaws } = JSON.parse(readFileSync(path, 'utf8'));
  return flaws.map((f) => {
    const [first, last] = lineRange(f);
    return { file: String(f.file).replace(/^\.\//, ''), first, last, class: f.class, ruleId: f.ruleId ?? null };
  });
}

/**
 * @param {{ file: string, line: number }[]} findings paths relative to the example root
 * @param {ReturnType<typeof readExpectedFlaws>} flaws [] for a clean example
 */
export function scoreFindings(findings, flaws) {
  const found = new Set();
  let truePositives = 0;
  for (const f of findings) {
    // Several flaws can share a line (the same eval is code injection and a lint finding): a finding
    // counts for the flaw its rule is listed for, else for the first flaw on its lines.
    const at = (w) => w.file === f.file && f.line >= w.first && f.line <= w.last;
    let i = flaws.findIndex((w) => at(w) && w.ruleId !== null && w.ruleId === f.ruleId);
    if (i < 0) i = flaws.findIndex(at);
    if (i >= 0) {
      truePositives++;
      found.add(i);
    }
  }
  return { truePositives, falsePositives: findings.length - truePositives, flawsFound: found.size, flaws: flaws.length };
}
