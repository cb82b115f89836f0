import type { Report } from '../report.js';
import { formatJson } from './json.js';

export const FORMATS = ['pretty', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  /** Colour output (pretty only). Default: false. */
  readonly color?: boolean;
}

export function formatReport(report: Report, format: Format, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'pretty':
      return formatJson(report); // replaced by the terminal reporter
  }
}
