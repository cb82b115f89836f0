import { hasSecurityHeaders } from '../security-middleware.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, Visitors } from '../types.js';
import { findWebApps, isServedOrExported } from '../web-apps.js';

/**
 * Express, Fastify and Koa send none of the headers that make browsers defend a page:
 * Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options, frame and
 * cross-origin policies. One middleware (helmet and its ports, lusca, Rampart's guard) sets
 * them all. The rule looks at the file that creates and serves an app and reports when
 * nothing there sets them.
 */

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'missing-security-headers',
    title: 'Web app served without security headers (helmet or equivalent)',
    practice: 9,
    cwe: 'CWE-693',
    severity: 'medium',
    confidence: 'medium',
    description:
      'Express, Fastify and Koa send no Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options or cross-origin policies by default. Without them browsers allow injected scripts to run, pages to be framed for clickjacking, responses to be MIME-sniffed into scripts, and connections to be downgraded to plain HTTP. One middleware sets all of them with safe defaults.',
    fix: 'Register helmet first: `app.use(helmet())` for Express, `await fastify.register(helmet)` with @fastify/helmet, `app.use(helmet())` with koa-helmet (or Rampart\'s guard, `app.use(rampart())`), then tune the Content-Security-Policy for your pages.',
  },
  samples: {
    valid: [
      `const express = require('express');
const helmet = require('helmet');
const app = express();
app.use(helmet());
app.get('/', (req, res) => res.render('home'));
app.listen(3000);`,
      // Fastify with @fastify/helmet, ESM
      {
        filename: 'server.mjs',
        code: `import Fastify from 'fastify';
import helmet from '@fastify/helmet';
const fastify = Fastify({ logger: true });
await fastify.register(helmet, { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } } });
fastify.get('/', async () => ({ ok: true }));
await fastify.listen({ port: 3000 });`,
      },
      // Koa with koa-helmet; Rampart's guard
      `const Koa = require('koa');
const helmet = require('koa-helmet');
const app = new Koa();
app.use(helmet());
app.use(async (ctx) => { ctx.body = 'hi'; });
app.listen(3000);`,
      {
        filename: 'app.ts',
        code: `import express from 'express';
import { rampart } from '@rampart/guard';
export const app = express();
app.use(rampart());
app.get('/health', (_req, res) => res.send('ok'));`,
      },
      // Headers set by hand in a middleware
      `const express = require('express');
const app = express();
app.use((req, res, next) => {
  res.setHeader('Content-Security-Policy', "default-src 'self'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  next();
});
app.get('/', home);
module.exports = app;`,
      // A local security middleware, and a router file
      `const express = require('express');
const { securityHeaders } = require('./middleware/security');
const app = express();
app.use(securityHeaders);
app.use('/api', api);
app.listen(8080);`,
      `const router = require('express').Router();
router.get('/', (req, res) => res.json([]));
module.exports = router;`,
      // A throwaway app in a test
      {
        filename: 'test/json-limits.test.js',
        code: `const express = require('express');
let server;
beforeAll(async () => {
  const app = express();
  app.put('/api/items', (req, res) => res.json({ bytes: req.body.length }));
  server = await new Promise((resolve) => { const s = app.listen(0, () => resolve(s)); });
});`,
      },
    ],
    invalid: [
      `const express = require('express');
const app = express();
app.use(express.json());
app.get('/', (req, res) => res.send('<h1>Welcome</h1>'));
app.listen(process.env.PORT || 3000);`,
      // Fastify, TypeScript, helmet imported but never registered
      {
        filename: 'server.ts',
        code: `import fastify from 'fastify';
import helmet from '@fastify/helmet';
const server = fastify({ logger: true });
server.get('/api/items', async (request, reply) => {
  return reply.send(await items.list());
});
server.listen({ port: 8080, host: '0.0.0.0' });`,
      },
      // Koa app passed to http.createServer
      `const Koa = require('koa');
const http = require('http');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
router.get('/', (ctx) => { ctx.body = 'ok'; });
app.use(router.routes());
http.createServer(app.callback()).listen(3000);`,
      // Exported express app (ESM), only CORS configured
      {
        filename: 'app.mjs',
        code: `import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors({ origin: 'https://shop.example.com' }));
app.use('/api', apiRouter);
export default app;`,
      },
    ],
  },
  create(context): Visitors {
    // Throwaway apps and handlers in tests are not what users reach.
    if (isTestFile(context.filename)) return {};
    return {
      'Program:exit'() {
        const sc = context.sourceCode;
        for (const app of findWebApps(sc)) {
          if (app.kind !== 'app' || !isServedOrExported(app, sc)) continue;
          if (hasSecurityHeaders(app, sc)) continue;
          const fix = app.framework === 'fastify' ? '@fastify/helmet' : app.framework === 'koa' ? 'koa-helmet' : 'helmet';
          context.report({
            node: app.node,
            message: `This ${app.framework === 'express' ? 'Express' : app.framework === 'fastify' ? 'Fastify' : 'Koa'} app is served without security headers (Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options): register ${fix} or an equivalent middleware.`,
          });
        }
      },
    };
  },
};

export default rule;
