import { pathToFileURL } from 'node:url';
import type { Finding, RuleMeta, Span, TraceStep } from '../finding.js';
import { practice } from '../practices.js';
import { HOMEPAGE } from '../project.js';
import type { Report, ScanWarning, SkippedFile } from '../report.js';
import type { Confidence, Severity } from '../severity.js';

/** Where SARIF consumers (GitHub code scanning, VS Code's SARIF viewer) find the schema. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const RAMPART_INFORMATION_URI = HOMEPAGE;
/** The uriBaseId every artifact location is relative to; `originalUriBaseIds` maps it to the scanned root. */
export const SRCROOT = '%SRCROOT%';
/** Key of our fingerprint in `partialFingerprints`; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'rampart/v1';

type SarifLevel = 'error' | 'warning' | 'note';

export const SARIF_LEVEL: Readonly<Record<Severity, SarifLevel>> = Object.freeze({
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
});

/**
 * `security-severity` as GitHub code scanning reads it (a number as a string): over 9.0 is
 * critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
 */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = Object.freeze({
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
});

const PRECISION: Readonly<Record<Confidence, string>> = Object.freeze({ high: 'high', medium: 'medium', low: 'low' });

/**
 * A relative, forward-slash path as a URI reference: each segment percent-encoded, which also
 * encodes ":" so that a file named "c:x.js" cannot read as a URI with scheme "c".
 */
export function artifactUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function rootUri(root: string): string {
  // `rampart probe` reports on a site: its root is an http(s) origin, not a folder.
  const href = /^https?:\/\//.test(root) ? root : pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** SARIF regions need positive numbers; a rule that reports line 0 must not make the whole log invalid. */
function region(span: Span, snippet?: string) {
  const startLine = Math.max(1, span.line);
  const startColumn = Math.max(1, span.column);
  const endLine = Math.max(startLine, span.endLine);
  const endColumn = Math.max(1, endLine === startLine ? Math.max(startColumn, span.endColumn) : span.endColumn);
  return { startLine, startColumn, endLine, endColumn, ...(snippet ? { snippet: { text: snippet } } : {}) };
}

function physicalLocation(file: string, span: Span, snippet?: string) {
  return { artifactLocation: { uri: artifactUri(file), uriBaseId: SRCROOT }, region: region(span, snippet) };
}

function ruleDescriptor(rule: RuleMeta) {
  const p = practice(rule.practice);
  const tags = [...new Set(['security', `practice-${p.id}`, rule.cwe, p.slug].filter((t) => t !== ''))];
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.fix}\n\n${rule.description}\n\nPractice ${p.id}: ${p.title}. ${rule.cwe}.`,
      markdown: `**Fix:** ${rule.fix}\n\n${rule.description}\n\nPractice ${p.id}: ${p.title} · ${rule.cwe}`,
    },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags,
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: PRECISION[rule.confidence],
      practice: p.id,
      cwe: rule.cwe,
    },
  };
}

/** A finding whose rule is missing from `report.rules` still gets a descriptor, so that ruleIndex is always valid. */
function metaFromFinding(f: Finding): RuleMeta {
  return { id: f.ruleId, title: f.ruleId, practice: f.practice, cwe: f.cwe, severity: f.severity, confidence: f.confidence, description: f.message, fix: f.fix };
}

function codeFlow(f: Finding) {
  if (!f.trace) return undefined;
  const steps: [string, TraceStep][] = [
    ['source', f.trace.source],
    ...f.trace.steps.map((s): [string, TraceStep] => ['step', s]),
    ['sink', f.trace.sink],
  ];
  return [
    {
      message: { text: `${f.trace.source.label} → ${f.trace.sink.label}` },
      threadFlows: [
        {
          locations: steps.map(([kind, s], i) => ({
            location: { physicalLocation: physicalLocation(s.file, s), message: { text: s.label } },
            kinds: ['taint', kind],
            executionOrder: i + 1,
          })),
        },
      ],
    },
  ];
}

function notificationForWarning(w: ScanWarning) {
  const span = { line: w.line ?? 1, column: w.column ?? 1, endLine: w.line ?? 1, endColumn: w.column ?? 1 };
  return {
    level: w.kind === 'parse-error' || w.kind === 'rule-error' ? 'error' : 'warning',
    message: { text: w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}` : w.message },
    descriptor: { id: w.kind },
    ...(w.file
      ? { locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(w.file), uriBaseId: SRCROOT }, ...(w.line ? { region: region(span) } : {}) } }] }
      : {}),
  };
}

function notificationForSkipped(s: SkippedFile) {
  return {
    level: 'note',
    message: { text: `Skipped ${s.file}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}` },
    descriptor: { id: `skipped-${s.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(s.file.replace(/\/$/, '')), uriBaseId: SRCROOT } } }],
  };
}

/** The report as a SARIF 2.1.0 log object (one run). */
export function toSarif(report: Report) {
  const metas = new Map<string, RuleMeta>();
  for (const r of report.rules) if (!metas.has(r.id)) metas.set(r.id, r);
  for (const f of report.findings) if (!metas.has(f.ruleId)) metas.set(f.ruleId, metaFromFinding(f));
  const ruleIds = [...metas.keys()];
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

  const results = report.findings.map((f) => {
    const flows = codeFlow(f);
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId)!,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: physicalLocation(f.file, f, f.snippet || undefined) }],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      ...(flows ? { codeFlows: flows } : {}),
      properties: {
        practice: f.practice,
        cwe: f.cwe,
        severity: f.severity,
        confidence: f.confidence,
        ...(f.advisoryId ? { package: f.package, version: f.version, advisoryId: f.advisoryId, aliases: f.aliases ?? [] } : {}),
        ...(f.dependency?.score !== undefined ? { 'security-severity': f.dependency.score.toFixed(1) } : {}),
      },
    };
  });

  const s = report.summary;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'Rampart',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: RAMPART_INFORMATION_URI,
            rules: [...metas.values()].map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [...report.warnings.map(notificationForWarning), ...report.skipped.map(notificationForSkipped)],
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(report.root) } },
        // Our columns count UTF-16 code units (see Position in finding.ts).
        columnKind: 'utf16CodeUnits' as const,
        results,
        properties: {
          filesScanned: s.filesScanned,
          filesSkipped: s.filesSkipped,
          suppressed: s.suppressed,
          baselined: s.baselined,
          durationMs: s.durationMs,
        },
      },
    ],
  };
}

/** `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. */
export function formatSarif(report: Report): string {
  return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}
