import type { Finding, RuleMeta, TraceStep } from '../finding.js';
import { PRACTICES, type Practice } from '../practices.js';
import type { Report } from '../report.js';
import { SEVERITIES, type Severity } from '../severity.js';
import { countSkippedByReason, formatDuration, groupByPractice, plural, practicesChecked } from './grouping.js';
import { revealControlChars } from './untrusted-text.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values. Everything a report
 * shows comes from scanned code, so every interpolated value goes through here.
 */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** Untrusted text for display: invisible and bidi control characters made visible, then escaped. */
function text(value: string | number): string {
  return escapeHtml(revealControlChars(String(value)));
}

// Contrast of white on each badge colour is at least 7:1 (WCAG AAA); the label says the
// severity in words too, so colour is never the only signal.
const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg-soft: #f6f8fa;
  --critical: #7f1d1d; --high: #b42318; --medium: #8a4b00; --low: #1f4fbf; --info: #4b5563; --ok: #116329; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 0; display: inline; }
h3 { font-size: 1rem; margin: 0; }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted { color: var(--muted); }
.totals { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: 1rem 0; padding: 0; list-style: none; }
.totals li { white-space: nowrap; }
.sev { display: inline-block; min-width: 5.5rem; padding: 0 .4rem; border-radius: .25rem; color: #fff; font-weight: 600; font-size: .8rem; text-align: center; text-transform: uppercase; letter-spacing: .03em; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); }
.sev-low { background: var(--low); } .sev-info { background: var(--info); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .75rem; margin: 1rem 0 2rem; padding: 0; list-style: none; }
.card { border: 1px solid var(--line); border-left: .35rem solid var(--info); border-radius: .4rem; padding: .6rem .8rem; }
.card.worst-critical { border-left-color: var(--critical); } .card.worst-high { border-left-color: var(--high); }
.card.worst-medium { border-left-color: var(--medium); } .card.worst-low { border-left-color: var(--low); } .card.clean { border-left-color: var(--ok); } .card.unchecked { border-left-color: var(--line); }
.card .status { font-weight: 600; } .card.clean .status { color: var(--ok); } .card.unchecked .status { color: var(--muted); }
.card ul { margin: .25rem 0 0; padding: 0; list-style: none; font-size: .85rem; }
.card a { color: inherit; }
section.practice { margin: 0 0 2rem; }
section.practice > details > summary { cursor: pointer; padding: .4rem 0; border-bottom: 2px solid var(--line); }
article.finding { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem 1rem; margin: .75rem 0; break-inside: avoid; }
.finding header { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; }
.finding .rule { font-weight: 600; }
.finding .message { margin: .4rem 0; }
.finding pre { background: var(--bg-soft); border: 1px solid var(--line); border-radius: .3rem; padding: .5rem .75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-word; margin: .4rem 0; }
.finding .fix { margin: .4rem 0; }
.finding details { margin: .25rem 0; } .finding summary { cursor: pointer; color: var(--muted); }
ol.trace { margin: .25rem 0; } ol.trace .kind { display: inline-block; min-width: 3.5rem; font-weight: 600; }
dl.about { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .25rem 0; } dl.about dt { color: var(--muted); } dl.about dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { text-align: left; padding: .2rem .75rem .2rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
.none { padding: 1rem; border: 1px solid var(--ok); border-radius: .4rem; color: var(--ok); font-weight: 600; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .card, article.finding, tr { break-inside: avoid; }
  summary { list-style: none; }
  a { color: inherit; text-decoration: none; }
}
`;

function severityBadge(severity: Severity): string {
  return `<span class="sev sev-${severity}">${severity}</span>`;
}

function where(file: string, line: number, column: number): string {
  return `<code>${text(file)}:${line}:${column}</code>`;
}

function header(report: Report): string {
  const s = report.summary;
  const bySeverity = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0)
    .map((sev) => `<li>${severityBadge(sev)} ${s.bySeverity[sev]}</li>`)
    .join('');
  const extra = [
    ...(s.suppressed ? [`<li>${s.suppressed} suppressed</li>`] : []),
    ...(s.baselined ? [`<li>${s.baselined} baselined</li>`] : []),
    ...(report.warnings.length ? [`<li><a href="#warnings">${plural(report.warnings.length, 'warning')}</a></li>`] : []),
  ].join('');
  return `<header>
<h1>Rampart security report</h1>
<p class="muted">Rampart ${text(report.tool.version)} · <code>${text(report.root)}</code></p>
<ul class="totals">
<li><strong>${plural(s.total, 'finding')}</strong></li>${bySeverity}
<li>${plural(s.filesScanned, 'file')} scanned</li>
<li>${report.skipped.length ? `<a href="#skipped">${s.filesSkipped} skipped</a>` : `${s.filesSkipped} skipped`}</li>
<li>${formatDuration(s.durationMs)}</li>${extra}
</ul>
</header>`;
}

function practiceCard(p: Practice, report: Report, checked: ReadonlySet<number>): string {
  const summary = report.summary.byPractice.find((x) => x.practice === p.id);
  const title = `<h3>${p.id}. ${text(p.title)}</h3>`;
  if (summary && summary.total > 0) {
    const counts = SEVERITIES.filter((sev) => summary.bySeverity[sev] > 0)
      .map((sev) => `<li>${severityBadge(sev)} ${summary.bySeverity[sev]}</li>`)
      .join('');
    const worst = SEVERITIES.find((sev) => summary.bySeverity[sev] > 0)!;
    return `<li class="card has-findings worst-${worst}">${title}<p class="status"><a href="#practice-${p.id}">${plural(summary.total, 'finding')}</a></p><ul>${counts}</ul></li>`;
  }
  if (checked.has(p.id)) return `<li class="card clean">${title}<p class="status">✓ No findings</p></li>`;
  return `<li class="card unchecked">${title}<p class="status">Not checked by this scan</p></li>`;
}

function traceHtml(f: Finding): string {
  if (!f.trace) return '';
  const steps: [string, TraceStep][] = [
    ['source', f.trace.source],
    ...f.trace.steps.map((s): [string, TraceStep] => ['step', s]),
    ['sink', f.trace.sink],
  ];
  const items = steps.map(([kind, s]) => `<li><span class="kind">${kind}</span> ${where(s.file, s.line, s.column)} ${text(s.label)}</li>`).join('');
  return `<details><summary>Data flow: ${plural(steps.length, 'step')} from source to sink</summary><ol class="trace">${items}</ol></details>`;
}

function findingHtml(f: Finding, rule: RuleMeta | undefined): string {
  const about = [
    ...(rule ? [`<dt>Rule</dt><dd>${text(rule.title)}</dd>`, `<dt>Why</dt><dd>${text(rule.description)}</dd>`] : []),
    `<dt>CWE</dt><dd>${text(f.cwe)}</dd>`,
    `<dt>Confidence</dt><dd>${text(f.confidence)}</dd>`,
    `<dt>Fingerprint</dt><dd><code>${text(f.fingerprint)}</code></dd>`,
  ].join('');
  return `<article class="finding">
<header>${severityBadge(f.severity)} <span class="rule">${text(f.ruleId)}</span> ${where(f.file, f.line, f.column)}</header>
<p class="message">${text(f.message)}</p>
${f.snippet ? `<pre><code>${text(f.snippet)}</code></pre>` : ''}
${f.fix ? `<p class="fix"><strong>Fix:</strong> ${text(f.fix)}</p>` : ''}
${traceHtml(f)}
<details><summary>About this finding</summary><dl class="about">${about}</dl></details>
</article>`;
}

function findingsHtml(report: Report): string {
  const groups = groupByPractice(report.findings);
  if (groups.length === 0) {
    return `<p class="none">No findings. ${report.rules.length ? `${plural(report.rules.length, 'rule')} ran and found nothing.` : 'No rules ran.'}</p>`;
  }
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  return groups
    .map(
      (g) => `<section class="practice" id="practice-${g.practice.id}">
<details open><summary><h2>${g.practice.id}. ${text(g.practice.title)}</h2> <span class="muted">${plural(g.findings.length, 'finding')}</span></summary>
${g.findings.map((f) => findingHtml(f, rules.get(f.ruleId))).join('\n')}
</details>
</section>`,
    )
    .join('\n');
}

function skippedHtml(report: Report): string {
  if (report.skipped.length === 0) return '';
  const byReason = countSkippedByReason(report.skipped).map(([reason, n]) => `${n} ${text(reason)}`).join(', ');
  const rows = report.skipped
    .map((s) => `<tr><td><code>${text(s.file)}</code></td><td>${text(s.reason)}</td><td>${s.detail ? text(s.detail) : ''}</td></tr>`)
    .join('\n');
  return `<section id="skipped">
<details><summary><h2>Skipped: ${report.skipped.length}</h2> <span class="muted">${byReason}</span></summary>
<table><thead><tr><th scope="col">File or folder</th><th scope="col">Reason</th><th scope="col">Detail</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</details>
</section>`;
}

function warningsHtml(report: Report): string {
  if (report.warnings.length === 0) return '';
  const rows = report.warnings
    .map((w) => {
      const loc = w.file ? `<code>${text(w.file)}${w.line ? `:${w.line}${w.column ? `:${w.column}` : ''}` : ''}</code>` : '';
      return `<tr><td>${text(w.kind)}</td><td>${loc}</td><td>${text(w.message)}</td></tr>`;
    })
    .join('\n');
  return `<section id="warnings">
<h2>Warnings: ${report.warnings.length}</h2>
<p class="muted">Problems with the input rather than security findings; a file that did not parse was not checked.</p>
<table><thead><tr><th scope="col">Kind</th><th scope="col">Where</th><th scope="col">Message</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

/**
 * `--format html`: one self-contained page. No script, no external resource: it must open
 * under a CSP that forbids inline script, offline, and print as it shows.
 */
export function formatHtml(report: Report): string {
  const checked = practicesChecked(report);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rampart report: ${text(report.root)}</title>
<style>${STYLE}</style>
</head>
<body>
${header(report)}
<main>
<section aria-labelledby="practices-title">
<h2 id="practices-title">The eleven practices</h2>
<ul class="cards">
${PRACTICES.map((p) => practiceCard(p, report, checked)).join('\n')}
</ul>
</section>
${findingsHtml(report)}
${skippedHtml(report)}
${warningsHtml(report)}
</main>
<footer>Generated by Rampart ${text(report.tool.version)}.</footer>
</body>
</html>
`;
}
