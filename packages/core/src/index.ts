export { PRACTICES, practice, isPracticeId, type Practice, type PracticeId } from './practices.js';
export { SEVERITIES, CONFIDENCES, severityRank, isSeverity, atOrAbove, type Severity, type Confidence } from './severity.js';
export {
  withFingerprints,
  compareFindings,
  type Finding,
  type FindingInput,
  type RuleMeta,
  type Trace,
  type TraceStep,
  type Span,
  type Position,
  type DependencyDetails,
  type DependencyUpgrade,
} from './finding.js';
export {
  summarize,
  shouldFail,
  type Report,
  type ReportSummary,
  type PracticeSummary,
  type SkippedFile,
  type ScanWarning,
  type FailOn,
} from './report.js';
export { formatReport, FORMATS, type Format } from './reporters/index.js';
export { VERSION, HOMEPAGE, RULE_DOCS_URL } from './project.js';
export { UserError } from './errors.js';
export {
  SECURITY_EVENT_KINDS,
  type SecurityEvent,
  type SecurityEventKind,
  type SecurityAction,
} from './event.js';
export { parseIpAddress, ipPrefixKey, ipKey, type IpAddress, type IpKeyOptions } from './ip-address.js';
