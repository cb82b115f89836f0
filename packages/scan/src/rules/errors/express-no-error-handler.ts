import { memberPath, unwrap } from '../ast.js';
import { nameOf, nameWords } from '../identifier-words.js';
import { isFunction } from '../value-origin.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, Node, Visitors } from '../types.js';
import { calleeLabel, callsTakingApp, findRoutes, findWebApps, handlerFunction, isServedOrExported, type Route } from '../web-apps.js';

/**
 * Without its own error middleware an Express app falls back to finalhandler, which sends
 * the error's stack trace as HTML unless NODE_ENV is exactly "production" (often unset in
 * containers and PaaS), and otherwise a bare HTML page. The rule looks at the file that
 * creates and serves the app: routes, but no `(err, req, res, next)` middleware.
 */

/** Words that say "error handler": errorHandler, handleErrors, Sentry.Handlers.errorHandler, './middleware/error'. */
const ERROR_WORDS = new Set(['err', 'error', 'errors', 'errorhandler', 'errorhandling', 'problem', 'problems', 'exception', 'exceptions', 'finalhandler']);

function isErrorHandlerName(label: string): boolean {
  return nameWords(label).some((w) => ERROR_WORDS.has(w));
}

/** Helpers the app is handed to that may well register the error handler themselves. */
const SETUP_NAME = /error|exception|middleware|setup|configure|bootstrap|init|loader|install|register|apply|harden/i;

function isErrorHandlerArgument(handler: Node): boolean {
  const fn = handlerFunction(handler);
  if (fn && !fn.wrapped && fn.fn.params.length === 4) return true;
  const h = unwrap(handler)!;
  if (h.type === 'CallExpression') return isErrorHandlerName(calleeLabel(h));
  return isErrorHandlerName(memberPath(h) ?? nameOf(h) ?? '');
}

/** A route, or a middleware that is a router (`app.use('/api', api)`, `app.use(routes)`), not `app.use(cors())`. */
function isRouteRegistration(r: Route): boolean {
  if (r.method !== 'use') return true;
  if (r.path !== undefined) return true;
  return r.handlers.some((h) => {
    const n = unwrap(h)!;
    if (n.type === 'CallExpression') return n.callee.type === 'Identifier' && n.callee.name === 'require';
    return n.type === 'Identifier' || n.type === 'MemberExpression' || (isFunction(n) && n.params.length < 4);
  });
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'express-no-error-handler',
    title: 'Express app without error-handling middleware',
    practice: 3,
    cwe: 'CWE-755',
    severity: 'medium',
    confidence: 'medium',
    description:
      'An Express app with no error middleware of its own falls back to the built-in handler, which answers every error with the stack trace as an HTML page unless NODE_ENV is exactly "production", and otherwise with a bare page whose format the app does not control. NODE_ENV is often unset in containers and on PaaS, so stack traces with file paths and library versions end up in front of users and attackers.',
    fix: 'Register a last middleware with four parameters, `app.use((err, req, res, next) => { log(err); res.status(err.status ?? 500).json({ error: "Internal server error" }) })`, after all routes.',
  },
  samples: {
    valid: [
      // 4-argument error middleware after the routes
      `const express = require('express');
const app = express();
app.use(express.json());
app.get('/health', (req, res) => res.send('ok'));
app.use('/api', require('./routes/api'));
app.use((err, req, res, next) => {
  req.log.error(err);
  res.status(500).json({ error: 'Internal server error' });
});
app.listen(process.env.PORT || 3000);`,
      // Imported error handler, ESM, TypeScript
      {
        filename: 'app.ts',
        code: `import express from 'express';
import { errorHandler } from './middleware/error-handler';
import { usersRouter } from './users/router';
export const app = express();
app.use(express.json());
app.use('/users', usersRouter);
app.use(errorHandler);`,
      },
      // Sentry's handler and a required error module
      `const Sentry = require('@sentry/node');
const express = require('express');
const app = express();
app.get('/', (req, res) => res.render('index'));
app.use(Sentry.Handlers.errorHandler());
app.use(require('./middleware/errors'));
module.exports = app;`,
      // Typed handler declared in the file with four parameters
      {
        filename: 'server.ts',
        code: `import express, { type ErrorRequestHandler } from 'express';
const app = express();
const onFailure: ErrorRequestHandler = (err, _req, res, _next) => {
  res.status(500).send({ message: 'Unexpected error' });
};
app.post('/jobs', createJob);
app.use(onFailure);
app.listen(8080);`,
      },
      // The app is handed to a setup function that registers middleware; a router-only file; a test app
      `const express = require('express');
const { setupMiddleware } = require('./setup');
const app = express();
app.get('/status', status);
setupMiddleware(app);
app.listen(3000);`,
      `const express = require('express');
const router = express.Router();
router.get('/', list);
router.post('/', create);
module.exports = router;`,
      `const request = require('supertest');
const express = require('express');
const app = express();
app.get('/ping', (req, res) => res.send('pong'));
test('ping', async () => { await request(app).get('/ping').expect(200); });`,
    ],
    invalid: [
      // The classic app.js
      `const express = require('express');
const app = express();
const port = 3000;
app.use(express.json());
app.get('/users/:id', async (req, res) => {
  const user = await db.users.find(req.params.id);
  res.json(user);
});
app.post('/users', createUser);
app.listen(port, () => console.log('listening on ' + port));`,
      // ESM, exported for a server file, routers mounted
      {
        filename: 'app.mjs',
        code: `import express from 'express';
import helmet from 'helmet';
import authRoutes from './routes/auth.js';
import orderRoutes from './routes/orders.js';
const app = express();
app.use(helmet());
app.use('/auth', authRoutes);
app.use('/orders', orderRoutes);
export default app;`,
      },
      // Factory returning the app; a 3-argument "error" middleware is not an error handler
      {
        filename: 'create-app.ts',
        code: `import express from 'express';
export function createApp(deps: Deps) {
  const app = express();
  app.get('/items', (req, res) => res.json(deps.items.list()));
  app.use((req, res, next) => { res.status(404).send('Not found'); });
  return app;
}`,
      },
      // http.createServer(app)
      `const http = require('node:http');
const app = require('express')();
app.use(require('./routes'));
http.createServer(app).listen(80);`,
    ],
  },
  create(context): Visitors {
    // Throwaway apps and handlers in tests are not what users reach.
    if (isTestFile(context.filename)) return {};
    return {
      'Program:exit'() {
        const sc = context.sourceCode;
        for (const app of findWebApps(sc)) {
          if (app.framework !== 'express' || app.kind !== 'app') continue;
          if (!isServedOrExported(app, sc)) continue;
          const routes = findRoutes(sc).filter((r) => r.app === app);
          if (!routes.some(isRouteRegistration)) continue;
          if (routes.some((r) => r.method === 'use' && r.handlers.some(isErrorHandlerArgument))) continue;
          if (callsTakingApp(app, sc).some((c) => SETUP_NAME.test(calleeLabel(c)))) continue;
          context.report({
            node: app.node,
            message: `This Express app registers routes but no error middleware \`(err, req, res, next)\`: Express's default handler then sends stack traces to clients whenever NODE_ENV is not "production".`,
          });
        }
      },
    };
  },
};

export default rule;
