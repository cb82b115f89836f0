import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderAnswer, type SafeAnswer } from '../errors/safe-error.js';
import type { Answer, Guard } from '../guard.js';

/** The parts of Koa this adapter touches, typed locally so Koa is not a dependency. */
export interface KoaContextLike {
  req: IncomingMessage;
  res: ServerResponse;
  request: { body?: unknown; rawBody?: unknown };
  state: Record<string, unknown>;
  status: number;
  body: unknown;
  type: string;
  set(name: string, value: string): void;
  _matchedRoute?: string;
  app?: { emit(event: 'error', err: unknown, ctx: unknown): boolean };
}
export type KoaMiddleware = (ctx: KoaContextLike, next: () => Promise<unknown>) => Promise<void>;

function sendAnswer(ctx: KoaContextLike, answer: Answer): void {
  if (answer.headers) for (const [k, v] of Object.entries(answer.headers)) ctx.set(k, v);
  ctx.status = answer.status;
  if (answer.body === undefined) {
    ctx.body = null;
    return;
  }
  const { contentType, payload } = renderAnswer(ctx.req, answer as SafeAnswer);
  ctx.type = contentType;
  ctx.body = payload;
}

function isSerialisedObject(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  if (Buffer.isBuffer(body) || typeof (body as { pipe?: unknown }).pipe === 'function') return false;
  return true;
}

/**
 * The Koa middleware (Koa 2 and 3); put it first. Errors thrown downstream are answered safely
 * here, so Koa's default handler (which may echo messages) never sees them; ctx.body objects
 * are filtered on the way out. The nonce is in `ctx.state.cspNonce` for templates.
 */
export function koaAdapter(guard: Guard): KoaMiddleware {
  return async function rampart(ctx, next) {
    const { req, res } = ctx;
    const state = guard.begin(req, res);
    if (guard.hidePoweredBy) res.removeHeader('X-Powered-By');
    ctx.state.cspNonce = state.nonce;
    ctx.state.requestId = state.requestId;
    let answer = guard.screen(req, res, state);
    if (!answer) answer = (await guard.admit(req, res, state)) ?? undefined;
    if (!answer) {
      if (ctx.request.body !== undefined) answer = guard.checkParsed(ctx.request.body, 'body', req, state);
      else {
        const reading = guard.readJson(req, state);
        if (!reading) guard.watchLateBody(ctx.request, 'body', req, state);
        const r = reading ? await reading : undefined;
        if (r && 'answer' in r) answer = r.answer;
        else if (r) {
          ctx.request.body = r.body;
          ctx.request.rawBody = (req as IncomingMessage & { rawBody?: Buffer }).rawBody?.toString('utf8');
        }
      }
    }
    if (answer) return sendAnswer(ctx, answer);
    try {
      await next();
    } catch (err) {
      const answer = guard.failed(err, req, state);
      sendAnswer(ctx, answer);
      // Keep Koa's contract for server errors: the app's 'error' listeners still hear about them.
      if (answer.status >= 500) ctx.app?.emit('error', err, ctx);
      return;
    }
    if (isSerialisedObject(ctx.body)) {
      const r = guard.filterResponse(ctx.body, req, state);
      if (r.ok) ctx.body = r.value;
      else sendAnswer(ctx, r.answer);
    }
  };
}
