/**
 * The MDN HTTP Observatory's own tests and grading, fed with responses the probe fetched itself.
 * Its `scan()` cannot be used: it fetches on its own (http:// and https:// on default ports only,
 * an Observatory User-Agent and CORS origin, a silent fallback to unverified TLS, robots.txt), and
 * reads a preload list it downloads at install. So we build the `Requests` object its analyzers
 * read (see its src/retriever/retriever.js) and run its ALL_TESTS and grader unchanged.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CookieJar } from 'tough-cookie';
import { UserError } from '@rampart/core';
import type { ProbeResponse } from './http-client.js';

const LIBRARY = '@mdn/mdn-http-observatory';

/** What the probe hands to the Observatory: the same responses its retriever would have collected. */
export interface ObservatoryInput {
  readonly hostname: string;
  /** The URL the graded ("auto") session started at: https when the site answers over https. */
  readonly sessionUrl: URL;
  /** Every response of the graded session, in order; the last one is graded. */
  readonly autoChain: readonly ProbeResponse[];
  /** The http:// session (null when not reachable or not checked): its responses, and a Location not followed. */
  readonly httpChain: readonly ProbeResponse[] | null;
  readonly httpStoppedAt?: URL;
  /** The https:// session's last response, null when https did not answer. */
  readonly https: ProbeResponse | null;
  /** The CORS preflight (OPTIONS with an Origin) answer. */
  readonly cors: ProbeResponse | null;
}

export interface ObservatoryTestResult {
  /** The Observatory's test name, e.g. "content-security-policy". */
  readonly name: string;
  readonly title: string;
  readonly pass: boolean;
  /** The Observatory's result code, e.g. "csp-not-implemented". */
  readonly result: string;
  readonly expectation: string;
  readonly scoreModifier: number;
  /** The Observatory's description of the result and its recommendation, as plain text. */
  readonly description: string;
  readonly recommendation: string;
  /** MDN guide for the topic. */
  readonly link: string;
  /** Extra data the Observatory reports (the header value, the cookies, the redirect route). */
  readonly data: unknown;
}

export interface ObservatoryGrade {
  readonly grade: string;
  readonly score: number;
  readonly tests: readonly ObservatoryTestResult[];
  readonly algorithmVersion: number;
}

interface LibraryOutput {
  pass: boolean | null;
  result: string | null;
  expectation: string;
  data?: unknown;
  route?: unknown;
  destination?: unknown;
  constructor: { name: string; title: string };
}
interface Library {
  ALL_TESTS: ((requests: unknown) => LibraryOutput)[];
  ALGORITHM_VERSION: number;
  getGradeForScore(score: number): { score: number; grade: string };
  getScoreModifier(result: string): number;
  getScoreDescription(result: string): string;
  getRecommendation(result: string): string;
  getTopicLink(name: string): string;
  MINIMUM_SCORE_FOR_EXTRA_CREDIT: number;
  parseHttpEquivHeaders(html: string, baseUrl: string): Map<string, string[]>;
  Requests: new (hostname: string) => {
    hostname: string;
    resources: { path: string | null };
    responses: Record<string, unknown>;
    session: unknown;
  };
}

// The variables the Observatory's config (convict) reads at import, and rejects when malformed:
// a user's PGSSLMODE=require or CONFIG_FILE must not break the probe.
const OBSERVATORY_ENV = [
  'CONFIG_FILE', 'RETRIEVER_USER_AGENT', 'CORS_ORIGIN', 'ABORT_TIMEOUT', 'CLIENT_TIMEOUT', 'PGDATABASE', 'PGHOST', 'PGUSER',
  'PGPASSWORD', 'PGPORT', 'PGSSLMODE', 'HTTPOBS_API_COOLDOWN', 'HTTPOBS_API_GET_CACHE', 'HTTPOBS_API_PORT', 'HTTPOBS_ENABLE_LOGGING', 'SENTRY_DSN',
];

let loaded: Promise<Library> | undefined;

/**
 * The Observatory reads conf/hsts-preload.json from its own folder, a file its install script
 * downloads. Rampart never downloads: without the file we write an empty list, so no host counts
 * as preloaded (a preloaded site scores up to 5 points less here than on the Observatory's site).
 */
function ensurePreloadList(packageDir: string): void {
  const file = join(packageDir, 'conf', 'hsts-preload.json');
  if (existsSync(file)) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{}\n', { flag: 'wx' });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EEXIST') return;
    throw new UserError(`the MDN HTTP Observatory needs ${file} (its HSTS preload list) and it cannot be created (${e.code ?? e.message}): create it with the content {}`);
  }
}

export function loadObservatory(): Promise<Library> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve(`${LIBRARY}/package.json`));
    ensurePreloadList(packageDir);
    const saved = OBSERVATORY_ENV.map((k) => [k, process.env[k]] as const);
    for (const [k] of saved) delete process.env[k];
    try {
      const [constants, grader, charts, retrieverUtils, types] = await Promise.all([
        import(`${LIBRARY}/src/constants.js`),
        import(`${LIBRARY}/src/grader/grader.js`),
        import(`${LIBRARY}/src/grader/charts.js`),
        import(`${LIBRARY}/src/retriever/utils.js`),
        import(`${LIBRARY}/src/types.js`),
      ]);
      return { ...constants, ...grader, ...charts, ...retrieverUtils, ...types } as Library;
    } finally {
      for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
    }
  })();
  return loaded;
}

/** The library's descriptions are HTML snippets: keep the words. Input is the library's own text. */
function plainText(html: string): string {
  return html
    .replace(/<[^<>]{0,500}>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The response shape the analyzers read: axios-like headers (own enumerable keys plus a `get`). */
function asLibraryResponse(res: ProbeResponse, verified: boolean, requestHeaders?: Record<string, string>) {
  const headers: Record<string, unknown> = { ...res.headers };
  Object.defineProperty(headers, 'get', { value: (name: string) => res.headers[name.toLowerCase()] ?? null, enumerable: false });
  return { status: res.status, headers, data: res.body, verified, request: { headers: requestHeaders ?? res.requestHeaders } };
}

function route(chain: readonly ProbeResponse[], stoppedAt?: URL) {
  return [...chain.map((r) => ({ url: new URL(r.url.href), status: r.status })), ...(stoppedAt ? [{ url: new URL(stoppedAt.href), status: 0 }] : [])];
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export async function gradeWithObservatory(input: ObservatoryInput): Promise<ObservatoryGrade> {
  const lib = await loadObservatory();
  const requests = new lib.Requests(input.hostname);
  const auto = input.autoChain.at(-1)!;
  const httpChain = input.httpChain;
  const httpLast = httpChain?.at(-1) ?? null;

  const jar = new CookieJar();
  for (const res of input.autoChain) {
    const cookies = res.headers['set-cookie'] ?? [];
    for (const c of cookies) jar.setCookieSync(c, res.url.href, { ignoreError: true });
  }
  const autoResponse = asLibraryResponse(auto, input.autoChain.every((r) => r.verified)) as ReturnType<typeof asLibraryResponse> & { httpEquiv?: Map<string, string[]> };
  const mime = String(auto.headers['content-type'] ?? '').split(';')[0]!.trim();
  autoResponse.httpEquiv = HTML_TYPES.has(mime) && auto.body ? lib.parseHttpEquivHeaders(auto.body, input.sessionUrl.href) : new Map();

  const httpRoute = httpChain ? route(httpChain, input.httpStoppedAt) : [];
  requests.responses.auto = autoResponse;
  requests.responses.http = httpLast ? asLibraryResponse(httpLast, httpChain!.every((r) => r.verified)) : null;
  requests.responses.https = input.https ? asLibraryResponse(input.https, input.https.verified) : null;
  requests.responses.httpRedirects = httpRoute;
  requests.responses.httpsRedirects = httpRoute;
  requests.responses.cors = input.cors ? asLibraryResponse(input.cors, auto.verified) : null;
  requests.resources.path = auto.body;
  requests.session = { url: input.sessionUrl, jar };

  // The same arithmetic as the Observatory's scanner/index.js.
  let withExtraCredit = 100;
  let uncurved = 100;
  const tests: ObservatoryTestResult[] = [];
  for (const test of lib.ALL_TESTS) {
    const out = test(requests);
    const result = out.result ?? '';
    const modifier = result ? lib.getScoreModifier(result) : 0;
    withExtraCredit += modifier;
    if (modifier < 0) uncurved += modifier;
    const name = out.constructor.name;
    tests.push({
      name,
      title: out.constructor.title,
      pass: out.pass === true,
      result,
      expectation: out.expectation,
      scoreModifier: modifier,
      description: plainText(lib.getScoreDescription(result)),
      recommendation: plainText(lib.getRecommendation(result)),
      link: `https://developer.mozilla.org${lib.getTopicLink(name)}`,
      data: out.data ?? (name === 'redirection' ? { route: out.route, destination: out.destination } : null),
    });
  }
  const score = uncurved >= lib.MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved;
  const final = lib.getGradeForScore(score);
  return { grade: final.grade, score: final.score, tests, algorithmVersion: lib.ALGORITHM_VERSION };
}

/** The library's grade chart, for Rampart's own score (Observatory score plus the extra checks' modifiers). */
export async function gradeForScore(score: number): Promise<{ grade: string; score: number }> {
  return (await loadObservatory()).getGradeForScore(score);
}
