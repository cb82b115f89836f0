export { probe, ProbeError, type ProbeResult, type ProbeTest } from './probe.js';
export { PROBE_DEFAULTS, GRADES, isGrade, gradeBelow, type Grade, type ProbeOptions } from './defaults.js';
export { probeReport, formatProbe, PROBE_FORMATS, type ProbeFormat } from './report.js';
export type { SentRequest } from './http-client.js';
export { VERBOSE_ERROR_SIGNATURES, DIRECTORY_LISTING_SIGNATURES, EXPOSED_FILES, BANNER_HEADERS, type Signature, type ExposedFile } from './checks/signatures.js';
export { OBSERVATORY_CHECKS, RAMPART_CHECKS, type CheckMeta } from './checks/catalog.js';
