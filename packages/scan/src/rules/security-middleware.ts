/**
 * Security-header middleware, as a file shows it: helmet and its ports, lusca, Rampart's
 * guard, local middleware named for the job, or headers set by hand. Header rules use it
 * to stay silent on apps that already take care of their headers.
 */
import { memberPath, nodesOfType, propertyName, unwrap } from './ast.js';
import { nameOf, nameWords } from './identifier-words.js';
import type { Node, RuleSourceCode } from './types.js';
import { appByName, calleeLabel, callsTakingApp, headerWrites, moduleUses, type WebApp } from './web-apps.js';

/** Packages that set the security headers (helmet removes X-Powered-By too). */
export const SECURITY_HEADER_MODULES: ReadonlySet<string> = new Set(['helmet', '@fastify/helmet', 'fastify-helmet', 'koa-helmet', 'lusca', '@rampart/guard', 'helmet-csp', 'koa-helmet-csp']);

/** Headers whose manual setting shows the app takes care of security headers itself. */
export const KEY_SECURITY_HEADERS: ReadonlySet<string> = new Set(['content-security-policy', 'content-security-policy-report-only', 'x-content-type-options', 'strict-transport-security', 'x-frame-options']);

/** Words naming local middleware or setup helpers that take care of it: securityHeaders, setupSecurity, harden(app). */
const SECURITY_WORDS = new Set(['helmet', 'security', 'secure', 'csp', 'headers', 'harden', 'hardening', 'protect', 'protection', 'guard', 'shield']);

export function namesSecurity(label: string): boolean {
  return nameWords(label).some((w) => SECURITY_WORDS.has(w));
}

/** What the app is given through `app.use(x)` / `fastify.register(x)`: the argument nodes. */
export function appMiddleware(app: WebApp, sourceCode: RuleSourceCode): Node[] {
  const out: Node[] = [];
  nodesOfType(sourceCode, 'CallExpression').forEach((node) => {
    const callee = unwrap(node.callee);
    if (callee?.type !== 'MemberExpression') return;
    const method = propertyName(callee.property, callee.computed);
    if (method !== 'use' && method !== 'register') return;
    let receiver = unwrap(callee.object);
    // app.use(a).use(b)
    while (receiver?.type === 'CallExpression' && unwrap(receiver.callee)?.type === 'MemberExpression') receiver = unwrap(unwrap(receiver.callee)!.object);
    if (receiver && appByName(sourceCode, receiver) === app) out.push(...node.arguments);
  });
  return out;
}

/** The name a middleware argument goes by: `helmet()` → helmet, `securityHeaders`, `require('./security')`. */
export function middlewareLabel(arg: Node): string {
  const n = unwrap(arg)!;
  if (n.type === 'CallExpression') return calleeLabel(n);
  if (n.type === 'ImportExpression') return nameOf(n.source) ?? String(n.source?.value ?? '');
  if (n.type === 'AwaitExpression') return middlewareLabel(n.argument);
  return memberPath(n) ?? nameOf(n) ?? '';
}

/** True when the file (or a helper the app is given to) evidently sets the security headers. */
export function hasSecurityHeaders(app: WebApp, sourceCode: RuleSourceCode): boolean {
  if (moduleUses(sourceCode, SECURITY_HEADER_MODULES).length > 0) return true;
  if (headerWrites(sourceCode).some((h) => KEY_SECURITY_HEADERS.has(h.name))) return true;
  if (appMiddleware(app, sourceCode).some((m) => namesSecurity(middlewareLabel(m)))) return true;
  // configureSecurity(app), require('./startup/security')(app)
  return callsTakingApp(app, sourceCode).some((c) => namesSecurity(calleeLabel(c)));
}
