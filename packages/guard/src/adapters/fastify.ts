import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderAnswer, type SafeAnswer } from '../errors/safe-error.js';
import type { Answer, Guard } from '../guard.js';
import { requestState } from '../request-state.js';

/** The parts of Fastify this adapter touches, typed locally so Fastify is not a dependency. */
interface FastifyRequestLike {
  raw: IncomingMessage;
  body?: unknown;
  query?: unknown;
  routeOptions?: { url?: string };
  cspNonce?: string;
  requestId?: string;
}
interface FastifyReplyLike {
  raw: ServerResponse;
  sent: boolean;
  code(status: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  getHeader(name: string): unknown;
  type(contentType: string): FastifyReplyLike;
  send(payload?: unknown): FastifyReplyLike;
  cspNonce?: string;
}
type Done = (err?: Error | null, value?: unknown) => void;
interface FastifyRouteOptionsLike {
  method: string | string[];
  preValidation?: unknown;
}
interface FastifyInstanceLike {
  decorateRequest(name: string, value: unknown): unknown;
  decorateReply(name: string, value: unknown): unknown;
  hasRequestDecorator(name: string): boolean;
  hasReplyDecorator(name: string): boolean;
  addHook(name: string, hook: (...args: never[]) => unknown): unknown;
  setErrorHandler(handler: (err: unknown, request: FastifyRequestLike, reply: FastifyReplyLike) => unknown): unknown;
  hasContentTypeParser(type: string): boolean;
  removeContentTypeParser(type: string): unknown;
  addContentTypeParser(type: string, options: { parseAs: 'string'; bodyLimit?: number }, parser: (request: FastifyRequestLike, body: string, done: Done) => void): unknown;
}

/** A 4xx for Fastify's error path: statusCode + expose, like http-errors. */
function clientError(status: number, message: string): Error {
  return Object.assign(new Error(message), { statusCode: status, expose: true });
}

export type FastifyRampartPlugin = ((fastify: FastifyInstanceLike, options: unknown, done: (err?: Error) => void) => void) & Record<symbol, unknown>;

function sendAnswer(request: FastifyRequestLike, reply: FastifyReplyLike, answer: Answer): void {
  if (answer.headers) for (const [k, v] of Object.entries(answer.headers)) reply.header(k, v);
  reply.code(answer.status);
  if (answer.body === undefined) {
    reply.send();
    return;
  }
  const { contentType, payload } = renderAnswer(request.raw, answer as SafeAnswer);
  reply.type(contentType).send(payload);
}

/**
 * The Fastify plugin (tested on Fastify 5), with fastify-plugin semantics (skip-override), so its
 * hooks and error handler apply to every route of the instance it is registered on:
 * onRequest: id, headers (through reply.header, so Fastify writes them in its one writeHead),
 * limits, CORS, rate limit; preValidation on routes that take a body: body checks (Fastify has
 * parsed it by then); preSerialization: response filtering; the error handler: safe answers.
 */
export function fastifyAdapter(guard: Guard): FastifyRampartPlugin {
  const plugin = function rampartPlugin(fastify: FastifyInstanceLike, _options: unknown, pluginDone: (err?: Error) => void): void {
    if (!fastify.hasRequestDecorator('cspNonce')) fastify.decorateRequest('cspNonce', '');
    if (!fastify.hasRequestDecorator('requestId')) fastify.decorateRequest('requestId', '');
    if (!fastify.hasRequestDecorator('validated')) fastify.decorateRequest('validated', null);
    if (!fastify.hasReplyDecorator('cspNonce')) fastify.decorateReply('cspNonce', '');

    if (guard.input && guard.input.parseJson) {
      // Fastify's JSON parser has no depth limit (a deeply nested body overflows the stack later,
      // answered 500); the guard's parser refuses it first, within the same limits as elsewhere.
      const limits = guard.limits || undefined;
      if (fastify.hasContentTypeParser('application/json')) fastify.removeContentTypeParser('application/json');
      fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: limits?.maxBodyBytes }, function rampartJsonParser(request, body, done) {
        const state = requestState(request.raw);
        const parsed = state ? guard.parseJsonText(body, request.raw, state) : undefined;
        if (!parsed) return done(clientError(400, 'Invalid JSON'));
        if ('answer' in parsed) return done(clientError(parsed.answer.status, (parsed.answer.body as { error: string }).error));
        done(null, parsed.body);
      });
    }

    fastify.addHook('onRequest', function rampartOnRequest(request: FastifyRequestLike, reply: FastifyReplyLike, done: Done) {
      // Headers straight into the node response's store, checked once at setup: Fastify's
      // getHeader, hasHeader, removeHeader and getHeaders read it too, a header the route sets
      // with reply.header() replaces the guard's at writeHead, and a hijacked reply writing to
      // reply.raw still sends them.
      const state = guard.begin(request.raw, reply.raw);
      request.cspNonce = state.nonce;
      reply.cspNonce = state.nonce;
      request.requestId = state.requestId;
      const refusal = guard.screen(request.raw, reply.raw, state);
      if (refusal) return sendAnswer(request, reply, refusal);
      // request.routeOptions builds an object per call: read only when the limit is keyed by route.
      const admission = guard.admit(request.raw, reply.raw, state, guard.wantsRoute ? { route: request.routeOptions?.url } : undefined);
      if (!admission) return done();
      admission.then(
        (answer) => (answer ? sendAnswer(request, reply, answer) : done()),
        (err: Error) => done(err),
      );
    });

    // Body checks only on routes that can have a body: Fastify parses none for GET and HEAD, and a
    // hook costs every request of every route it is on.
    function rampartPreValidation(request: FastifyRequestLike, reply: FastifyReplyLike, done: Done): void {
      const state = requestState(request.raw);
      if (state && request.body !== undefined) {
        const bad = guard.checkParsed(request.body, 'body', request.raw, state);
        if (bad) return sendAnswer(request, reply, bad);
      }
      done();
    }
    fastify.addHook('onRoute', function rampartOnRoute(route: FastifyRouteOptionsLike) {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (methods.every((m) => m === 'GET' || m === 'HEAD')) return;
      const own = route.preValidation;
      route.preValidation = own === undefined ? [rampartPreValidation] : [rampartPreValidation, ...(Array.isArray(own) ? own : [own])];
    });

    fastify.addHook('preSerialization', function rampartPreSerialization(request: FastifyRequestLike, reply: FastifyReplyLike, payload: unknown, done: Done) {
      const state = requestState(request.raw);
      if (!state) return done(null, payload);
      const r = guard.filterResponse(payload, request.raw, state);
      if (r.ok) return done(null, r.value);
      reply.code(r.answer.status);
      done(null, r.answer.body);
    });

    fastify.setErrorHandler(function rampartErrorHandler(err: unknown, request: FastifyRequestLike, reply: FastifyReplyLike) {
      const answer = guard.failed(err, request.raw, requestState(request.raw));
      sendAnswer(request, reply, answer);
    });
    pluginDone();
  } as FastifyRampartPlugin;
  // What fastify-plugin sets: no encapsulation, a name in errors and `fastify.printPlugins()`.
  plugin[Symbol.for('skip-override')] = true;
  plugin[Symbol.for('fastify.display-name')] = 'rampart';
  plugin[Symbol.for('plugin-meta')] = { name: 'rampart', fastify: '>=4' };
  return plugin;
}
