/**
 * Request limits for @rampart/guard (practice 3): body size, parameter count, header size and
 * JSON depth as framework-neutral checks that return a typed result (never throw), and server
 * timeouts against slow clients. docs/rate-limiting.md#request-limits.
 */
export type { RequestLimits, LimitResult, LimitRule, HardenServerOptions } from './types.js';
export {
  LIMITS_DEFAULTS,
  checkRequestHead,
  checkHeaderSize,
  checkParamCount,
  checkContentLength,
  checkJsonDepth,
  scanJsonDepth,
  parseJsonLimited,
  readBodyLimited,
  decodeUtf8,
  countParams,
  headerBytes,
  type BodyResult,
} from './checks.js';
export { hardenServer, serverOptions, HARDEN_SERVER_DEFAULTS } from './harden-server.js';
