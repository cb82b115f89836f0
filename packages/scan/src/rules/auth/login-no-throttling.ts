import { propertyName, unwrap, walk } from '../ast.js';
import { nameWords } from '../identifier-words.js';
import { isVerifyCall, passwordCheckNegative } from '../password-checks.js';
import { appMiddleware, middlewareLabel } from '../security-middleware.js';
import { projectDependencies } from '../project.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, JsRuleContext, Node, Visitors } from '../types.js';
import { calleeLabel, findRoutes, handlerFunction, importsModule, type Route } from '../web-apps.js';

/**
 * A login route that checks passwords with nothing counting failures lets an attacker try
 * passwords as fast as the server answers: credential stuffing and guessing. The rule finds
 * routes whose handler verifies a password and looks for throttling where the code shows it:
 * a rate-limit package in the project or the file, a limiter in the route's middleware or the
 * router's, or a failure counter in the handler. Without the project's package.json (inside
 * ESLint) a limiter applied in another file cannot be seen, so the report is low confidence.
 */

/** Packages that limit or slow down repeated requests or failed logins. */
export const THROTTLE_MODULES: ReadonlySet<string> = new Set([
  'express-rate-limit', 'express-slow-down', 'express-brute', 'express-brute-redis', 'express-limiter', 'express-throttle', 'express-bouncer',
  'rate-limiter-flexible', 'rate-limit-redis', 'limiter', 'bottleneck', 'ratelimiter', '@upstash/ratelimit',
  '@fastify/rate-limit', 'fastify-rate-limit', 'koa-ratelimit', 'koa2-ratelimit', 'koa-better-ratelimit', 'hapi-rate-limit', 'hapi-rate-limitor',
  '@nestjs/throttler', '@rampart/auth', '@rampart/guard', 'passport-local-throttle',
]);

/** Words naming a limiter or a failure counter: `loginLimiter`, `rateLimit()`, `bruteforce.prevent`, `recordFailedAttempt`. */
const THROTTLE_WORDS = new Set(['limit', 'limiter', 'limiters', 'ratelimit', 'ratelimiter', 'throttle', 'throttler', 'throttling', 'brute', 'bruteforce', 'slowdown', 'lockout', 'lock', 'attempt', 'attempts', 'backoff', 'captcha', 'recaptcha', 'hcaptcha', 'turnstile']);

const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'all']);

function namesThrottle(label: string | undefined): boolean {
  return !!label && nameWords(label).some((w) => THROTTLE_WORDS.has(w));
}

/** passport.authenticate('local'): the password check happens in a strategy registered elsewhere. */
function isPassportLocal(handler: Node): boolean {
  const n = unwrap(handler);
  if (n?.type !== 'CallExpression') return false;
  if (!/(^|\.)authenticate$/.test(calleeLabel(n))) return false;
  return /^(local|password|credentials)$/.test(String(unwrap(n.arguments[0])?.value ?? ''));
}

function contains(fn: Node, test: (n: Node) => boolean): boolean {
  let found = false;
  walk(fn.body, (n) => {
    found ||= test(n);
  });
  return found;
}

function checksPassword(fn: Node, context: JsRuleContext): boolean {
  return contains(
    fn,
    (n) => (n.type === 'CallExpression' && isVerifyCall(n, context)) || ((n.type === 'IfStatement' || n.type === 'BinaryExpression') && passwordCheckNegative(n.type === 'IfStatement' ? n.test : n, context) !== undefined),
  );
}

/** A call in the handler that counts or checks failures: `limiter.consume(ip)`, `recordFailedAttempt(user)`. */
function countsFailures(fn: Node): boolean {
  return contains(fn, (n) => n.type === 'CallExpression' && namesThrottle(calleeLabel(n)));
}

/** Fastify's per-route `{ config: { rateLimit: {...} } }`, or a limiter among the route's middleware. */
function routeThrottled(route: Route): boolean {
  return [...route.handlers, ...(route.call.arguments ?? [])].some((h: Node) => {
    const n = unwrap(h);
    if (n?.type === 'ObjectExpression') return propertyNames(n).some((k) => namesThrottle(k));
    if (n?.type === 'ArrayExpression') return n.elements.some((e: Node) => namesThrottle(middlewareLabel(e)));
    return namesThrottle(middlewareLabel(h));
  });
}

function propertyNames(obj: Node, depth = 0): string[] {
  const out: string[] = [];
  for (const p of obj.properties ?? []) {
    if (p.type !== 'Property') continue;
    const k = propertyName(p.key, p.computed);
    if (k) out.push(k);
    const v = unwrap(p.value);
    if (v?.type === 'ObjectExpression' && depth < 3) out.push(...propertyNames(v, depth + 1));
  }
  return out;
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'login-no-throttling',
    title: 'Login route with no throttling of failed attempts',
    practice: 2,
    cwe: 'CWE-307',
    severity: 'medium',
    confidence: 'medium',
    description:
      'A route that checks passwords with nothing limiting failed attempts lets an attacker guess passwords, or replay leaked ones (credential stuffing), as fast as the server answers. OWASP ASVS 5.0 (6.3.1) and NIST 800-63B ask for a limit on failed attempts per account, and a rate limit per client address.',
    fix: 'Put a limiter on the login route (express-rate-limit, rate-limiter-flexible, @fastify/rate-limit, koa-ratelimit), better one that counts failures per account and per IP with growing delays, such as @rampart/auth\'s login throttle: `app.post(\'/login\', loginLimiter, login)`.',
  },
  samples: {
    valid: [
      // express-rate-limit on the route
      `const express = require('express');
const { rateLimit } = require('express-rate-limit');
const router = express.Router();
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 });
router.post('/login', loginLimiter, async (req, res) => {
  const user = await users.findByEmail(req.body.email);
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) return res.status(401).json({ error: 'Incorrect credentials' });
  res.json({ ok: true });
});
module.exports = router;`,
      // a limiter on the whole router, by name
      `const router = require('express').Router();
const { authLimiter } = require('../middleware/limits');
router.use(authLimiter);
router.post('/signin', async (req, res) => {
  const account = await Account.findOne({ email: String(req.body.email) });
  if (!account || !(await account.comparePassword(req.body.password))) return res.sendStatus(401);
  res.sendStatus(204);
});
module.exports = router;`,
      // rate-limiter-flexible inside the handler
      `const express = require('express');
const app = express();
app.post('/api/login', async (req, res) => {
  try { await loginLimiter.consume(req.ip); } catch { return res.status(429).end(); }
  const user = await db.user(req.body.username);
  if (!user || !(await argon2.verify(user.hash, req.body.password))) return res.status(401).end();
  res.end();
});
app.listen(3000);`,
      // Fastify per-route rateLimit config
      {
        filename: 'auth.mjs',
        code: `export default async function routes(fastify) {
  fastify.post('/login', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (request, reply) => {
    const user = await fastify.db.findUser(request.body.email);
    if (!user || !(await verifyPassword(user.hash, request.body.password))) return reply.code(401).send({ error: 'Incorrect credentials' });
    return { ok: true };
  });
}`,
      },
      // not a password check: a search form
      `const router = require('express').Router();
router.post('/search', async (req, res) => res.json(await products.search(String(req.body.q))));
module.exports = router;`,
      // a test file
      {
        filename: 'test/login.test.js',
        code: `const express = require('express');
const app = express();
app.post('/login', (req, res) => res.sendStatus(checkPassword(req.body.password, 'x') ? 204 : 401));`,
      },
    ],
    invalid: [
      `const express = require('express');
const router = express.Router();
router.post('/login', (req, res) => {
  const user = db.prepare('SELECT * FROM users WHERE email = ?').get(req.body.email);
  if (!user || !checkPassword(req.body.password, user.password_hash)) {
    return res.status(401).json({ error: 'Incorrect credentials' });
  }
  res.json({ id: user.id });
});
module.exports = router;`,
      // bcrypt.compare with a callback, Express app
      `const express = require('express');
const bcrypt = require('bcrypt');
const app = express();
app.use(express.json());
app.post('/auth/login', (req, res) => {
  User.findOne({ email: req.body.email }, (err, user) => {
    if (err || !user) return res.status(401).send('Invalid');
    bcrypt.compare(req.body.password, user.password, (e, same) => {
      if (!same) return res.status(401).send('Invalid');
      res.send('ok');
    });
  });
});
app.listen(3000);`,
      // Koa router, password compared with a hash
      `const Router = require('@koa/router');
const router = new Router();
router.post('/session', async (ctx) => {
  const user = await Users.byName(ctx.request.body.username);
  if (!user || user.password !== sha256(ctx.request.body.password)) ctx.throw(401);
  ctx.body = { token: issueToken(user) };
});
module.exports = router;`,
    ],
  },
  create(context): Visitors {
    if (isTestFile(context.filename)) return {};
    return {
      'Program:exit'() {
        const sc = context.sourceCode;
        const deps = projectDependencies(context);
        if (deps && Object.keys(deps).some((d) => THROTTLE_MODULES.has(d))) return;
        if (importsModule(sc, THROTTLE_MODULES)) return;
        const routes = findRoutes(sc);
        // app.use(limiter) / router.use(limiter) anywhere in the file.
        const fileWide = routes.some((r) => r.method === 'use' && routeThrottled(r));
        if (fileWide) return;
        const apps = new Set(routes.map((r) => r.app).filter((a) => a !== undefined));
        for (const app of apps) if (appMiddleware(app!, sc).some((m) => namesThrottle(middlewareLabel(m)))) return;
        for (const route of routes) {
          if (!UNSAFE_METHODS.has(route.method) || routeThrottled(route)) continue;
          const login = route.handlers.some((h) => {
            if (isPassportLocal(h)) return true;
            const fn = handlerFunction(h)?.fn;
            return !!fn && checksPassword(fn, context) && !countsFailures(fn);
          });
          if (!login) continue;
          context.report({
            node: route.call,
            message: `This ${route.path ? `\`${route.path}\` ` : ''}route checks passwords with nothing limiting failed attempts: an attacker can guess or replay passwords as fast as the server answers. Add a limiter per account and per IP.`,
            confidence: deps ? 'medium' : 'low',
          });
        }
      },
    };
  },
};

export default rule;
