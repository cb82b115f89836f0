import { AttackBlockedError, type Inspection } from './attack.js';
import { collectInputs, currentContext, requestPath, routePattern, type RequestContext, type UserInput } from './context.js';
import { buildEvent, emitDetection, requestIdOf } from './events.js';
import { DEFAULTS, type ProtectMode, type ProtectOptions } from './options.js';
import { checkUser, countDetection } from './blocklist/enforce.js';

let active: ProtectOptions = DEFAULTS;
// The per-route prefixes, listed once: most apps have none, and a check then reads no keys.
let routeKeys: readonly string[] = [];

export function setActiveOptions(options: ProtectOptions): void {
  active = options;
  routeKeys = Object.keys(options.routes);
}

export function activeOptions(): ProtectOptions {
  return active;
}

/** The mode for this request: the longest matching per-route prefix, else the global mode. */
export function modeFor(ctx: RequestContext): ProtectMode {
  const routes = active.routes;
  const keys = routeKeys;
  if (keys.length === 0) return active.mode;
  // Prefixes match the whole path (not Express's router-relative req.url); patterns match exactly.
  const path = requestPath(ctx.req) ?? '';
  const pattern = ctx.route ?? routePattern(ctx.req);
  let best: string | undefined;
  for (const key of keys) {
    if ((path === key || path.startsWith(key.endsWith('/') ? key : `${key}/`) || pattern === key) && (!best || key.length > best.length)) best = key;
  }
  return best ? routes[best]! : active.mode;
}

/**
 * Inputs for this request, recomputed only when a body parser or router changed req.body or
 * req.params, or setRequestInput added input.
 */
export function inputsFor(ctx: RequestContext): UserInput[] {
  const req = ctx.req as { body?: unknown; params?: unknown } | undefined;
  const c = ctx.inputCache;
  const version = ctx.inputVersion ?? 0;
  if (c && c.body === req?.body && c.params === req?.params && c.version === version) return c.inputs;
  const inputs = collectInputs(ctx);
  ctx.inputCache = { body: req?.body, params: req?.params, version, inputs };
  return inputs;
}

/**
 * Records a detection and, in block mode, throws the 403 error that stops the sink. Returns
 * normally when the request is only monitored.
 */
export function report(ctx: RequestContext, result: Inspection & { source?: string }, sink: string, stack: string | undefined): void {
  if (!result.attack || !active.detectors[result.kind]) return;
  const blocked = modeFor(ctx) === 'block';
  countDetection(ctx);
  emitDetection(
    buildEvent({ kind: result.kind, payload: result.payload, source: result.source ?? 'input', sink, reason: result.reason, blocked, stack }, ctx),
    active.log,
  );
  if (blocked) throw new AttackBlockedError(result.kind, requestIdOf(ctx));
}

/**
 * The one call every sink hook makes: run `detect` against the current request's input. Outside
 * a request, with mode off or without input it costs one lookup. A detector that throws is a bug
 * in Rampart, never a reason to break the app, so it counts as no attack.
 */
export function inspect(sink: string, detect: (inputs: readonly UserInput[]) => Inspection & { source?: string }): void {
  const ctx = currentContext();
  if (!ctx || (active.mode === 'off' && routeKeys.length === 0)) return;
  if (modeFor(ctx) === 'off') return;
  // A blocked user reaches no sink (throws the 403 error, like a blocked attack).
  checkUser(ctx);
  const inputs = inputsFor(ctx);
  if (inputs.length === 0) return;
  let result: Inspection & { source?: string };
  try {
    result = detect(inputs);
  } catch {
    return;
  }
  if (result.attack) report(ctx, result, sink, new Error().stack);
}
