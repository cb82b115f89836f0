/**
 * @rampart/dashboard: the guard's security events, live, and the latest scan report (practice 6).
 * docs/dashboard.md.
 */
export { dashboardHandler, startDashboard, DEFAULTS, CONTENT_SECURITY_POLICY, DashboardSetupError, type DashboardOptions, type DashboardHandler, type StartDashboardOptions } from './handler.js';
export { memorySource, redisStreamSource, postgresSource, type EventSource, type EventSourcePage } from './sources.js';
export { aggregateEvents, AUTH_LOGIN_RULES, type Aggregates } from './aggregate.js';
export { parseFilter, matchesFilter, type EventFilter } from './filters.js';
export { loadScanReport, SCORE_PENALTY, type DashboardReport } from './scan-report.js';
