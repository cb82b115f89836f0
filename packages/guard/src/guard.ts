import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { SecurityAction, SecurityEventKind, Severity, PracticeId } from '@rampart/core';
import { pino, stdTimeFunctions, type Logger } from 'pino';
import { compileCors, type CorsPolicy } from './cors/index.js';
import { installCrashGuard, requestContext, type RequestContext } from './errors/crash-guard.js';
import { REQUEST_ID_DEFAULTS, requestIdFor } from './errors/request-id.js';
import { renderAnswer, safeAnswerFor, statusText, type SafeAnswer } from './errors/safe-error.js';
import { createEventBus, LOG_REDACT_PATHS, type EventBus } from './events/index.js';
import { onDetection } from './protect/events.js';
import { compileHeaders, type HeaderPlan } from './headers/index.js';
import { writeTrustedHeader } from './headers/header-store.js';
import { createNonce } from './headers/nonce.js';
import { isPlainHttpLocalhost } from './headers/plain-http-localhost.js';
import { installResponseHook, needsResponseHook, type ResponseHookPolicy } from './headers/response-hook.js';
import { COOKIE_DEFAULTS, compileCookiePolicy, type CompiledCookiePolicy } from './headers/set-cookie.js';
import { checkRequestHead, decodeUtf8, LIMITS_DEFAULTS, parseJsonLimited, readBodyLimited } from './limits/checks.js';
import type { RequestLimits } from './limits/types.js';
import { DEFAULTS, OPTION_NAMES, type ErrorOptions, type GuardOptions, type InputOptions } from './options.js';
import { clientIp, createRateLimiter, rateLimitHeaders, type RateLimitDecision, type RateLimiter, type TrustProxy } from './rate-limit/index.js';
import { requestState, setRequestState, type RequestState } from './request-state.js';
import { compileDenyList, redactDenied, RESPONSE_FILTER_DEFAULTS, type DenyList } from './response-filter/index.js';
import { checkRoot, ROOT_CHECK_DEFAULTS } from './root-check.js';
import { GuardSetupError, featureOptions, isPlainObject, rejectUnknownKeys } from './setup-error.js';
import { findDangerousKey, findDangerousQueryKey, withoutDangerousKeys } from './validation/dangerous-keys.js';

/** An answer the guard sends instead of the app: a refusal, a preflight, a safe error. */
export type Answer = SafeAnswer | { readonly status: 204; readonly body?: undefined; readonly headers?: Readonly<Record<string, string>> };

/**
 * The framework-neutral engine behind every adapter: everything is compiled here at
 * construction; the adapters only call these steps in their framework's hooks, on the raw
 * node:http request and response.
 */
export interface Guard {
  readonly events: EventBus;
  readonly logger: Logger | undefined;
  readonly errors: ErrorOptions | false;
  readonly input: InputOptions | false;
  readonly limits: RequestLimits | false;
  readonly nonceInTemplates: boolean;
  /** X-Powered-By must go: adapters remove it where their framework sets it (Express). */
  readonly hidePoweredBy: boolean;
  /** The rate limit keys by route (or a key function may): only then must adapters look the route pattern up. */
  readonly wantsRoute: boolean;
  /**
   * Request id, security headers, cookie and cache hooks. Always succeeds. Headers go into
   * node's response (every framework reads them there).
   */
  begin(req: IncomingMessage, res: ServerResponse): RequestState;
  /** Synchronous refusals: size limits, dangerous query keys, CORS preflight. */
  screen(req: IncomingMessage, res: ServerResponse, state: RequestState): Answer | undefined;
  /** The rate limit (async when a store is remote). `route` and `userId` refine the key. */
  admit(req: IncomingMessage, res: ServerResponse, state: RequestState, context?: { route?: string; userId?: string }): Promise<Answer | undefined> | undefined;
  /** Reads and checks a JSON body the app has not parsed yet; resolves the parsed value or an answer. */
  readJson(req: IncomingMessage, state: RequestState): Promise<{ answer: Answer } | { body: unknown }> | undefined;
  /** Parses JSON text within the depth limit and checks its keys (for frameworks that read bodies themselves). */
  parseJsonText(text: string, req: IncomingMessage, state: RequestState): { answer: Answer } | { body: unknown };
  /**
   * Watches `target[key]` for a body a parser sets after the guard ran (forms in Express and
   * Koa): a value with prototype or operator keys is replaced by a copy without them, and an
   * event is emitted. No-op for requests without a body or when input checks are off.
   */
  watchLateBody(target: object, key: string, req: IncomingMessage, state: RequestState): void;
  /** Checks an already-parsed body or query object for prototype and operator keys. */
  checkParsed(value: unknown, where: 'body' | 'query', req: IncomingMessage, state: RequestState): Answer | undefined;
  /** Applies the route's response rule and the global deny list to an object about to be serialised. */
  filterResponse(body: unknown, req: IncomingMessage, state: RequestState): { ok: true; value: unknown } | { ok: false; answer: Answer };
  /** Logs an error with its request and returns the safe answer for it. */
  failed(err: unknown, req: IncomingMessage, state: RequestState | undefined): SafeAnswer;
  /** Writes an answer with node:http (used by the Express and node:http adapters). */
  send(req: IncomingMessage, res: ServerResponse, answer: Answer): void;
  /** Emits a security event tied to a request. */
  emit(req: IncomingMessage, state: RequestState | undefined, event: GuardEvent): void;
  close(): Promise<void>;
}

export interface GuardEvent {
  readonly kind: SecurityEventKind;
  readonly practice: PracticeId;
  readonly rule: string;
  readonly action: SecurityAction;
  readonly severity: Severity;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

function makeLogger(option: GuardOptions['logger']): Logger | undefined {
  if (option === false) return undefined;
  if (option && typeof (option as Logger).child === 'function' && typeof (option as Logger).error === 'function') return option as Logger;
  if (option !== undefined && !isPlainObject(option)) throw new GuardSetupError('rampart(): `logger` must be false, a pino Logger or pino options such as { level: "warn" }.');
  return pino({
    level: (option as { level?: string } | undefined)?.level ?? 'info',
    base: { component: 'rampart-guard' },
    timestamp: stdTimeFunctions.isoTime,
    redact: { paths: [...LOG_REDACT_PATHS], censor: '[REDACTED]' },
  });
}

function isEventBus(value: unknown): value is EventBus {
  return value !== null && typeof value === 'object' && typeof (value as EventBus).emit === 'function' && typeof (value as EventBus).subscribe === 'function';
}

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

function hasBody(h: IncomingHttpHeaders): boolean {
  return h['transfer-encoding'] !== undefined || (h['content-length'] !== undefined && h['content-length'] !== '0');
}

export function createGuard(options: GuardOptions = {}): Guard {
  if (!isPlainObject(options as unknown)) throw new GuardSetupError('rampart(options): options must be an object, e.g. rampart({ cors: { origins: ["https://app.example.com"] } }).');
  rejectUnknownKeys(options, OPTION_NAMES, '');

  const production = process.env.NODE_ENV === 'production';
  if (options.devLocalhost !== undefined && typeof options.devLocalhost !== 'boolean') throw new GuardSetupError('rampart(): `devLocalhost` must be true or false.');
  const devLocalhost = (options.devLocalhost ?? DEFAULTS.devLocalhost) && !production;

  const headers: HeaderPlan | undefined = compileHeaders(options.headers);
  const cookieOptions = featureOptions(options.cookies, COOKIE_DEFAULTS, 'cookies');
  const cookies: CompiledCookiePolicy | undefined = cookieOptions === false ? undefined : compileCookiePolicy(cookieOptions);
  const cors: CorsPolicy | undefined = options.cors === undefined ? undefined : compileCors(options.cors);
  const requestIdOptions = featureOptions(options.requestId, REQUEST_ID_DEFAULTS, 'requestId');
  if (requestIdOptions && (typeof requestIdOptions.header !== 'string' || !/^[A-Za-z0-9-]+$/.test(requestIdOptions.header))) {
    throw new GuardSetupError('rampart(): `requestId.header` must be a header name such as "X-Request-Id".');
  }
  const requestIdHeader = requestIdOptions ? requestIdOptions.header : REQUEST_ID_DEFAULTS.header;
  const requestIdLower = requestIdHeader.toLowerCase();
  const trustIncomingId = requestIdOptions ? requestIdOptions.trustIncoming !== false : false;
  const hookPolicy: ResponseHookPolicy = { cookies, noStore: headers?.noStore };
  const responseHook = needsResponseHook(hookPolicy) ? hookPolicy : undefined;
  if (responseHook) installResponseHook(requestState);
  const errors = featureOptions(options.errors, DEFAULTS.errors, 'errors');
  const input = featureOptions(options.input, DEFAULTS.input, 'input');
  const limits = featureOptions(options.limits, LIMITS_DEFAULTS, 'limits');
  if (limits) {
    for (const [k, v] of Object.entries(limits)) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new GuardSetupError(`rampart(): \`limits.${k}\` must be a whole number of at least 1, got ${String(v)}.`);
    }
  }
  const filterOptions = featureOptions(options.responseFilter, RESPONSE_FILTER_DEFAULTS, 'responseFilter');
  const deny: DenyList | undefined = filterOptions === false ? undefined : compileDenyList(filterOptions);

  const rootCheck = featureOptions(options.rootCheck, ROOT_CHECK_DEFAULTS, 'rootCheck');
  // Refusing to start throws here, before anything runs; the warning goes out once the bus exists.
  let rootWarning: string | undefined;
  if (rootCheck) checkRoot(rootCheck, (message) => (rootWarning = message));

  // Everything above is pure option checking; resources (logger, event bus, limiter) start last,
  // so a setup error leaves nothing running.
  const logger = makeLogger(options.logger === undefined ? DEFAULTS.logger : options.logger);
  let events: EventBus;
  if (isEventBus(options.events)) events = options.events;
  else {
    const eventOptions = featureOptions(options.events ?? true, { ...DEFAULTS.events, sinks: undefined }, 'events');
    if (eventOptions === false) throw new GuardSetupError('rampart(): `events` cannot be false: pass { sinks: [] } to keep events in logs only.');
    events = createEventBus({ ...eventOptions, logger: logger ?? false, metrics: options.metrics ?? DEFAULTS.metrics });
  }

  let limiter: RateLimiter | undefined;
  let trustProxy: TrustProxy = false;
  let wantsRoute = false;
  if (options.rateLimit !== false) {
    const rl = options.rateLimit === undefined || options.rateLimit === true ? DEFAULTS.rateLimit : options.rateLimit;
    if (!isPlainObject(rl as unknown)) throw new GuardSetupError('rampart(): `rateLimit` must be true, false or options such as { limit: 100, windowMs: 60_000 }.');
    try {
      limiter = createRateLimiter({ ...DEFAULTS.rateLimit, ...rl, events });
    } catch (err) {
      // A setup error must not leave the bus (and its sinks) running behind it.
      if (!isEventBus(options.events)) void events.close();
      throw err;
    }
    trustProxy = (rl.trustProxy ?? false) as TrustProxy;
    wantsRoute = rl.key === 'route' || typeof rl.key === 'function';
  }

  if (rootWarning) {
    process.emitWarning(rootWarning, { code: 'RAMPART_ROOT' });
    events.emit({ kind: 'config', practice: 10, rule: 'running-as-root', action: 'logged', severity: 'high', message: rootWarning });
  }
  const crashGuard = errors !== false && errors.crashGuard;
  if (crashGuard) installCrashGuard();
  // Attacks detected at the sinks (@rampart/guard/register or /protect) join this app's events:
  // same logs, metrics, sinks and dashboard as everything rampart() sees.
  const stopDetections = onDetection(({ id: _id, time: _time, ...event }) => void events.emit(event));

  const metrics = events.metrics;
  // The limit header is the same on every answer: its text is made once.
  const limitValue = limiter?.options.limit;
  const limitText = String(limitValue);
  const usesNonce = headers?.csp?.usesNonce ?? false;

  function ipOf(req: IncomingMessage): string | undefined {
    try {
      return clientIp(req, trustProxy);
    } catch {
      return req.socket?.remoteAddress;
    }
  }

  function emit(req: IncomingMessage, state: RequestState | undefined, e: GuardEvent): void {
    events.emit({
      ...e,
      requestId: state?.requestId,
      ip: ipOf(req),
      method: typeof req.method === 'string' ? req.method.slice(0, 16) : undefined,
      route: (req.url ?? '/').split('?')[0].slice(0, 200),
    });
  }

  function refuse(req: IncomingMessage, state: RequestState, status: number, message: string, e: Omit<GuardEvent, 'message'> & { message?: string }): Answer {
    emit(req, state, { ...e, message: e.message ?? message });
    return { status, body: { error: message, requestId: state.requestId } };
  }

  const guard: Guard = {
    events,
    logger,
    errors,
    input,
    limits,
    nonceInTemplates: usesNonce,
    hidePoweredBy: headers?.hidePoweredBy ?? false,
    wantsRoute,

    begin(req, res) {
      const h = req.headers;
      const plain = devLocalhost && isPlainHttpLocalhost(req, h);
      const requestId = requestIdFor(req, requestIdLower, trustIncomingId, h);
      const nonce = usesNonce ? createNonce() : '';
      const state: RequestState = {
        requestId,
        nonce,
        plainHttpLocalhost: plain,
        headers: h,
        guard,
        responseHook,
        responseHookRan: false,
        responseRule: undefined,
        validated: undefined,
      };
      setRequestState(req, state);
      // enterWith, not run(): the store is attached to the HTTP parser's async resource, so body
      // 'data'/'end' events (and what body parsers do after them) stay tied to this request.
      if (crashGuard) requestContext.enterWith({ req, res, requestId, onCrash });
      // The name was checked at setup; the id is well-formed (requestIdFor) or a UUID.
      if (requestIdOptions) writeTrustedHeader(res, requestIdHeader, requestIdLower, requestId);
      if (headers) headers.apply(res, nonce, plain);
      if (cookies?.renames && typeof h.cookie === 'string') h.cookie = cookies.incoming(h.cookie);
      if (metrics) {
        const stop = metrics.startRequestTimer(req.method ?? 'GET');
        res.once('finish', () => stop((req.url ?? '/').split('?')[0].slice(0, 100), res.statusCode));
      }
      return state;
    },

    screen(req, res, state) {
      if (limits) {
        const head = checkRequestHead(req, limits, state.headers ?? req.headers);
        if (!head.ok) return refuse(req, state, head.status, statusText(head.status), { kind: 'validation', practice: 3, rule: head.rule, action: 'rejected', severity: 'low', message: head.reason });
      }
      if (input) {
        const url = req.url ?? '/';
        const q = url.indexOf('?');
        if (q >= 0) {
          const found = findDangerousQueryKey(url.slice(q + 1), input);
          if (found) {
            return refuse(req, state, 400, found.kind === 'prototype-key' ? 'Forbidden key in query string' : 'Operator keys are not accepted in query strings', {
              kind: 'validation', practice: 1, rule: found.kind, action: 'rejected', severity: 'medium', message: `Refused ${found.kind} at ${found.path}`, details: { path: found.path },
            });
          }
        }
      }
      if (cors) {
        const verdict = cors.handle(req, res);
        if (verdict.kind === 'preflight') {
          if (verdict.status === 403) {
            return refuse(req, state, 403, 'CORS preflight refused', { kind: 'validation', practice: 9, rule: 'cors-preflight-denied', action: 'rejected', severity: 'low', message: 'CORS preflight refused: origin, method or header not allowed' });
          }
          return { status: 204 };
        }
      }
      return undefined;
    },

    admit(req, res, state, context) {
      if (!limiter) return undefined;
      const decided = limiter.checkNow(req, { requestId: state.requestId, route: context?.route, userId: context?.userId });
      if (decided === undefined) return undefined;
      // The memory store decides synchronously: an allowed request then costs no promise at all.
      if (!(decided instanceof Promise)) {
        const refusal = applyDecision(res, state, decided, false);
        return refusal === undefined ? undefined : Promise.resolve(refusal);
      }
      return decided.then((decision) => applyDecision(res, state, decision, true));
    },

    readJson(req, state) {
      // Synchronous "nothing to read" (most requests): no promise, no extra tick.
      const h = state.headers ?? req.headers;
      if (!input || !input.parseJson || !hasBody(h)) return undefined;
      const type = h['content-type'];
      if (typeof type !== 'string' || !JSON_TYPE.test(type)) return undefined;
      if (req.readableEnded || (req as { complete?: boolean }).complete) return undefined;
      return readJsonBody(req, state);
    },

    parseJsonText(text, req, state) {
      const parsed = parseJsonLimited(text, limits || LIMITS_DEFAULTS);
      if (!parsed.ok) {
        const message = parsed.rule === 'invalid-json' ? 'Invalid JSON' : parsed.rule === 'json-too-deep' ? 'JSON nested too deeply' : statusText(parsed.status);
        return { answer: refuse(req, state, parsed.status, message, { kind: 'validation', practice: parsed.rule === 'invalid-json' ? 1 : 3, rule: parsed.rule, action: 'rejected', severity: 'low', message: parsed.reason }) };
      }
      const bad = guard.checkParsed(parsed.value, 'body', req, state);
      if (bad) return { answer: bad };
      return { body: parsed.value };
    },

    watchLateBody(target, key, req, state) {
      if (!input || !hasBody(state.headers ?? req.headers)) return;
      let stored: unknown = (target as Record<string, unknown>)[key];
      Object.defineProperty(target, key, {
        configurable: true,
        enumerable: true,
        get: () => stored,
        set: (value: unknown) => {
          const found = value !== null && typeof value === 'object' ? findDangerousKey(value, input, 'body') : undefined;
          if (found) {
            emit(req, state, { kind: 'validation', practice: 1, rule: found.kind, action: 'redacted', severity: 'medium', message: `Removed ${found.kind} keys from a body parsed after the guard (first at ${found.path})`, details: { path: found.path } });
            stored = withoutDangerousKeys(value, input);
          } else stored = value;
        },
      });
    },

    checkParsed(value, where, req, state) {
      if (!input || value === null || typeof value !== 'object') return undefined;
      const found = findDangerousKey(value, input, where);
      if (!found) return undefined;
      if (found.kind === 'too-complex') {
        return refuse(req, state, 413, `The ${where} is too complex`, { kind: 'validation', practice: 3, rule: 'input-too-complex', action: 'rejected', severity: 'low', message: `${where} has more objects than the guard inspects` });
      }
      return refuse(req, state, 400, found.kind === 'prototype-key' ? `Forbidden key in ${where}` : `Operator keys are not accepted in ${where}`, {
        kind: 'validation', practice: 1, rule: found.kind, action: 'rejected', severity: 'medium', message: `Refused ${found.kind} at ${found.path}`, details: { path: found.path },
      });
    },

    filterResponse(body, req, state) {
      if (body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return { ok: true, value: body };
      let value: unknown = body;
      const rule = state.responseRule;
      if (rule) {
        const r = rule.apply(value);
        if (!r.ok) {
          emit(req, state, { kind: 'response-filter', practice: 5, rule: 'response-schema', action: 'blocked', severity: 'high', message: 'A response did not match its route schema and was not sent', details: { issues: r.issues } });
          return { ok: false, answer: { status: 500, body: { error: statusText(500), requestId: state.requestId } } };
        }
        value = r.value;
      }
      if (deny) {
        const red = redactDenied(value, deny, rule?.allowDenied);
        if (red.removed.length > 0) {
          emit(req, state, { kind: 'response-filter', practice: 5, rule: 'denied-field', action: 'redacted', severity: 'high', message: `Removed denied field(s) from a response: ${red.removed.join(', ')}`, details: { fields: red.removed } });
          value = red.value;
        }
      }
      return { ok: true, value };
    },

    failed(err, req, state) {
      const requestId = state?.requestId ?? requestIdFor(req, requestIdLower, false);
      const answer = safeAnswerFor(err, requestId);
      if (answer.status >= 500) {
        logger?.error({ err, requestId, method: req.method, url: (req.url ?? '').slice(0, 500) }, 'rampart: request failed');
        emit(req, state, {
          kind: 'error', practice: 3, rule: 'unhandled-error', action: 'logged', severity: 'medium',
          message: `Unhandled ${err instanceof Error ? err.name : typeof err} answered ${answer.status} without details`,
          details: { errorName: err instanceof Error ? err.name : typeof err, code: (err as { code?: unknown })?.code !== undefined ? String((err as { code?: unknown }).code).slice(0, 40) : undefined },
        });
      }
      return answer;
    },

    send(req, res, answer) {
      if (res.headersSent) {
        if (!res.writableEnded) res.end();
        return;
      }
      if (answer.headers) for (const [k, v] of Object.entries(answer.headers)) res.setHeader(k, v);
      res.statusCode = answer.status;
      if (answer.body === undefined) {
        res.setHeader('Content-Length', '0');
        res.end();
        return;
      }
      const html = errors ? errors.html : true;
      const { contentType, payload } = html ? renderAnswer(req, answer as SafeAnswer) : renderAnswer({ headers: {} } as IncomingMessage, answer as SafeAnswer);
      res.setHeader('Content-Type', contentType);
      res.setHeader('Content-Length', Buffer.byteLength(payload));
      res.end(req.method === 'HEAD' ? undefined : payload);
    },

    emit,

    async close() {
      stopDetections();
      await limiter?.close();
      if (!isEventBus(options.events)) await events.close();
    },
  };


  /** Sets the RateLimit-* headers (three header writes, no header object) and answers a refusal. */
  /**
   * `late`: the store answered asynchronously, so the app may have answered meanwhile. Decided
   * synchronously, nothing can have been sent: `res.headersSent` (a getter found through the
   * prototype chain Express swaps per request, a slow lookup) is not read then.
   */
  function applyDecision(res: ServerResponse, state: RequestState, decision: RateLimitDecision | undefined, late: boolean): Answer | undefined {
    if (!decision) return undefined;
    if (decision.allowed) {
      if (late && res.headersSent) return undefined;
      const limit = decision.limit === limitValue ? limitText : String(decision.limit);
      const reset = String(Math.max(0, Math.ceil((decision.resetAt - Date.now()) / 1000)));
      // Digits only: written without setHeader's per-call checks.
      writeTrustedHeader(res, 'RateLimit-Limit', 'ratelimit-limit', limit);
      writeTrustedHeader(res, 'RateLimit-Remaining', 'ratelimit-remaining', String(decision.remaining));
      writeTrustedHeader(res, 'RateLimit-Reset', 'ratelimit-reset', reset);
      return undefined;
    }
    const h = rateLimitHeaders(decision);
    if (!res.headersSent) for (const [k, v] of Object.entries(h)) res.setHeader(k, v);
    if (decision.degraded === 'fail-closed') return { status: 503, body: { error: statusText(503), requestId: state.requestId }, headers: h };
    return { status: 429, body: { error: statusText(429), requestId: state.requestId }, headers: h };
  }

  async function readJsonBody(req: IncomingMessage, state: RequestState): Promise<{ answer: Answer } | { body: unknown }> {
    const lim = limits || LIMITS_DEFAULTS;
    const raw = await readBodyLimited(req, lim.maxBodyBytes);
    if (!raw.ok) {
      const answer = refuse(req, state, raw.status, statusText(raw.status), { kind: 'validation', practice: 3, rule: raw.rule, action: 'rejected', severity: 'low', message: raw.reason });
      return { answer: { ...answer, headers: { Connection: 'close' } } };
    }
    (req as unknown as Record<string, unknown>).rawBody = raw.body;
    const text = decodeUtf8(raw.body);
    if (!text.ok) return { answer: refuse(req, state, 400, 'Request body is not valid UTF-8', { kind: 'validation', practice: 1, rule: text.rule, action: 'rejected', severity: 'low', message: text.reason }) };
    if (text.text.trim() === '') return { body: undefined };
    return guard.parseJsonText(text.text, req, state);
  }

  function onCrash(err: unknown, context: RequestContext): void {
    const { req, res, requestId } = context;
    logger?.error({ err, requestId, method: req.method, url: (req.url ?? '').slice(0, 500) }, 'rampart: uncaught exception inside a request; the process keeps serving');
    emit(req, { requestId, nonce: '', plainHttpLocalhost: false, guard, responseHookRan: false }, {
      kind: 'error', practice: 3, rule: 'uncaught-exception', action: 'logged', severity: 'high',
      message: `Uncaught ${err instanceof Error ? err.name : typeof err} inside a request: answered 500, process kept alive`,
    });
    if (!res.headersSent && !res.writableEnded) guard.send(req, res, { status: 500, body: { error: statusText(500), requestId } });
    else if (!res.writableEnded) res.destroy();
  }

  return guard;
}
