import type { Report } from '../report.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';

export const FORMATS = ['pretty', 'json', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  /** Colour output (pretty only). Default: false. */
  readonly color?: boolean;
}

export function formatReport(report: Report, format: Format, options: FormatOptions = {}): string {
  switch (format) {
    case 'pretty':
      return formatPretty(report, { color: options.color === true });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'html':
      return formatHtml(report);
    default:
      // Reached only from untyped callers; name the choices so the fix is obvious.
      throw new RangeError(`Unknown report format ${JSON.stringify(format)}: expected one of ${FORMATS.join(', ')}`);
  }
}
