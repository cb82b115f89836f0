import { createRequire } from 'node:module';
import type MinVersion from 'semver/ranges/min-version.js';
import { isNode, nodeStart, propertyName, unwrap } from '../ast.js';
import { nameOf } from '../identifier-words.js';
import { dependencyRange } from '../project.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, Node, Visitors } from '../types.js';
import { isFunction } from '../value-origin.js';
import { findRoutes, handlerFunction, importsModule } from '../web-apps.js';

/**
 * Express 4 calls handlers and ignores what they return, so a rejected promise from an
 * async handler never reaches the error middleware: the request hangs until it times out
 * and Node reports an unhandled rejection (and exits, by default, since Node 15). Express 5
 * forwards rejections to next(err); so do express-async-errors (a global patch), promise-aware
 * routers and wrappers such as express-async-handler. When the scanner read the package.json
 * that applies to the file and it asks for Express 5 or later, the rule stays silent; without
 * one (inside ESLint) it cannot tell, so it stays at medium confidence and names Express 5 in its advice.
 */

// One function of semver, loaded when a package.json names express (the whole package is ~50 modules).
let minVersionOf: typeof MinVersion | undefined;

/** True when the range the package.json gives for express only admits Express 5 or later. */
function expressFiveOrLater(range: string | undefined): boolean {
  if (range === undefined) return false;
  try {
    minVersionOf ??= createRequire(import.meta.url)('semver/ranges/min-version') as typeof MinVersion;
    const min = minVersionOf(range);
    return min !== null && min.major >= 5;
  } catch {
    return false; // a tag, URL or git reference: unknown
  }
}

/**
 * Packages that make Express await handlers: importing one anywhere in the file silences the rule.
 * Rampart's guard (`@rampart/guard`) forwards Express 4 rejections to next(err) once `rampart()` is
 * mounted (errors.expressAsync, on by default); route files import it for `rampart.validate`.
 */
const ASYNC_AWARE = new Set(['express-async-errors', 'express-async-error', '@root/async-router', 'express-promise-router', '@awaitjs/express', 'express-async-router', 'express5', '@rampart/guard']);

interface Uncovered {
  readonly node: Node;
  readonly what: 'await' | 'throw';
}

/** `await x.catch(...)`, `await Promise.allSettled(...)`: promises that cannot reject here. */
function cannotReject(argument: Node): boolean {
  const a = unwrap(argument);
  if (a?.type !== 'CallExpression') return false;
  const callee = unwrap(a.callee);
  if (callee?.type !== 'MemberExpression') return false;
  const method = propertyName(callee.property, callee.computed);
  if (method === 'catch') return true;
  if (method === 'then' && a.arguments.length >= 2) return true;
  return method === 'allSettled' && nameOf(callee.object) === 'Promise';
}

/** A catch clause that throws again (outside nested functions) does not stop the rejection. */
function rethrows(handler: Node): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found || isFunction(n)) return;
    if (n.type === 'ThrowStatement') {
      found = true;
      return;
    }
    for (const key in n) {
      if (key === 'parent') continue;
      const v = n[key];
      if (Array.isArray(v)) v.forEach((c) => isNode(c) && visit(c));
      else if (isNode(v)) visit(v);
    }
  };
  visit(handler.body);
  return found;
}

/** The first await or throw in a function body that no enclosing try/catch of the same function covers. */
function firstUncovered(fn: Node): Uncovered | undefined {
  let found: Uncovered | undefined;
  const visit = (n: Node, covered: boolean): void => {
    if (found || (n !== fn && isFunction(n))) return;
    if (n.type === 'TryStatement') {
      const catches = !!n.handler && !rethrows(n.handler);
      visit(n.block, covered || catches);
      if (n.handler) visit(n.handler.body, covered);
      if (n.finalizer) visit(n.finalizer, covered);
      return;
    }
    if (!covered) {
      if (n.type === 'AwaitExpression' && !cannotReject(n.argument)) {
        found = { node: n, what: 'await' };
        return;
      }
      if (n.type === 'ForOfStatement' && n.await) {
        found = { node: n, what: 'await' };
        return;
      }
      if (n.type === 'ThrowStatement') {
        found = { node: n, what: 'throw' };
        return;
      }
    }
    for (const key in n) {
      if (key === 'parent' || key === 'params' || key === 'typeAnnotation' || key === 'returnType') continue;
      const v = n[key];
      if (Array.isArray(v)) v.forEach((c) => isNode(c) && visit(c, covered));
      else if (isNode(v)) visit(v, covered);
    }
  };
  visit(fn.body, false);
  return found;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'express-async-unhandled',
    title: 'Async Express handler whose rejections nothing catches',
    practice: 3,
    cwe: 'CWE-248',
    severity: 'medium',
    confidence: 'medium',
    description:
      'Express 4 ignores the promise an async handler returns. When an awaited call rejects (a database error, a failed fetch) or the handler throws, the error never reaches the error middleware: the request hangs until the client gives up, and Node reports an unhandled rejection, which since Node 15 terminates the process by default. One bad request can take the server down. Express 5, express-async-errors and wrappers such as express-async-handler forward the rejection to next(err).',
    fix: 'Wrap the handler body in try/catch and call next(err), pass the handler through a wrapper (express-async-handler, a local `asyncHandler`), `require("express-async-errors")` once at startup, or upgrade to Express 5, which handles rejected promises.',
  },
  samples: {
    valid: [
      // try/catch around every await
      `router.get('/users/:id', async (req, res, next) => {
  try {
    const user = await User.findById(req.params.id);
    if (!user) return res.sendStatus(404);
    res.json(user);
  } catch (err) {
    next(err);
  }
});`,
      // Wrapped handlers
      `const asyncHandler = require('express-async-handler');
router.post('/orders', asyncHandler(async (req, res) => {
  const order = await Order.create(req.body);
  res.status(201).json(order);
}));
router.get('/orders', catchAsync(async (req, res) => {
  res.json(await Order.find());
}));`,
      // express-async-errors patches Express for the whole process
      `require('express-async-errors');
const express = require('express');
const app = express();
app.get('/report', async (req, res) => {
  res.json(await buildReport(req.query));
});
app.listen(3000);`,
      // Rampart's guard forwards Express 4 rejections to its error handler; the route file uses its validate()
      {
        filename: 'routes/orders.mjs',
        code: `import express from 'express';
import { rampart } from '@rampart/guard';
export const router = express.Router();
router.post('/', rampart.validate({ body: OrderBody }), async (req, res) => {
  res.status(201).json(await orders.create(req.body));
});`,
      },
      // Fastify and Koa handle promises themselves
      `const fastify = require('fastify')();
fastify.get('/items', async (request, reply) => {
  const items = await db.items.all();
  return items;
});
router.get('/koa', async (ctx) => {
  ctx.body = await load(ctx.params.id);
});`,
      // Awaits that cannot reject, and a synchronous handler
      {
        filename: 'routes.ts',
        code: `import { Router } from 'express';
export const router = Router();
router.get('/stats', async (req, res) => {
  const results = await Promise.allSettled([countUsers(), countOrders()]);
  const cached = await cache.get('stats').catch(() => null);
  res.json({ results, cached });
});
router.get('/ping', (req, res) => res.send('pong'));`,
      },
      // express-promise-router handles rejections
      `const Router = require('express-promise-router');
const router = new Router();
router.get('/:id', async (req, res) => {
  const { rows } = await db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  res.send(rows[0]);
});
module.exports = router;`,
    ],
    invalid: [
      // The classic
      `const express = require('express');
const router = express.Router();
router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json(user);
});
module.exports = router;`,
      // try/catch that rethrows, and an await after the try block
      `app.post('/upload', async (req, res) => {
  let file;
  try {
    file = await storage.save(req.file);
  } catch (err) {
    throw new Error('upload failed: ' + err.message);
  }
  res.json({ id: file.id });
});`,
      // Middleware and a handler declared in the file (ESM, TypeScript)
      {
        filename: 'app.ts',
        code: `import express, { Request, Response, NextFunction } from 'express';
const app = express();
app.use(async (req: Request, res: Response, next: NextFunction) => {
  req.tenant = await tenants.resolve(req.hostname);
  next();
});
async function listInvoices(req: Request, res: Response) {
  const invoices = await Invoice.findAll({ where: { tenantId: req.tenant.id } });
  res.json(invoices);
}
app.get('/invoices', requireAuth, listInvoices);
app.listen(3000);`,
        count: 2,
      },
      // A throw in an async handler is a rejection too
      `const { Router } = require('express');
const router = Router();
router.route('/items/:id').delete(async function (req, res) {
  if (!req.user.isAdmin) throw new ForbiddenError('admins only');
  res.sendStatus(204);
});`,
    ],
  },
  create(context): Visitors {
    // Throwaway apps and handlers in tests are not what users reach.
    if (isTestFile(context.filename)) return {};
    // Only async functions are reported, and each is written with the keyword.
    if (!context.sourceCode.text.includes('async')) return {};
    if (expressFiveOrLater(dependencyRange(context, 'express'))) return {};
    return {
      'Program:exit'() {
        const sc = context.sourceCode;
        if (importsModule(sc, ASYNC_AWARE)) return;
        const seen = new Set<Node>();
        for (const route of findRoutes(sc)) {
          if (route.framework !== 'express') continue;
          if (route.app && route.app.module !== 'express') continue;
          for (const h of route.handlers) {
            const target = handlerFunction(h);
            if (!target || target.wrapped || !target.fn.async || seen.has(target.fn)) continue;
            seen.add(target.fn);
            const hit = firstUncovered(target.fn);
            if (!hit) continue;
            const where = route.path !== undefined ? `${route.method.toUpperCase()} ${route.path}` : `app.${route.method}()`;
            const line = lineOf(context.sourceCode.text, nodeStart(hit.node));
            context.report({
              node: target.fn,
              message:
                hit.what === 'await'
                  ? `Async handler (${where}) awaits outside any try/catch (line ${line}): in Express 4 a rejection never reaches the error middleware, the request hangs and Node may exit on the unhandled rejection. Catch and call next(err), wrap the handler, or use Express 5.`
                  : `Async handler (${where}) throws outside any try/catch (line ${line}): the rejected promise never reaches Express 4's error middleware, the request hangs and Node may exit on the unhandled rejection. Call next(err) instead, wrap the handler, or use Express 5.`,
            });
          }
        }
      },
    };
  },
};

export default rule;
