/**
 * One app, six frameworks: the same routes built on Express 4, Express 5, Fastify 5, Koa 3, Koa 2 and
 * node:http, each guarded by Rampart with the same options, so one behaviour table runs against
 * every adapter. Used in-process by the tests and in a child process by the crash tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import express5 from 'express';
// @ts-expect-error express4 is an npm alias of express@4; its types are express 5's, close enough for building routes.
import express4 from 'express4';
import Fastify from 'fastify';
import createHttpError from 'http-errors';
import Koa from 'koa';
// @ts-expect-error koa2 is an npm alias of koa@2; its API for these routes is Koa 3's.
import Koa2 from 'koa2';
import { z } from 'zod';
import { rampart, type GuardOptions, type GuardedRequest, type GuardedResponse } from '@rampart/guard';

export const FRAMEWORKS = ['express4', 'express5', 'fastify', 'koa', 'koa2', 'node-http'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** What a leaked error would reveal: none of it may reach a client. */
export const SECRET_ERROR = 'connect ECONNREFUSED postgres://admin:hunter2@db/prod at /srv/app/src/db.js:42 SELECT * FROM users WHERE id = 7';

const userRecord = () => ({ id: 7, name: 'Ann', email: 'ann@example.com', passwordHash: '$2b$10$abc', profile: { Password_Hash: 'x', apiKey: 'k-123', city: 'Oslo' }, orders: [{ id: 1, total: 5, ssn: '123-45-6789' }] });

const createUserSchema = { body: z.object({ name: z.string().min(1).max(50), age: z.number().int().min(0) }) };
const orderSchema = { params: z.object({ id: z.coerce.number().int().positive() }) };
const searchSchema = { query: z.object({ q: z.string().max(20) }) };
const profileRule = { response: { fields: ['id', 'name', 'orders.id'] } };
const loginRule = { response: { fields: ['token', 'userId'], allowDenied: ['token'] } };

export interface RunningApp {
  readonly url: string;
  readonly server: Server;
  /** The adapter rampart returned (events, close). */
  readonly guard: { close(): Promise<void> };
  close(): Promise<void>;
}

function html(nonce: string): string {
  return `<!doctype html><html><head><title>t</title><script nonce="${nonce}">window.ok = 1</script></head><body>ok</body></html>`;
}

function deliberate404() {
  return createHttpError(404, 'No order 42 for this account');
}

function buildExpress(kind: 'express4' | 'express5', options: GuardOptions) {
  const express = (kind === 'express4' ? express4 : express5) as typeof express5;
  const app = express();
  const guard = rampart(options);
  app.use(guard as unknown as express5.RequestHandler);
  app.use(express.urlencoded({ extended: true }));
  app.get('/hello', (_req, res) => void res.json({ hello: 'world' }));
  app.get('/html', (_req, res) => void res.type('html').send(html(res.locals.cspNonce as string)));
  app.get('/user', (_req, res) => void res.json(userRecord()));
  app.get('/profile', rampart.validate(profileRule) as express5.RequestHandler, (_req, res) => void res.json(userRecord()));
  app.get('/login', rampart.validate(loginRule) as express5.RequestHandler, (_req, res) => void res.json({ token: 't-1', userId: 7, passwordHash: 'x' }));
  app.post('/echo', (req, res) => void res.json({ body: req.body ?? null }));
  app.post('/users', rampart.validate(createUserSchema) as express5.RequestHandler, (req, res) => void res.status(201).json(req.body));
  app.get('/orders/:id', rampart.validate(orderSchema) as express5.RequestHandler, (req, res) => void res.json({ id: (req as unknown as { validated: { params: { id: number } } }).validated.params.id }));
  app.get('/search', rampart.validate(searchSchema) as express5.RequestHandler, (req, res) => void res.json({ q: req.query.q }));
  app.get('/query', (req, res) => void res.json({ query: req.query }));
  app.get('/cookie', (_req, res) => void res.cookie('sid', 'abc', { path: '/' }).cookie('XSRF-TOKEN', 'x1').json({ ok: true }));
  app.get('/private', (_req, res) => void res.json({ mine: true }));
  app.get('/boom', () => {
    throw new Error(SECRET_ERROR);
  });
  app.get('/async-boom', async () => {
    await new Promise((r) => setTimeout(r, 1));
    throw new Error(SECRET_ERROR);
  });
  app.get('/deliberate', () => {
    throw deliberate404();
  });
  app.get('/crash', () => {
    setTimeout(() => {
      throw new Error(SECRET_ERROR);
    }, 5);
  });
  app.post('/crash-after-body', express.json(), () => {
    setTimeout(() => {
      throw new Error(SECRET_ERROR);
    }, 5);
  });
  return { listener: app as unknown as (req: IncomingMessage, res: ServerResponse) => void, guard };
}

async function buildFastify(options: GuardOptions) {
  const app = Fastify({ logger: false });
  const guard = rampart.fastify(options);
  await app.register(guard as never);
  app.get('/hello', async () => ({ hello: 'world' }));
  app.get('/html', async (req, reply) => reply.type('text/html').send(html((req as unknown as { cspNonce: string }).cspNonce)));
  app.get('/user', async () => userRecord());
  app.get('/profile', { preHandler: rampart.validate(profileRule) as never }, async () => userRecord());
  app.get('/login', { preHandler: rampart.validate(loginRule) as never }, async () => ({ token: 't-1', userId: 7, passwordHash: 'x' }));
  app.post('/echo', async (req) => ({ body: req.body ?? null }));
  app.post('/users', { preHandler: rampart.validate(createUserSchema) as never }, async (req, reply) => reply.code(201).send(req.body));
  app.get('/orders/:id', { preHandler: rampart.validate(orderSchema) as never }, async (req) => ({ id: (req as unknown as { validated: { params: { id: number } } }).validated.params.id }));
  app.get('/search', { preHandler: rampart.validate(searchSchema) as never }, async (req) => ({ q: (req.query as { q: string }).q }));
  app.get('/query', async (req) => ({ query: req.query }));
  app.get('/cookie', async (_req, reply) => {
    reply.header('set-cookie', ['sid=abc; Path=/', 'XSRF-TOKEN=x1; Path=/']);
    return { ok: true };
  });
  app.get('/private', async () => ({ mine: true }));
  app.get('/boom', async () => {
    throw new Error(SECRET_ERROR);
  });
  app.get('/async-boom', async () => {
    await new Promise((r) => setTimeout(r, 1));
    throw new Error(SECRET_ERROR);
  });
  app.get('/deliberate', async () => {
    throw deliberate404();
  });
  app.get('/crash', () => {
    setTimeout(() => {
      throw new Error(SECRET_ERROR);
    }, 5);
  });
  app.post('/crash-after-body', () => {
    setTimeout(() => {
      throw new Error(SECRET_ERROR);
    }, 5);
  });
  await app.ready();
  return { listener: app.routing as unknown as (req: IncomingMessage, res: ServerResponse) => void, guard, app };
}

function buildKoa(options: GuardOptions, version: 2 | 3 = 3) {
  const app: Koa = version === 2 ? new (Koa2 as typeof Koa)() : new Koa();
  app.silent = true;
  const guard = rampart.koa(options);
  const router = new Router();
  app.use(guard as never);
  app.use(bodyParser());
  router.get('/hello', (ctx) => void (ctx.body = { hello: 'world' }));
  router.get('/html', (ctx) => {
    ctx.type = 'html';
    ctx.body = html(ctx.state.cspNonce as string);
  });
  router.get('/user', (ctx) => void (ctx.body = userRecord()));
  router.get('/profile', rampart.validate(profileRule) as never, (ctx) => void (ctx.body = userRecord()));
  router.get('/login', rampart.validate(loginRule) as never, (ctx) => void (ctx.body = { token: 't-1', userId: 7, passwordHash: 'x' }));
  router.post('/echo', (ctx) => void (ctx.body = { body: ctx.request.body ?? null }));
  router.post('/users', rampart.validate(createUserSchema) as never, (ctx) => {
    ctx.status = 201;
    ctx.body = ctx.request.body;
  });
  router.get('/orders/:id', rampart.validate(orderSchema) as never, (ctx) => void (ctx.body = { id: (ctx.state.validated as { params: { id: number } }).params.id }));
  router.get('/search', rampart.validate(searchSchema) as never, (ctx) => void (ctx.body = { q: ctx.query.q }));
  router.get('/query', (ctx) => void (ctx.body = { query: ctx.query }));
  router.get('/cookie', (ctx) => {
    ctx.cookies.set('sid', 'abc', { httpOnly: false, secure: false, sameSite: false, overwrite: true });
    ctx.cookies.set('XSRF-TOKEN', 'x1', { httpOnly: false });
    ctx.body = { ok: true };
  });
  router.get('/private', (ctx) => void (ctx.body = { mine: true }));
  router.get('/boom', () => {
    throw new Error(SECRET_ERROR);
  });
  router.get('/async-boom', async () => {
    await new Promise((r) => setTimeout(r, 1));
    throw new Error(SECRET_ERROR);
  });
  router.get('/deliberate', (ctx) => {
    ctx.throw(404, 'No order 42 for this account');
  });
  router.get('/crash', async () => {
    await new Promise((_resolve) => {
      setTimeout(() => {
        throw new Error(SECRET_ERROR);
      }, 5);
    });
  });
  router.post('/crash-after-body', async () => {
    await new Promise((_resolve) => {
      setTimeout(() => {
        throw new Error(SECRET_ERROR);
      }, 5);
    });
  });
  app.use(router.routes());
  return { listener: app.callback(), guard };
}

function buildNodeHttp(options: GuardOptions) {
  const handler = async (req: GuardedRequest, res: GuardedResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /hello':
        return res.json({ hello: 'world' });
      case 'GET /html':
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        return void res.end(html(req.cspNonce ?? ''));
      case 'GET /user':
      case 'GET /profile':
        return res.json(userRecord());
      case 'POST /echo':
        return res.json({ body: req.body ?? null });
      case 'GET /query':
        return res.json({ query: Object.fromEntries(url.searchParams) });
      case 'GET /cookie':
        res.setHeader('Set-Cookie', ['sid=abc; Path=/', 'XSRF-TOKEN=x1; Path=/']);
        return res.json({ ok: true });
      case 'GET /private':
        return res.json({ mine: true });
      case 'GET /boom':
        throw new Error(SECRET_ERROR);
      case 'GET /async-boom':
        await new Promise((r) => setTimeout(r, 1));
        throw new Error(SECRET_ERROR);
      case 'GET /deliberate':
        throw deliberate404();
      case 'GET /crash':
      case 'POST /crash-after-body':
        setTimeout(() => {
          throw new Error(SECRET_ERROR);
        }, 5);
        return;
      default:
        throw createHttpError(404, 'Not found');
    }
  };
  const guard = rampart.http(handler, options);
  return { listener: guard, guard };
}

export async function startApp(framework: Framework, options: GuardOptions = {}): Promise<RunningApp & { guard: { close(): Promise<void> } }> {
  let built: { listener: (req: IncomingMessage, res: ServerResponse) => void; guard: { close(): Promise<void> }; app?: { close(): Promise<unknown> } };
  if (framework === 'express4' || framework === 'express5') built = buildExpress(framework, options);
  else if (framework === 'fastify') built = await buildFastify(options);
  else if (framework === 'koa') built = buildKoa(options);
  else if (framework === 'koa2') built = buildKoa(options, 2);
  else built = buildNodeHttp(options);
  const server = createServer(built.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    guard: built.guard,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await built.guard.close();
      await built.app?.close();
    },
  };
}
