import { createServer, type Server, type ServerResponse } from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { expressAuth, fastifyAuth, koaAuth, nodeHttpAuth, type ExpressLikeRequest, type Auth, type AuthContext } from '@rampart/auth';
import { listen } from './http.ts';

// What an app adds once so its handlers see `req.auth` typed (docs/auth.md shows the same).
declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}
declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext;
  }
}

/** One small app per framework with the same routes, built the way each framework's users build it. */
export interface RunningApp {
  base: string;
  close(): Promise<void>;
}

export type Framework = 'express' | 'fastify' | 'koa' | 'node:http';

export async function startApp(framework: Framework, auth: Auth): Promise<RunningApp> {
  if (framework === 'express') {
    const a = expressAuth(auth);
    const app = express();
    app.use(express.json());
    app.use(express.urlencoded({ extended: false }));
    app.use(a.session);
    app.post('/login', a.login);
    app.post('/login/2fa', a.secondFactor);
    app.post('/logout', a.logout);
    app.post('/logout-everywhere', a.logoutEverywhere);
    app.get('/me', a.requireUser, (req, res) => void res.json({ userId: req.auth?.userId }));
    app.get('/csrf', (req, res) => void res.json({ csrfToken: req.auth?.csrfToken }));
    app.post('/orders', a.requireUser, (req, res) => void res.json({ ok: true, by: req.auth?.userId }));
    const server = createServer(app);
    return { base: await listen(server), close: () => closeServer(server) };
  }
  if (framework === 'node:http') {
    const a = nodeHttpAuth(auth);
    type Step = (req: ExpressLikeRequest, res: ServerResponse, next: (err?: unknown) => void) => void;
    const respond = (res: ServerResponse, status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const routes: Record<string, Step[]> = {
      'POST /login': [a.login],
      'POST /login/2fa': [a.secondFactor],
      'POST /logout': [a.logout],
      'POST /logout-everywhere': [a.logoutEverywhere],
      'GET /me': [a.requireUser, (req, res) => respond(res, 200, { userId: req.auth?.userId })],
      'POST /orders': [a.requireUser, (req, res) => respond(res, 200, { ok: true, by: req.auth?.userId })],
    };
    const server = createServer((req: ExpressLikeRequest, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 65_536) chunks.push(c);
      });
      req.on('end', () => {
        try {
          req.body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
        } catch {
          return respond(res, 400, { error: 'bad JSON' });
        }
        req.ip = req.socket.remoteAddress;
        const chain = [a.session, ...(routes[`${req.method} ${(req.url ?? '').split('?')[0]}`] ?? [(_q: ExpressLikeRequest, r: ServerResponse) => respond(r, 404, {})])];
        const run = (i: number) => (err?: unknown) => (err ? respond(res, 500, { error: 'internal' }) : chain[i]?.(req, res, run(i + 1)));
        run(0)();
      });
    });
    return { base: await listen(server), close: () => closeServer(server) };
  }
  if (framework === 'fastify') {
    const a = fastifyAuth(auth);
    const app = Fastify();
    app.addHook('preHandler', a.preHandler);
    app.post('/login', a.login);
    app.post('/login/2fa', a.secondFactor);
    app.post('/logout', a.logout);
    app.post('/logout-everywhere', a.logoutEverywhere);
    app.get('/me', { preHandler: a.requireUser }, async (request) => ({ userId: request.auth?.userId }));
    app.post('/orders', { preHandler: a.requireUser }, async (request) => ({ ok: true, by: request.auth?.userId }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    return { base: `http://127.0.0.1:${address.port}`, close: () => app.close() };
  }
  const a = koaAuth(auth);
  const app = new Koa();
  app.use(bodyParser());
  app.use(a.session as Koa.Middleware);
  const routes: Record<string, Koa.Middleware[]> = {
    'POST /login': [a.login as Koa.Middleware],
    'POST /login/2fa': [a.secondFactor as Koa.Middleware],
    'POST /logout': [a.logout as Koa.Middleware],
    'POST /logout-everywhere': [a.logoutEverywhere as Koa.Middleware],
    'GET /me': [a.requireUser as Koa.Middleware, async (ctx) => void (ctx.body = { userId: ctx.state.auth?.userId })],
    'POST /orders': [a.requireUser as Koa.Middleware, async (ctx) => void (ctx.body = { ok: true, by: ctx.state.auth?.userId })],
  };
  app.use(async (ctx, next) => {
    const chain = routes[`${ctx.method} ${ctx.path}`];
    if (!chain) return next();
    const run = (i: number): Promise<void> => (i < chain.length ? Promise.resolve(chain[i](ctx, () => run(i + 1))).then(() => undefined) : Promise.resolve());
    await run(0);
  });
  const server = createServer(app.callback());
  return { base: await listen(server), close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
