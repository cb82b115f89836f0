import { randomBytes } from 'node:crypto';
import { UserError, type PracticeId, type Severity } from '@rampart/core';
import { GRADES, PROBE_DEFAULTS, gradeBelow, isGrade, type Grade, type ProbeOptions } from './defaults.js';
import { BudgetExhausted, NetworkError, ProbeClient, type ProbeResponse, type RedirectChain, type SentRequest } from './http-client.js';
import { gradeForScore, gradeWithObservatory } from './observatory.js';
import { OBSERVATORY_CHECKS, RAMPART_CHECKS } from './checks/catalog.js';
import { BANNER_HEADERS, DIRECTORY_LISTING_SIGNATURES, EXPOSED_FILES, VERBOSE_ERROR_SIGNATURES } from './checks/signatures.js';
import { checkCookies, collectCookies } from './checks/cookies.js';

/** One check in the result: an Observatory test or one of Rampart's. */
export interface ProbeTest {
  readonly id: string;
  readonly title: string;
  readonly source: 'observatory' | 'rampart';
  readonly pass: boolean;
  /** What was found, one line. */
  readonly detail: string;
  /** Set when the check could not run (request budget, no response): it proves nothing either way. */
  readonly skipped?: string;
  readonly severity: Severity;
  readonly practice: PracticeId;
  readonly cwe: string;
  /** Points this test added to or removed from the score. */
  readonly scoreModifier: number;
  readonly why: string;
  readonly fix: string;
  /** The @rampart/guard option or header value that fixes it. */
  readonly guard: string;
  /** Observatory result code, e.g. "csp-not-implemented". */
  readonly result?: string;
  /** Where the evidence is: a URL on the target. */
  readonly url?: string;
}

export interface ProbeResult {
  readonly url: string;
  /** The URL graded after same-site redirects. */
  readonly finalUrl: string;
  readonly status: number;
  /** Rampart's grade: the Observatory score plus the modifiers of failed Rampart checks, on the Observatory's chart. */
  readonly grade: Grade;
  readonly score: number;
  /** False when the grade is below `failUnder` (the CLI then exits 1). */
  readonly passed: boolean;
  /** The Observatory's own grade and score for the same responses. */
  readonly observatory: { readonly grade: Grade; readonly score: number; readonly algorithmVersion: number };
  readonly tests: readonly ProbeTest[];
  /** Every request sent, in order. */
  readonly requests: readonly SentRequest[];
  readonly warnings: readonly string[];
  readonly durationMs: number;
}

/** The target could not be reached, or the URL is not one the probe can check. */
export class ProbeError extends UserError {
  override name = 'ProbeError';
}

const EVIL_ORIGIN = 'https://evil.example';

function severityFromModifier(modifier: number): Severity {
  if (modifier <= -40) return 'high';
  if (modifier <= -20) return 'medium';
  return 'low';
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProbeError(`cannot probe ${JSON.stringify(raw)}: not a URL (expected e.g. https://example.com/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ProbeError(`cannot probe ${raw}: only http:// and https:// URLs`);
  if (url.username || url.password) throw new ProbeError(`cannot probe ${url.origin}: remove the credentials from the URL`);
  url.hash = '';
  return url;
}

function validate(options: Partial<ProbeOptions>): ProbeOptions {
  const known = new Set(Object.keys(PROBE_DEFAULTS));
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new ProbeError(`unknown probe option ${JSON.stringify(key)}: expected one of ${[...known].join(', ')}`);
  }
  const merged = { ...PROBE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as ProbeOptions;
  const positive = (name: keyof ProbeOptions, v: number) => {
    if (!Number.isInteger(v) || v < 1) throw new ProbeError(`probe option ${name} must be a whole number of at least 1, got ${String(v)}`);
  };
  positive('timeoutMs', merged.timeoutMs);
  positive('maxRequests', merged.maxRequests);
  positive('maxBodyBytes', merged.maxBodyBytes);
  if (!Number.isInteger(merged.maxRedirects) || merged.maxRedirects < 0) throw new ProbeError(`probe option maxRedirects must be 0 or more`);
  if (merged.failUnder !== 'none' && !isGrade(merged.failUnder)) throw new ProbeError(`probe option failUnder must be one of ${GRADES.join(', ')} or none`);
  return merged;
}

function variantUrl(target: URL, protocol: 'http:' | 'https:', port: number): URL {
  const u = new URL(target.href);
  u.protocol = protocol;
  u.port = String(port);
  return u;
}

function defaultPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Same-origin <script src> URLs of a page, at most `limit`. */
function scriptUrls(html: string, base: URL, limit: number): URL[] {
  const out: URL[] = [];
  const re = /<script\b[^>]{0,500}?\bsrc\s{0,5}=\s{0,5}["']?([^"'\s>]{1,500})/gi;
  const head = html.slice(0, 512 * 1024);
  for (let m = re.exec(head); m && out.length < limit; m = re.exec(head)) {
    try {
      const u = new URL(m[1]!, base);
      if (u.origin === base.origin && !out.some((o) => o.href === u.href)) out.push(u);
    } catch {
      // not a URL: nothing to fetch
    }
  }
  return out;
}

function firstMatch(body: string, signatures: typeof VERBOSE_ERROR_SIGNATURES) {
  for (const s of signatures) {
    const m = s.pattern.exec(body);
    if (m) return { signature: s, text: m[0] };
  }
  return undefined;
}

function excerpt(text: string, max = 160): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/**
 * Probes a running site: the Observatory's header tests and grade, then Rampart's checks for
 * leaks and misconfigurations. Sends only the requests listed in docs/probe.md, to the named
 * origin only. Throws ProbeError when the target cannot be reached.
 */
export async function probe(target: string, options: Partial<ProbeOptions> = {}): Promise<ProbeResult> {
  const started = Date.now();
  const opts = validate(options);
  const url = parseTarget(target);
  const client = new ProbeClient(opts);
  const warnings: string[] = [];
  const tests: ProbeTest[] = [];

  // 1. The target, following same-site redirects.
  let main: RedirectChain;
  try {
    main = await client.follow(url, 'the page named on the command line');
  } catch (err) {
    if (err instanceof NetworkError) throw new ProbeError(`cannot reach ${url.href}: ${err.code === err.message ? err.code : `${err.message}`}${err.message.includes(err.code) ? '' : ` (${err.code})`}`);
    throw err;
  }
  if (main.stopReason) warnings.push(`${main.responses.at(-1)!.url.href}: ${main.stopReason}`);

  // 2. The other scheme, for the Observatory's redirection and HSTS tests.
  let httpChain: readonly ProbeResponse[] | null = null;
  let httpStoppedAt: URL | undefined;
  let httpsChain: readonly ProbeResponse[] | null = null;
  const tryChain = async (u: URL, purpose: string) => {
    try {
      return await client.follow(u, purpose);
    } catch (err) {
      if (err instanceof NetworkError || err instanceof BudgetExhausted) return null;
      throw err;
    }
  };
  if (url.protocol === 'http:') {
    httpChain = main.responses;
    httpStoppedAt = main.stoppedAt;
    const firstHttps = main.responses.findIndex((r) => r.url.protocol === 'https:');
    if (firstHttps >= 0) httpsChain = main.responses.slice(firstHttps);
    else {
      const port = opts.httpsPort === 'auto' ? (defaultPort(url) === 80 ? 443 : undefined) : opts.httpsPort === 'none' ? undefined : opts.httpsPort;
      if (port !== undefined) httpsChain = (await tryChain(variantUrl(url, 'https:', port), 'the https:// variant (HSTS, cookies)'))?.responses ?? null;
      else warnings.push('https:// variant not checked: the target is on a non-standard port and does not redirect to https (give --https-port)');
    }
  } else {
    httpsChain = main.responses;
    const port = opts.httpPort === 'auto' ? (defaultPort(url) === 443 ? 80 : undefined) : opts.httpPort === 'none' ? undefined : opts.httpPort;
    if (port !== undefined) {
      const chain = await tryChain(variantUrl(url, 'http:', port), 'the http:// variant (redirect to https)');
      if (chain) {
        httpChain = chain.responses;
        httpStoppedAt = chain.stoppedAt;
      }
    } else warnings.push('http:// variant not checked: the target is on a non-standard port (give --http-port to check the redirect to https)');
  }
  const autoChain = httpsChain && httpsChain.length ? httpsChain : main.responses;
  const page = autoChain.at(-1)!;
  const pageUrl = page.url;
  if (page.status >= 400 && page.status !== 401 && page.status !== 403) warnings.push(`the page answered ${page.status}: headers of an error page may differ from real pages`);

  /** Sends one request for a check; null when the budget is spent or the network failed. */
  const attempt = async (req: Parameters<ProbeClient['send']>[0]): Promise<ProbeResponse | null> => {
    try {
      return await client.send(req);
    } catch (err) {
      if (err instanceof BudgetExhausted || err instanceof NetworkError) return null;
      throw err;
    }
  };

  // 3. CORS: the preflight the Observatory grades, then a real GET from a foreign origin and from null.
  const preflight = await attempt({ method: 'OPTIONS', url: pageUrl, purpose: 'CORS preflight from a foreign origin', headers: { origin: EVIL_ORIGIN, 'access-control-request-method': 'GET' } });
  const corsGet = await attempt({ method: 'GET', url: pageUrl, purpose: 'CORS: GET from a foreign origin', headers: { origin: EVIL_ORIGIN } });
  const corsNull = await attempt({ method: 'GET', url: pageUrl, purpose: 'CORS: GET from the null origin', headers: { origin: 'null' } });

  const observatory = await gradeWithObservatory({
    hostname: url.hostname,
    sessionUrl: autoChain[0]!.url,
    autoChain,
    httpChain,
    httpStoppedAt,
    https: httpsChain?.at(-1) ?? null,
    cors: preflight,
  });
  for (const t of observatory.tests) {
    const meta = OBSERVATORY_CHECKS[t.name];
    tests.push({
      id: t.name,
      title: meta?.title ?? t.title,
      source: 'observatory',
      pass: t.pass,
      detail: `${t.result}: ${t.description}${!t.pass && t.recommendation ? ` Recommendation: ${t.recommendation}` : ''}`,
      severity: t.pass ? 'info' : severityFromModifier(t.scoreModifier),
      practice: meta?.practice ?? 9,
      cwe: meta?.cwe ?? 'CWE-693',
      scoreModifier: t.scoreModifier,
      why: meta?.why ?? '',
      fix: meta?.fix ?? t.recommendation,
      guard: meta?.guard ?? '',
      result: t.result,
      url: pageUrl.href,
    });
  }
  const observatoryFailed = (name: string) => observatory.tests.some((t) => t.name === name && !t.pass);

  const add = (id: keyof typeof RAMPART_CHECKS, pass: boolean, detail: string, at?: string, extra: { skipped?: string; waive?: boolean } = {}) => {
    const meta = RAMPART_CHECKS[id]!;
    tests.push({
      id: meta.id,
      title: meta.title,
      source: 'rampart',
      pass,
      detail,
      ...(extra.skipped ? { skipped: extra.skipped } : {}),
      severity: pass || extra.skipped ? 'info' : meta.severity,
      practice: meta.practice,
      cwe: meta.cwe,
      scoreModifier: pass || extra.skipped || extra.waive ? 0 : meta.modifier,
      why: meta.why,
      fix: meta.fix,
      guard: meta.guard,
      url: at ?? pageUrl.href,
    });
  };
  const skip = (id: keyof typeof RAMPART_CHECKS, reason: string) => add(id, false, `not checked: ${reason}`, undefined, { skipped: reason });
  const noBudget = 'request budget spent or no answer';

  // CORS verdicts.
  const allowsCreds = (r: ProbeResponse) => String(r.headers['access-control-allow-credentials'] ?? '').trim().toLowerCase() === 'true';
  const acao = (r: ProbeResponse) => String(r.headers['access-control-allow-origin'] ?? '').trim();
  if (!corsGet && !preflight) skip('cors-reflected-origin', noBudget);
  else {
    const reflected = [preflight, corsGet].filter((r): r is ProbeResponse => !!r && acao(r) === EVIL_ORIGIN);
    const withCreds = reflected.filter(allowsCreds);
    add(
      'cors-reflected-origin',
      withCreds.length === 0,
      withCreds.length
        ? `${withCreds.map((r) => r.method).join(' and ')} answered Access-Control-Allow-Origin: ${EVIL_ORIGIN} with Access-Control-Allow-Credentials: true`
        : reflected.length
          ? `reflects any Origin but without credentials (as open as *; fine for public data only)`
          : 'a foreign Origin is not allowed',
      undefined,
      // The Observatory already took 50 points for the same reflection on the preflight.
      { waive: observatoryFailed('cross-origin-resource-sharing') },
    );
  }
  if (!corsNull) skip('cors-null-origin', noBudget);
  else {
    const bad = acao(corsNull) === 'null' && allowsCreds(corsNull);
    add('cors-null-origin', !bad, bad ? 'Origin: null answered with Access-Control-Allow-Origin: null and credentials' : 'the null origin is not trusted with credentials');
  }

  // Banners, on every response received so far.
  const seen = [...main.responses, ...(httpChain ?? []), ...(httpsChain ?? []), preflight, corsGet, corsNull].filter((r): r is ProbeResponse => !!r);
  const bannerHits = (predicate: (h: string) => boolean) => {
    const hits = new Map<string, string>();
    for (const r of seen) {
      for (const b of BANNER_HEADERS.filter((x) => predicate(x.header))) {
        const v = r.headers[b.header];
        const value = Array.isArray(v) ? v.join(', ') : v;
        if (value && (!b.versionPattern || b.versionPattern.test(value))) hits.set(b.header, value);
      }
    }
    return [...hits].map(([h, v]) => `${h}: ${excerpt(v, 80)}`);
  };
  const powered = bannerHits((h) => h !== 'server');
  add('x-powered-by', powered.length === 0, powered.length ? powered.join('; ') : 'no X-Powered-By or framework version header');
  const server = bannerHits((h) => h === 'server');
  add('server-version-banner', server.length === 0, server.length ? server.join('; ') : page.headers.server ? `Server: ${excerpt(String(page.headers.server), 60)} (no version)` : 'no Server header');

  // 4. TRACE with a marker header: enabled for XST only if the marker comes back.
  const marker = `rampart-${randomBytes(6).toString('hex')}`;
  const trace = await attempt({ method: 'TRACE', url: pageUrl, purpose: 'TRACE: is the request echoed back?', headers: { 'x-rampart-probe': marker } });
  if (!trace) skip('trace-enabled', noBudget);
  else {
    const echoed = trace.status >= 200 && trace.status < 300 && trace.body.includes(marker);
    add('trace-enabled', !echoed, echoed ? `TRACE answered ${trace.status} and echoed the request headers` : `TRACE answered ${trace.status}${trace.status < 300 ? ' without echoing the request' : ''}`);
  }

  // 5. Baseline: a path that cannot exist, to recognise catch-all (SPA) answers.
  const baselineUrl = new URL(`/${marker}-not-found`, pageUrl);
  const baseline = await attempt({ method: 'GET', url: baselineUrl, purpose: 'baseline: a random path that cannot exist' });
  const sameAsBaseline = (r: ProbeResponse) => !!baseline && baseline.status === r.status && baseline.body === r.body.replace(/\/\.(?:env|git\/HEAD|git\/config)/g, baselineUrl.pathname);

  // 6. Files that must never be served, at the root and under the target's folder.
  const dirs = new Set(['/']);
  const targetDir = pageUrl.pathname.replace(/[^/]*$/, '');
  if (targetDir !== '/') dirs.add(targetDir);
  for (const file of EXPOSED_FILES) {
    let found: { url: string; evidence: string } | undefined;
    let any = false;
    for (const dir of dirs) {
      const u = new URL(`${dir}${file.path.slice(1)}`, pageUrl);
      const r = await attempt({ method: 'GET', url: u, purpose: `exposed file: ${file.path}` });
      if (!r) continue;
      any = true;
      if (r.status === 200 && !sameAsBaseline(r) && file.looksLike(r.body)) {
        found = { url: u.href, evidence: file.evidence(r.body) };
        break;
      }
    }
    const id = file.id as keyof typeof RAMPART_CHECKS;
    if (!any) skip(id, noBudget);
    else add(id, !found, found ? `${found.url} is served: ${found.evidence}` : `${file.path} is not served`, found?.url);
  }

  // 7. Scripts of the page: source maps, and their folders for directory listings.
  const scripts = scriptUrls(page.body, pageUrl, 3);
  const listingCandidates: ProbeResponse[] = [page];
  const listingDirs = [...new Set(scripts.map((s) => s.pathname.replace(/[^/]*$/, '')).filter((d) => d !== '/' && d !== pageUrl.pathname))].slice(0, 2);
  for (const d of listingDirs) {
    const r = await attempt({ method: 'GET', url: new URL(d, pageUrl), purpose: `directory listing: the folder of a script (${d})` });
    if (r) listingCandidates.push(r);
  }
  const listing = listingCandidates.find((r) => r.status === 200 && !sameAsBaseline(r) && DIRECTORY_LISTING_SIGNATURES.some((s) => s.pattern.test(r.body)));
  add('directory-listing', !listing, listing ? `${listing.url.href} is a directory listing (${DIRECTORY_LISTING_SIGNATURES.find((s) => s.pattern.test(listing.body))!.label})` : `no listing at ${listingCandidates.map((r) => r.url.pathname).join(', ')}`, listing?.url.href);

  const maps: string[] = [];
  let mapChecks = 0;
  for (const s of scripts) {
    const js = await attempt({ method: 'GET', url: s, purpose: 'source maps: a script of the page' });
    if (!js || js.status !== 200 || sameAsBaseline(js)) continue;
    const header = js.headers.sourcemap ?? js.headers['x-sourcemap'];
    const comment = /\/\/[#@] ?sourceMappingURL=([^\s'"]{1,2000})\s*$/.exec(js.body.slice(-4096));
    let mapUrl: URL | undefined;
    const ref = (Array.isArray(header) ? header[0] : header) ?? comment?.[1];
    if (ref?.startsWith('data:')) {
      maps.push(`${s.pathname} embeds its source map inline`);
      continue;
    }
    try {
      mapUrl = new URL(ref ?? `${s.pathname}.map`, s);
    } catch {
      continue;
    }
    if (mapUrl.origin !== pageUrl.origin) continue;
    const map = await attempt({ method: 'GET', url: mapUrl, purpose: 'source maps: the .map of a script' });
    if (!map) continue;
    mapChecks++;
    if (map.status === 200 && /^\s*\{[\s\S]{0,200}"(?:version|mappings|sources)"\s*:/.test(map.body.slice(0, 4096)) && /"mappings"\s*:/.test(map.body)) {
      maps.push(`${mapUrl.pathname}${map.body.includes('"sourcesContent"') ? ' (with the full original source)' : ''}`);
    }
  }
  add('source-maps', maps.length === 0, maps.length ? `served: ${maps.join(', ')}` : scripts.length ? `no source map served for ${scripts.length} script(s) (${mapChecks} .map URL(s) tried)` : 'the page loads no same-origin script', maps.length ? new URL(maps[0]!.split(' ')[0]!, pageUrl).href : undefined);

  // 8. Verbose errors: one malformed JSON POST and one invalid percent-encoded path.
  const badJson = await attempt({ method: 'POST', url: pageUrl, purpose: 'verbose errors: a malformed JSON body', headers: { 'content-type': 'application/json' }, body: '{"rampart-probe": [1, 2,' });
  const badPath = await attempt({ method: 'GET', url: new URL(`/${marker}/%E0%A4%A/%ZZ`, pageUrl), purpose: 'verbose errors: an invalid percent-encoded path' });
  const errorAnswers = [badJson, badPath, baseline].filter((r): r is ProbeResponse => !!r);
  if (errorAnswers.length === 0) skip('verbose-errors', noBudget);
  else {
    let leak: { url: string; label: string; text: string; status: number; method: string } | undefined;
    for (const r of errorAnswers) {
      const m = firstMatch(r.body, VERBOSE_ERROR_SIGNATURES);
      // A stack trace printed on the page itself (a docs site) is content, not an error leak.
      if (m && !page.body.includes(m.text)) {
        leak = { url: r.url.href, label: m.signature.label, text: m.text, status: r.status, method: r.method };
        break;
      }
    }
    add('verbose-errors', !leak, leak ? `${leak.method} ${leak.url} answered ${leak.status} with ${leak.label}: ${excerpt(leak.text)}` : `error answers (${errorAnswers.map((r) => r.status).join(', ')}) reveal no stack trace, path or SQL error`, leak?.url);
  }

  // 9. Cookies from every response, and the certificate.
  const cookies = collectCookies(seen);
  for (const c of checkCookies(cookies)) add(c.id as keyof typeof RAMPART_CHECKS, c.pass, c.detail);
  const tlsUsed = seen.some((r) => r.url.protocol === 'https:');
  if (tlsUsed) {
    const bad = [...client.unverified].map(([origin, why]) => `${origin}: ${why}`);
    add('tls-certificate', bad.length === 0, bad.length ? `does not verify: ${bad.join('; ')}` : 'the certificate verifies');
  }

  // Rampart's score: the Observatory's, plus the modifiers of the failed Rampart checks.
  const raw = observatory.score + tests.filter((t) => t.source === 'rampart').reduce((sum, t) => sum + t.scoreModifier, 0);
  const graded = await gradeForScore(raw);
  let grade = graded.grade as Grade;
  for (const t of tests) {
    const cap = t.source === 'rampart' && !t.pass && !t.skipped ? RAMPART_CHECKS[t.id]?.gradeCap : undefined;
    if (cap && gradeBelow(cap, grade)) grade = cap;
  }
  return {
    url: url.href,
    finalUrl: pageUrl.href,
    status: page.status,
    grade,
    score: graded.score,
    passed: !gradeBelow(grade, opts.failUnder),
    observatory: { grade: observatory.grade as Grade, score: observatory.score, algorithmVersion: observatory.algorithmVersion },
    tests,
    requests: client.sent,
    warnings,
    durationMs: Date.now() - started,
  };
}
