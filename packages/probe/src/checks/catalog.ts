import type { PracticeId, Severity } from '@rampart/core';
import type { Grade } from '../defaults.js';

/** What the report says about one check, beyond pass/fail: why it matters and how to fix it. */
export interface CheckMeta {
  readonly id: string;
  readonly title: string;
  readonly practice: PracticeId;
  readonly cwe: string;
  /** Severity when the check fails (Observatory tests: from their score modifier). */
  readonly severity: Severity;
  /** Added to the Observatory score when the check fails (Rampart's own checks only). */
  readonly modifier: number;
  /** The grade is at most this when the check fails. */
  readonly gradeCap?: Grade;
  readonly why: string;
  readonly fix: string;
  /** The @rampart/guard option (or header value) that fixes it. */
  readonly guard: string;
}

/** The ten Observatory tests: the library grades them; this adds why and the Rampart fix. */
export const OBSERVATORY_CHECKS: Readonly<Record<string, Omit<CheckMeta, 'severity' | 'modifier'>>> = Object.freeze({
  'content-security-policy': {
    id: 'content-security-policy', title: 'Content Security Policy', practice: 9, cwe: 'CWE-693',
    why: 'Without a strict CSP, one injected <script> (XSS) runs with full access to the page, its cookies and its API.',
    fix: "Send Content-Security-Policy with default-src 'none' (or 'self'), script-src without 'unsafe-inline'/'unsafe-eval', object-src 'none', form-action 'self', frame-ancestors 'none'.",
    guard: "rampart() sends it by default; tune with headers.contentSecurityPolicy.directives (nonces via res.locals.cspNonce)",
  },
  cookies: {
    id: 'cookies', title: 'Cookies', practice: 9, cwe: 'CWE-614',
    why: 'A cookie without Secure leaks over plain HTTP; a session cookie without HttpOnly can be read by injected script; without SameSite it rides on cross-site requests (CSRF).',
    fix: 'Set every cookie with Secure, session cookies with HttpOnly, and SameSite=Lax or Strict.',
    guard: "cookies: { secure: true, httpOnly: true, sameSite: 'Lax' } (the guard's defaults rewrite Set-Cookie)",
  },
  'cross-origin-resource-sharing': {
    id: 'cross-origin-resource-sharing', title: 'CORS (Observatory)', practice: 9, cwe: 'CWE-942',
    why: 'Reflecting any Origin together with Access-Control-Allow-Credentials: true lets every website read logged-in users\' data.',
    fix: 'Allow only a fixed list of origins; never reflect the Origin header when credentials are allowed.',
    guard: "cors: { origins: ['https://app.example.com'], credentials: true } (off by default: nobody allowed)",
  },
  redirection: {
    id: 'redirection', title: 'HTTP to HTTPS redirection', practice: 9, cwe: 'CWE-319',
    why: 'A site still answering over plain HTTP lets anyone on the network read and change the first request, before HSTS can help.',
    fix: 'Answer every http:// request with a 301 to the same host on https://, then redirect elsewhere if needed.',
    guard: 'redirect at the proxy or load balancer; the guard sends HSTS once the site is on https',
  },
  'referrer-policy': {
    id: 'referrer-policy', title: 'Referrer Policy', practice: 9, cwe: 'CWE-200',
    why: 'Full URLs (with ids, tokens, search terms) leak to every third party the page links to or loads from.',
    fix: 'Send Referrer-Policy: strict-origin-when-cross-origin (or no-referrer).',
    guard: "headers.referrerPolicy (default 'no-referrer')",
  },
  'strict-transport-security': {
    id: 'strict-transport-security', title: 'Strict Transport Security (HSTS)', practice: 9, cwe: 'CWE-319',
    why: 'Without HSTS a network attacker can downgrade a returning visitor to plain HTTP (SSL stripping).',
    fix: 'Send Strict-Transport-Security: max-age=31536000; includeSubDomains over https (a valid certificate is required).',
    guard: 'headers.strictTransportSecurity (default max-age=31536000; includeSubDomains)',
  },
  'subresource-integrity': {
    id: 'subresource-integrity', title: 'Subresource Integrity', practice: 9, cwe: 'CWE-353',
    why: 'A script loaded from another origin without integrity= runs whatever that origin (or a compromise of it) serves.',
    fix: 'Add integrity="sha384-..." crossorigin="anonymous" to external <script> tags, or self-host them.',
    guard: 'not a header: fix the HTML (the guard cannot add integrity to your markup)',
  },
  'x-content-type-options': {
    id: 'x-content-type-options', title: 'X-Content-Type-Options', practice: 9, cwe: 'CWE-693',
    why: 'Without nosniff a browser may run an uploaded file or a JSON answer as script or HTML.',
    fix: 'Send X-Content-Type-Options: nosniff.',
    guard: "headers.xContentTypeOptions (default 'nosniff')",
  },
  'x-frame-options': {
    id: 'x-frame-options', title: 'Clickjacking protection (X-Frame-Options / frame-ancestors)', practice: 9, cwe: 'CWE-1021',
    why: 'A page that can be framed by any site can be overlaid and clicked by a deceived user (clickjacking).',
    fix: "Send X-Frame-Options: DENY or CSP frame-ancestors 'none'.",
    guard: "headers.xFrameOptions (default 'SAMEORIGIN'; 'DENY' when nothing frames the site) and CSP frame-ancestors",
  },
  'cross-origin-resource-policy': {
    id: 'cross-origin-resource-policy', title: 'Cross-Origin-Resource-Policy', practice: 9, cwe: 'CWE-693',
    why: 'Without CORP other sites can embed your responses and read them through side channels (Spectre-style leaks).',
    fix: 'Send Cross-Origin-Resource-Policy: same-origin (same-site if sibling sites embed it).',
    guard: "headers.crossOriginResourcePolicy (default 'same-origin')",
  },
});

/** Rampart's own checks, beyond the Observatory. */
export const RAMPART_CHECKS: Readonly<Record<string, CheckMeta>> = Object.freeze({
  'cors-reflected-origin': {
    id: 'cors-reflected-origin', title: 'CORS reflects any origin with credentials', practice: 9, cwe: 'CWE-942', severity: 'high', modifier: -50,
    why: 'When Access-Control-Allow-Origin echoes https://evil.example and Access-Control-Allow-Credentials is true, any website can read your users\' logged-in data.',
    fix: 'Compare the Origin against a fixed allow-list; send credentials only to those origins.',
    guard: "cors: { origins: [<your origins>], credentials: true }",
  },
  'cors-null-origin': {
    id: 'cors-null-origin', title: 'CORS trusts the null origin with credentials', practice: 9, cwe: 'CWE-942', severity: 'high', modifier: -50,
    why: 'Sandboxed iframes and file:// pages send Origin: null; trusting it with credentials lets any site read your users\' data.',
    fix: "Never allow the origin 'null'.",
    guard: 'cors.origins never matches null',
  },
  'x-powered-by': {
    id: 'x-powered-by', title: 'Technology banner (X-Powered-By and friends)', practice: 5, cwe: 'CWE-200', severity: 'low', modifier: -5,
    why: 'Naming the framework tells an attacker which exploits to try first.',
    fix: "Remove the header: app.disable('x-powered-by') in Express.",
    guard: 'headers.hidePoweredBy (default true)',
  },
  'server-version-banner': {
    id: 'server-version-banner', title: 'Server header with a version', practice: 5, cwe: 'CWE-200', severity: 'low', modifier: -5,
    why: 'A version number points straight at the known vulnerabilities of that release.',
    fix: 'Configure the server or proxy to send no version (nginx: server_tokens off; Apache: ServerTokens Prod).',
    guard: 'set at the proxy; the guard removes X-Powered-By only',
  },
  'verbose-errors': {
    id: 'verbose-errors', title: 'Verbose error responses', practice: 3, cwe: 'CWE-209', severity: 'high', modifier: -25,
    why: 'Stack traces, file paths and SQL errors map the application for an attacker and often reveal injectable queries.',
    fix: 'Answer errors with a generic message and a request id; log the details server-side. Run with NODE_ENV=production.',
    guard: "the guard's error handling (option errors, on by default) answers with a generic message and a request id, never a stack",
  },
  'trace-enabled': {
    id: 'trace-enabled', title: 'TRACE echoes the request', practice: 5, cwe: 'CWE-693', severity: 'medium', modifier: -10,
    why: 'A TRACE that echoes the request (with its Cookie and Authorization headers) enables cross-site tracing.',
    fix: 'Disable the TRACE method (answer 405).',
    guard: "not a guard option: answer TRACE with 405 at the proxy or in the app (if (req.method === 'TRACE') return res.sendStatus(405))",
  },
  'directory-listing': {
    id: 'directory-listing', title: 'Directory listing', practice: 5, cwe: 'CWE-548', severity: 'medium', modifier: -20,
    why: 'A listing shows every file in a folder, including backups, configs and files never linked from the site.',
    fix: 'Turn off autoindex/serve-index; serve only the files meant to be public.',
    guard: 'remove serve-index (or autoindex at the proxy)',
  },
  'exposed-env-file': {
    id: 'exposed-env-file', title: 'Environment file (.env) served', practice: 8, cwe: 'CWE-538', severity: 'critical', modifier: -100, gradeCap: 'F',
    why: 'A .env file holds database passwords, API keys and signing secrets: anyone can download them.',
    fix: 'Never serve the project root: serve only a public/ folder, and rotate every secret that was in the file.',
    guard: "express.static('public') (dotfiles: 'ignore' is its default); rotate the secrets",
  },
  'exposed-git-head': {
    id: 'exposed-git-head', title: 'Git folder (.git/HEAD) served', practice: 8, cwe: 'CWE-538', severity: 'critical', modifier: -100, gradeCap: 'F',
    why: 'With .git readable, tools rebuild the whole repository: source, history and any secret ever committed.',
    fix: 'Do not deploy .git, or block /.git at the server; rotate secrets that were ever committed.',
    guard: 'serve only a public/ folder',
  },
  'exposed-git-config': {
    id: 'exposed-git-config', title: 'Git configuration (.git/config) served', practice: 8, cwe: 'CWE-538', severity: 'critical', modifier: -100, gradeCap: 'F',
    why: 'The git config names the remotes (often with access tokens in the URL) and proves the whole .git folder is readable.',
    fix: 'Do not deploy .git, or block /.git at the server; rotate any token in a remote URL.',
    guard: 'serve only a public/ folder',
  },
  'source-maps': {
    id: 'source-maps', title: 'Source maps served', practice: 5, cwe: 'CWE-540', severity: 'low', modifier: -5,
    why: 'Source maps give back the original source (often with comments, internal URLs and dead code) of the bundled scripts.',
    fix: 'Do not deploy .map files (or upload them only to your error tracker); drop the sourceMappingURL comment.',
    guard: 'build setting (e.g. sourcemap: false or "hidden")',
  },
  'cookie-secure': {
    id: 'cookie-secure', title: 'Cookies without Secure', practice: 9, cwe: 'CWE-614', severity: 'medium', modifier: 0,
    why: 'A cookie without Secure is sent over plain HTTP, where anyone on the network can read it.',
    fix: 'Add Secure to every cookie (and serve the site over HTTPS).',
    guard: 'cookies.secure (default true)',
  },
  'cookie-httponly': {
    id: 'cookie-httponly', title: 'Session cookies without HttpOnly', practice: 9, cwe: 'CWE-1004', severity: 'medium', modifier: 0,
    why: 'Script injected into the page (XSS) can read a session cookie without HttpOnly and hijack the session.',
    fix: 'Add HttpOnly to session and authentication cookies.',
    guard: 'cookies.httpOnly (default true; readableByScripts lists CSRF cookies meant for scripts)',
  },
  'cookie-samesite': {
    id: 'cookie-samesite', title: 'Cookies without a valid SameSite', practice: 9, cwe: 'CWE-1275', severity: 'low', modifier: 0,
    why: 'Without SameSite=Lax or Strict, the cookie is sent on cross-site requests, the basis of CSRF.',
    fix: 'Add SameSite=Lax (or Strict); SameSite=None only with Secure and only when cross-site use is intended.',
    guard: "cookies.sameSite (default 'Lax')",
  },
  'cookie-host-prefix': {
    id: 'cookie-host-prefix', title: 'Cookie prefixes (__Host-, __Secure-)', practice: 9, cwe: 'CWE-565', severity: 'low', modifier: -5,
    why: 'A __Host- cookie cannot be set by a sibling subdomain or over HTTP; a prefixed cookie that breaks the prefix rules is dropped by browsers.',
    fix: '__Host- cookies need Secure, Path=/ and no Domain; __Secure- cookies need Secure. Prefer __Host- for session cookies.',
    guard: "cookies.hostPrefix: ['sid'] renames cookies to __Host-sid",
  },
  'tls-certificate': {
    id: 'tls-certificate', title: 'TLS certificate', practice: 9, cwe: 'CWE-295', severity: 'high', modifier: 0,
    why: 'Browsers refuse a certificate that does not verify; users learn to click through warnings, and HSTS cannot apply.',
    fix: 'Serve a certificate from a trusted CA (e.g. Let\'s Encrypt) covering the host name, with the full chain.',
    guard: 'at the TLS terminator',
  },
});
