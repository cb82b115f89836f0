import { memberPath, moduleBindings, nodesOfType, propertyName, unwrap } from '../ast.js';
import { nameWords } from '../identifier-words.js';
import { projectDependencies } from '../project.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, Node, Visitors } from '../types.js';
import { findWebApps, importedModules, importsModule, isServedOrExported, type WebApp } from '../web-apps.js';

/**
 * An app whose only logging is console.log leaves no record an operator can search or alert
 * on: failed logins, refused access, validation failures and errors scroll past as free text
 * or not at all (OWASP Top 10 A09, ASVS V16). The rule looks at the file that creates and
 * serves the app: with the project's package.json it reports when no logging or monitoring
 * package is a dependency; inside ESLint (no package.json) only when the file logs with
 * console and brings in no logger, at low confidence.
 */

/** Structured loggers, request loggers, monitoring agents and Rampart's guard (security events). */
export const LOGGING_MODULES: ReadonlySet<string> = new Set([
  'pino', 'pino-http', 'express-pino-logger', 'koa-pino-logger', 'hapi-pino', 'nestjs-pino', 'winston', 'express-winston', 'nest-winston', 'bunyan', 'log4js', 'loglevel', 'signale',
  'tslog', 'consola', 'roarr', 'npmlog', 'morgan', 'koa-logger', '@hapi/good', 'good', 'log4js-node', 'cabin', 'electrolog', 'ololog', 'lambda-log',
  '@google-cloud/logging', '@google-cloud/logging-winston', '@google-cloud/logging-bunyan', '@azure/monitor-opentelemetry', 'applicationinsights', '@aws-lambda-powertools/logger',
  '@logtail/node', '@datadog/pino', 'dd-trace', 'newrelic', 'elastic-apm-node', '@elastic/ecs-pino-format', '@sentry/node', '@opentelemetry/api', '@opentelemetry/sdk-node',
  '@rampart/guard',
]);

/** Local modules named for the job: `require('./logger')`, `import log from '../lib/logging'`. */
const LOGGER_WORDS = new Set(['log', 'logs', 'logger', 'loggers', 'logging', 'audit', 'telemetry', 'monitoring', 'observability', 'tracing', 'metrics']);

function localLogger(specifier: string): boolean {
  if (!specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('@/') && !specifier.startsWith('~/')) return false;
  const base = specifier.split('/').pop() ?? '';
  return nameWords(base.replace(/\.[cm]?[jt]sx?$/, '')).some((w) => LOGGER_WORDS.has(w));
}

/** `Fastify({ logger: true })`: Fastify's built-in pino logger is on. */
function fastifyLogs(app: WebApp): boolean {
  if (app.framework !== 'fastify') return false;
  const opts = unwrap(app.node.arguments?.[0]);
  if (opts?.type !== 'ObjectExpression') return false;
  const logger = opts.properties.find((p: Node) => p.type === 'Property' && /^(logger|loggerInstance)$/.test(propertyName(p.key, p.computed) ?? ''));
  const v = unwrap(logger?.value);
  return !!v && !(v.type === 'Literal' && v.value === false);
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'insufficient-logging',
    title: 'Web app with no structured logging (console only)',
    practice: 6,
    cwe: 'CWE-778',
    severity: 'low',
    confidence: 'medium',
    description:
      'An app that only prints with console.log leaves no structured record of security events: failed logins, refused access, rate-limit hits, validation failures and errors cannot be searched, counted or alerted on, and an attack goes unnoticed (OWASP Top 10 A09).',
    fix: 'Log JSON with a structured logger (pino, winston) including a request id, the client IP and the outcome of security decisions, and send security events to monitoring: Rampart\'s guard (`app.use(rampart())`) records blocks, limits, validation failures, errors and auth events as pino events and Prometheus metrics.',
  },
  samples: {
    valid: [
      `const express = require('express');
const pino = require('pino-http');
const app = express();
app.use(pino());
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);`,
      // a local logger module
      {
        filename: 'server.mjs',
        code: `import express from 'express';
import { logger } from './lib/logger.js';
const app = express();
app.get('/', (req, res) => res.send('ok'));
app.listen(3000, () => logger.info('listening'));`,
      },
      // Fastify with its built-in logger on
      {
        filename: 'server.mjs',
        code: `import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.get('/', async () => ({ ok: true }));
await fastify.listen({ port: 3000 });
console.log('ready');`,
      },
      // the logger of a package of the project's own
      `const express = require('express');
const { log } = require('@acme/platform-util');
const app = express();
app.use((err, req, res, next) => { log.error(err); console.error(err.stack); res.status(500).end(); });
module.exports = app;`,
      // a router file (the app is made elsewhere)
      `const router = require('express').Router();
router.get('/', (req, res) => { console.log('hit'); res.json([]); });
module.exports = router;`,
      // no console use and no package.json to read: nothing to go on
      `const express = require('express');
const app = express();
app.get('/', (req, res) => res.send('ok'));
module.exports = app;`,
    ],
    invalid: [
      `const express = require('express');
const app = express();
app.use(express.json());
app.post('/login', login);
app.listen(3000, () => {
  console.log('Shop listening on port 3000');
});`,
      {
        filename: 'app.ts',
        code: `import Koa from 'koa';
const app = new Koa();
app.on('error', (err) => console.error('server error', err));
app.use(async (ctx) => { ctx.body = 'hi'; });
export default app;`,
      },
    ],
  },
  create(context): Visitors {
    if (isTestFile(context.filename)) return {};
    return {
      'Program:exit'() {
        const sc = context.sourceCode;
        const apps = findWebApps(sc).filter((a) => a.kind === 'app' && isServedOrExported(a, sc));
        if (apps.length === 0) return;
        const deps = projectDependencies(context);
        if (deps && Object.keys(deps).some((d) => LOGGING_MODULES.has(d))) return;
        if (importsModule(sc, LOGGING_MODULES) || importedModules(sc).some(localLogger)) return;
        // `const { log } = require('@node-red/util')`, `import { logger } from '@acme/platform'`: a logger of the project's own.
        for (const [name, b] of moduleBindings(sc)) if (b.path.length > 0 && nameWords(name).some((w) => LOGGER_WORDS.has(w))) return;
        if (apps.some(fastifyLogs)) return;
        const consoleCall = nodesOfType(sc, 'CallExpression').find((c) => /^console\.(log|info|warn|error|debug|trace)$/.test(memberPath(c.callee) ?? ''));
        // Without the package.json, only a file that evidently logs with console says enough.
        if (!deps && !consoleCall) return;
        context.report({
          node: consoleCall ?? apps[0].node,
          message: consoleCall
            ? 'console is the only logging of this app: security events (failed logins, refused access, errors) leave no structured, searchable record. Log JSON with pino or winston, or record them with Rampart\'s guard.'
            : 'This app has no logging: security events (failed logins, refused access, errors) leave no record. Log JSON with pino or winston, or record them with Rampart\'s guard.',
          confidence: deps ? 'medium' : 'low',
        });
      },
    };
  },
};

export default rule;
