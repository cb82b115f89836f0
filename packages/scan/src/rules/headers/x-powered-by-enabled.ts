import { moduleBindings, nodesOfType, objectProperty, propertyName, resolveCallee, staticValue, unwrap } from '../ast.js';
import { appMiddleware, middlewareLabel, namesSecurity } from '../security-middleware.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, Node, RuleSourceCode, Visitors } from '../types.js';
import { calleeLabel, callsTakingApp, findWebApps, headerWrites, isServedOrExported, moduleUses, type WebApp } from '../web-apps.js';

/**
 * Express answers every request with `X-Powered-By: Express`, which tells scanners which
 * framework (and so which known vulnerabilities) to try. It is a small leak, so the rule is
 * low severity and stays silent as soon as anything in the file removes the header: the
 * setting, helmet (unless told to keep it), Rampart's guard, or a removeHeader call.
 */

/** Packages that remove X-Powered-By by default. */
const REMOVING_MODULES = new Set(['helmet', '@rampart/guard', 'hide-powered-by']);

/** `helmet({ xPoweredBy: false })` / `helmet({ hidePoweredBy: false })` keeps the header. */
function keepsHeader(use: Node): boolean {
  const call = use.parent;
  if (call?.type !== 'CallExpression' || call.callee !== use) return false;
  const opts = call.arguments[0];
  const v = objectProperty(opts, 'xPoweredBy') ?? objectProperty(opts, 'hidePoweredBy');
  return !!v && staticValue(v) === 'false';
}

function disablesSetting(sourceCode: RuleSourceCode): boolean {
  let found = false;
  nodesOfType(sourceCode, 'CallExpression').forEach((node) => {
    if (found) return;
    const callee = unwrap(node.callee);
    if (callee?.type !== 'MemberExpression') return;
    const method = propertyName(callee.property, callee.computed);
    const setting = staticValue(node.arguments[0])?.toLowerCase();
    if (setting !== 'x-powered-by') return;
    // app.disable('x-powered-by'), app.set('x-powered-by', false), res.removeHeader('X-Powered-By')
    if (method === 'disable' || method === 'removeHeader') found = true;
    if (method === 'set' && staticValue(node.arguments[1]) === 'false') found = true;
  });
  return found;
}

/** True for middleware from an npm package (`helmet()`, `cors`), false for the project's own (`./security`). */
function fromPackage(arg: Node, sourceCode: RuleSourceCode): boolean {
  let n = unwrap(arg);
  const isPackage = (module: string | undefined): boolean => !!module && !module.startsWith('.') && !module.startsWith('/');
  if (n?.type === 'CallExpression') return isPackage(resolveCallee(n.callee, sourceCode)?.module);
  while (n?.type === 'MemberExpression') n = unwrap(n.object);
  return n?.type === 'Identifier' && isPackage(moduleBindings(sourceCode).get(n.name)?.module);
}

function removesHeader(app: WebApp, sourceCode: RuleSourceCode): boolean {
  if (disablesSetting(sourceCode)) return true;
  const uses = moduleUses(sourceCode, REMOVING_MODULES);
  if (uses.some((u) => !keepsHeader(u))) return true;
  // res.setHeader('X-Powered-By', 'PHP/5.4') to mislead: the real one is replaced.
  if (headerWrites(sourceCode).some((h) => h.name === 'x-powered-by')) return true;
  // Local middleware named for the job (securityHeaders, hidePoweredBy); packages were judged above.
  const local = appMiddleware(app, sourceCode).filter((m) => !fromPackage(m, sourceCode));
  if (local.some((m) => /powered/i.test(middlewareLabel(m)) || namesSecurity(middlewareLabel(m)))) return true;
  return callsTakingApp(app, sourceCode).some((c) => namesSecurity(calleeLabel(c)));
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'x-powered-by-enabled',
    title: 'Express app announces itself with X-Powered-By',
    practice: 9,
    cwe: 'CWE-200',
    severity: 'low',
    confidence: 'high',
    description:
      'Express adds `X-Powered-By: Express` to every response unless told not to. The header helps automated scanners pick exploits for the framework and its known vulnerabilities, and serves no purpose for clients. helmet and Rampart\'s guard remove it; otherwise the app must switch it off.',
    fix: "Call `app.disable('x-powered-by')` right after creating the app, or register helmet (`app.use(helmet())`), which removes it.",
  },
  samples: {
    valid: [
      `const express = require('express');
const app = express();
app.disable('x-powered-by');
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);`,
      {
        filename: 'app.ts',
        code: `import express from 'express';
import helmet from 'helmet';
export const app = express();
app.use(helmet({ contentSecurityPolicy: false }));
app.use('/api', api);`,
      },
      `const app = require('express')();
app.set('x-powered-by', false);
module.exports = app;`,
      // Rampart's guard; a router (no X-Powered-By of its own)
      `import express from 'express';
import { rampart } from '@rampart/guard';
const app = express();
app.use(rampart({ headers: true }));
app.listen(3000);`,
      `const express = require('express');
const router = express.Router();
router.get('/', (req, res) => res.send('ok'));
module.exports = router;`,
    ],
    invalid: [
      `const express = require('express');
const app = express();
app.use(express.static('public'));
app.get('/api/status', (req, res) => res.json({ up: true }));
app.listen(8080);`,
      // helmet told to keep it
      {
        filename: 'server.mjs',
        code: `import express from 'express';
import helmet from 'helmet';
const app = express();
app.use(helmet({ xPoweredBy: false }));
app.get('/', (req, res) => res.send('hi'));
export default app;`,
      },
      // enabled explicitly (TypeScript)
      {
        filename: 'main.ts',
        code: `import express, { type Express } from 'express';
const app: Express = express();
app.enable('x-powered-by');
app.get('/', (_req, res) => res.send('ok'));
app.listen(Number(process.env.PORT ?? 3000));`,
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
          if (app.framework !== 'express' || app.kind !== 'app' || !isServedOrExported(app, sc)) continue;
          if (removesHeader(app, sc)) continue;
          context.report({
            node: app.node,
            message: "This Express app sends `X-Powered-By: Express` with every response, telling scanners which framework to attack: call app.disable('x-powered-by') or use helmet.",
          });
        }
      },
    };
  },
};

export default rule;
