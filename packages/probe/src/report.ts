import { VERSION, formatReport, summarize, withFingerprints, type FindingInput, type Report, type RuleMeta } from '@rampart/core';
import type { ProbeResult, ProbeTest } from './probe.js';

export const PROBE_FORMATS = ['pretty', 'json', 'sarif', 'html'] as const;
export type ProbeFormat = (typeof PROBE_FORMATS)[number];

function ruleId(t: ProbeTest): string {
  return `probe-${t.id}`;
}

/** The failed checks as core Findings (file = the URL path on the target), for SARIF and HTML. */
export function probeReport(result: ProbeResult): Report {
  const origin = new URL(result.finalUrl).origin;
  const failed = result.tests.filter((t) => !t.pass && !t.skipped);
  const inputs: FindingInput[] = failed.map((t) => {
    const u = new URL(t.url ?? result.finalUrl);
    return {
      ruleId: ruleId(t),
      practice: t.practice,
      cwe: t.cwe,
      severity: t.severity,
      confidence: 'high',
      message: `${t.title}: ${t.detail}`,
      file: `${u.pathname}${u.search}`,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      snippet: '',
      fix: `${t.fix}${t.guard ? ` Rampart guard: ${t.guard}.` : ''}`,
    };
  });
  const rules: RuleMeta[] = failed.map((t) => ({
    id: ruleId(t),
    title: t.title,
    practice: t.practice,
    cwe: t.cwe,
    severity: t.severity,
    confidence: 'high',
    description: t.why,
    fix: t.fix,
  }));
  const findings = withFingerprints(inputs);
  return {
    tool: { name: 'rampart', version: VERSION },
    root: origin,
    findings,
    rules,
    skipped: [],
    warnings: result.warnings.map((message) => ({ kind: 'config' as const, message })),
    summary: summarize(findings, { filesScanned: 0, filesSkipped: 0, baselined: 0, suppressed: 0, durationMs: result.durationMs }),
  };
}

/** `--format json`: grade, score and tests first (the documented contract), then the rest. */
function toJson(result: ProbeResult): string {
  return `${JSON.stringify(
    {
      grade: result.grade,
      score: result.score,
      tests: result.tests.map((t) => ({ ...t })),
      passed: result.passed,
      url: result.url,
      finalUrl: result.finalUrl,
      status: result.status,
      observatory: result.observatory,
      requests: result.requests,
      warnings: result.warnings,
      durationMs: result.durationMs,
    },
    null,
    2,
  )}\n`;
}

// Text from the target (header values, URLs) may hold escape sequences: show them, never run them.
function safe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function pretty(result: ProbeResult, color: boolean): string {
  const paint = (s: string, code: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const gradeColor = result.grade.startsWith('A') ? '32' : result.grade.startsWith('B') ? '33' : '31';
  const out: string[] = [
    paint(`Rampart probe ${VERSION}`, '1') + `  ${safe(result.url)}${result.finalUrl !== result.url ? ` -> ${safe(result.finalUrl)}` : ''} (HTTP ${result.status})`,
    '',
    `Grade ${paint(result.grade, `1;${gradeColor}`)}  score ${result.score}   (MDN HTTP Observatory alone: ${result.observatory.grade}, ${result.observatory.score})`,
    '',
  ];
  const section = (title: string, list: readonly ProbeTest[]) => {
    out.push(paint(title, '1'));
    for (const t of list) {
      const mark = t.skipped ? paint('SKIP', '90') : t.pass ? paint('PASS', '32') : paint('FAIL', '31');
      const mod = t.scoreModifier ? ` (${t.scoreModifier > 0 ? '+' : ''}${t.scoreModifier})` : '';
      out.push(`  ${mark} ${t.title}${mod}`);
      out.push(`       ${safe(t.detail)}`);
      if (!t.pass && !t.skipped) {
        if (t.why) out.push(`       why: ${t.why}`);
        out.push(`       fix: ${t.fix}`);
        if (t.guard) out.push(`       rampart guard: ${t.guard}`);
      }
    }
    out.push('');
  };
  section('HTTP headers (MDN HTTP Observatory tests and scoring)', result.tests.filter((t) => t.source === 'observatory'));
  section('Leaks and misconfigurations (Rampart checks)', result.tests.filter((t) => t.source === 'rampart'));
  for (const w of result.warnings) out.push(paint(`note: ${safe(w)}`, '33'));
  const failed = result.tests.filter((t) => !t.pass && !t.skipped).length;
  out.push(`${failed} of ${result.tests.length} checks failed; ${result.requests.length} requests sent in ${result.durationMs} ms (list them with --format json).`);
  return `${out.join('\n')}\n`;
}

export function formatProbe(result: ProbeResult, format: ProbeFormat, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return toJson(result);
    case 'pretty':
      return pretty(result, options.color === true);
    case 'sarif':
    case 'html':
      return formatReport(probeReport(result), format);
    default:
      throw new RangeError(`Unknown probe format ${JSON.stringify(format)}: expected one of ${PROBE_FORMATS.join(', ')}`);
  }
}
