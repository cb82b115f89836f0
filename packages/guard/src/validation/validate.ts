import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderAnswer, type SafeAnswer } from '../errors/safe-error.js';
import { requestState, type RequestState } from '../request-state.js';
import { compileResponseRule, type ResponseRule } from '../response-filter/index.js';
import { GuardSetupError, isPlainObject, rejectUnknownKeys } from '../setup-error.js';
import { findDangerousKey } from './dangerous-keys.js';
import { compileSchema, type Schema, type SchemaCheck } from './schema.js';

/** A route's schemas; every part optional. */
export interface RouteSchemas {
  readonly params?: Schema;
  readonly query?: Schema;
  readonly body?: Schema;
  readonly headers?: Schema;
  /** What the route may send: a schema or field allowlist; everything unlisted is dropped. */
  readonly response?: ResponseRule;
}

const PARTS = ['params', 'query', 'body', 'headers'] as const;
type Part = (typeof PARTS)[number];

/** Where each framework keeps the four request parts, read through one accessor. */
interface Inputs {
  readonly raw: IncomingMessage;
  get(part: Part): unknown;
  /** Hands the parsed body back to the app where the framework keeps it. */
  setBody(value: unknown): void;
  setValidated(values: Record<string, unknown>): void;
}

/**
 * A route-level middleware that works in every adapter: Express `(req, res, next)`,
 * Fastify `preHandler` `(request, reply, done)` and Koa `(ctx, next)`. Invalid input gets 400
 * with a safe message (where and what, never the value) and a `validation` event; valid input
 * is replaced by the parsed value (zod transforms and defaults apply) and also kept on
 * `req.validated` (Express), `request.validated` (Fastify) or `ctx.state.validated` (Koa).
 */
export function validate(schemas: RouteSchemas) {
  if (!isPlainObject(schemas as unknown)) throw new GuardSetupError('validate(schemas): pass an object such as { body: z.object({...}), query: ... }.');
  rejectUnknownKeys(schemas, [...PARTS, 'response'], 'validate');
  const checks: [Part, SchemaCheck][] = [];
  for (const part of PARTS) {
    if (schemas[part] !== undefined) checks.push([part, compileSchema(schemas[part], part, part === 'body' ? 'strict' : 'coercing')]);
  }
  const response = schemas.response !== undefined ? compileResponseRule(schemas.response) : undefined;

  function run(inputs: Inputs): SafeAnswer | undefined {
    const state = requestState(inputs.raw);
    if (state && response) state.responseRule = response;
    const issues: string[] = [];
    const values: Record<string, unknown> = {};
    // Bodies parsed after the guard (forms, multipart fields) are checked here, before any schema.
    const body = inputs.get('body');
    const guardInput = state?.guard.input;
    if (body !== null && typeof body === 'object' && guardInput !== false) {
      const found = findDangerousKey(body, guardInput ?? { prototypeKeys: true, operatorKeys: true }, 'body');
      if (found) issues.push(found.kind === 'too-complex' ? 'body: too complex' : `${found.path}: key not accepted`);
    }
    if (issues.length === 0) {
      for (const [part, check] of checks) {
        const r = check(inputs.get(part));
        if (r.ok) values[part] = r.value;
        else issues.push(...r.issues);
      }
    }
    const requestId = state?.requestId ?? '';
    if (issues.length > 0) {
      state?.guard.emit(inputs.raw, state, {
        kind: 'validation', practice: 1, rule: 'schema-validation', action: 'rejected', severity: 'low',
        message: `Request refused by the route schema: ${issues.length} issue(s)`, details: { issues: issues.slice(0, 5) },
      });
      return { status: 400, body: { error: 'Invalid request', requestId, details: issues.slice(0, 5) } };
    }
    if ('body' in values) inputs.setBody(values.body);
    inputs.setValidated(values);
    return undefined;
  }

  return function rampartValidate(a: unknown, b: unknown, c?: unknown): unknown {
    // Koa: (ctx, next)
    if (typeof b === 'function' && a !== null && typeof a === 'object' && 'req' in a && 'request' in a) {
      const ctx = a as KoaContextLike;
      const answer = run({
        raw: ctx.req,
        get: (part) => (part === 'body' ? ctx.request.body : part === 'params' ? (ctx.params ?? {}) : part === 'query' ? ctx.query : ctx.headers),
        setBody: (v) => (ctx.request.body = v),
        setValidated: (v) => (ctx.state.validated = v),
      });
      if (answer) {
        sendKoa(ctx, answer);
        return Promise.resolve();
      }
      return (b as () => Promise<unknown>)();
    }
    // Fastify: (request, reply, done)
    if (a !== null && typeof a === 'object' && 'raw' in a && b !== null && typeof b === 'object' && 'raw' in b && typeof (b as { code?: unknown }).code === 'function') {
      const request = a as FastifyRequestLike;
      const reply = b as unknown as FastifyReplyLike;
      const answer = run({
        raw: request.raw,
        get: (part) => request[part],
        setBody: (v) => (request.body = v),
        setValidated: (v) => (request.validated = v),
      });
      if (answer) {
        reply.code(answer.status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(answer.body));
        return undefined;
      }
      (c as () => void)();
      return undefined;
    }
    // Express: (req, res, next)
    const req = a as ExpressRequestLike;
    const res = b as ServerResponse;
    const next = c as (err?: unknown) => void;
    const answer = run({
      raw: req,
      get: (part) => req[part],
      setBody: (v) => (req.body = v),
      setValidated: (v) => (req.validated = v),
    });
    if (answer) {
      sendRaw(req, res, answer, requestState(req));
      return undefined;
    }
    next();
    return undefined;
  };
}

interface KoaContextLike {
  req: IncomingMessage;
  request: { body?: unknown };
  params?: unknown;
  query: unknown;
  headers: unknown;
  state: Record<string, unknown>;
  status: number;
  body: unknown;
  type: string;
}
interface FastifyRequestLike {
  raw: IncomingMessage;
  params: unknown;
  query: unknown;
  body: unknown;
  headers: unknown;
  validated?: unknown;
}
interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  send(payload: unknown): unknown;
}
type ExpressRequestLike = IncomingMessage & { params?: unknown; query?: unknown; body?: unknown; validated?: unknown };

function sendRaw(req: IncomingMessage, res: ServerResponse, answer: SafeAnswer, state: RequestState | undefined): void {
  if (state) return state.guard.send(req, res, answer);
  const { contentType, payload } = renderAnswer(req, answer);
  res.statusCode = answer.status;
  res.setHeader('Content-Type', contentType);
  res.end(payload);
}

function sendKoa(ctx: KoaContextLike, answer: SafeAnswer): void {
  const { contentType, payload } = renderAnswer(ctx.req, answer);
  ctx.status = answer.status;
  ctx.type = contentType;
  ctx.body = payload;
}
