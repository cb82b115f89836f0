import { isNode, propertyName, staticValue, unwrap } from '../ast.js';
import { nameOf, nameWords } from '../identifier-words.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, Node, Visitors } from '../types.js';
import { findDeclaration, isFunction } from '../value-origin.js';
import { readAnswer, type Answer } from '../web-apps.js';

/**
 * An error's message and stack describe the server: SQL text and table names, file paths,
 * library versions, internal hostnames. Sending them to the client hands an attacker a map.
 * The rule follows error variables (catch parameters, error-middleware and callback error
 * arguments, promise .catch handlers) into what a response sends, and stays silent where
 * the code has decided the error is meant for the client (4xx, `expose`, known error types)
 * or only shows it in development.
 */

/** Properties of an error that say what kind it is without describing the server. */
const SAFE_PROPERTIES = new Set(['status', 'statusCode', 'status_code', 'code', 'name', 'expose', 'type', 'kind', 'isOperational', 'isBoom', 'errno', 'httpStatus']);

/** Calls that turn an error into text or JSON without hiding anything. */
const PASS_THROUGH_CALLS = new Set(['String', 'inspect', 'format', 'stringify', 'toString', 'toJSON', 'serializeError', 'serialize', 'JSON.stringify', 'util.inspect', 'util.format']);

/** Names an error callback parameter goes by. */
const ERROR_PARAM = /^(err|error|e|ex|exc|exception|er|e2|err2|error2|cause)$/i;

/**
 * Error classes meant for the client: `ValidationError`, `HttpError`, `BadRequestException`, `ZodError`,
 * and the app's own `ApiError`/`AppError` classes, which carry a status and a message written for users.
 */
const CLIENT_ERROR_CLASS = /Validation|Http|Client|BadRequest|NotFound|Unauthori[sz]ed|Forbidden|Conflict|Operational|Public|Joi|Zod|Yup|Celebrate|UserInput|Input|Request|^(Api|App|Application|Custom|Business|Domain|Known|Expected)(Error|Exception)$/;

/** Helpers that classify errors: `isHttpError(err)`, `Joi.isError(err)`, `isCelebrateError(err)`. */
const CLIENT_ERROR_CHECK = /^is(Http|Celebrate|Validation|Client|Operational|Axios)?Error$|^isBoom$|^isHttpError$/;

/** Why a variable holds an error, for the message. */
function errorVariable(id: Node): string | undefined {
  const d = findDeclaration(id.name, id);
  if (!d || d.path.length > 0) return undefined;
  if (d.kind === 'catch') return 'the caught error';
  if (d.kind !== 'param' || d.index !== 0) return undefined;
  const fn = d.node;
  const names: (string | undefined)[] = fn.params.map((p: Node) => (p.type === 'Identifier' ? p.name : undefined));
  // Express error middleware (err, req, res, next); Fastify setErrorHandler((error, request, reply) => ...)
  if (names.length === 4) return 'the error passed to error middleware';
  const parent = fn.parent;
  if (parent?.type === 'CallExpression' && parent.arguments.includes(fn)) {
    const method = nameOf(parent.callee);
    if (method === 'catch' || method === 'setErrorHandler') return method === 'catch' ? 'the rejection reason' : 'the error passed to the error handler';
    if ((method === 'on' || method === 'once') && staticValue(parent.arguments[0]) === 'error') return 'the error event';
    // Node-style callback: (err, result) => ..., user.save((err) => ...)
    if (ERROR_PARAM.test(id.name) && (names.length >= 2 || /^(err|error)$/i.test(id.name))) return 'the callback error';
  }
  if (parent?.type === 'CallExpression' && nameOf(parent.callee) === 'then' && parent.arguments[1] === fn) return 'the rejection reason';
  return undefined;
}

interface Leak {
  readonly node: Node;
  readonly stack: boolean;
  readonly why: string;
}

/**
 * Every error detail inside a payload: the error itself, a non-safe property of it, or a
 * text/JSON conversion of either. Does not look into other calls (`translate(err.code)`)
 * nor into functions.
 */
function collectLeaks(payload: Node | null | undefined, out: Leak[]): void {
  const n = unwrap(payload);
  if (!n) return;
  switch (n.type) {
    case 'Identifier': {
      const why = errorVariable(n);
      if (why) out.push({ node: n, stack: false, why });
      return;
    }
    case 'MemberExpression': {
      const prop = propertyName(n.property, n.computed);
      if (prop !== undefined && SAFE_PROPERTIES.has(prop)) return;
      const obj = unwrap(n.object)!;
      if (obj.type === 'Identifier') {
        const why = errorVariable(obj);
        if (why) out.push({ node: n, stack: prop === 'stack', why });
        return;
      }
      // err.response.data, err.original.sqlMessage
      const inner: Leak[] = [];
      collectLeaks(obj, inner);
      if (inner.length > 0) out.push({ node: n, stack: inner[0].stack || prop === 'stack', why: inner[0].why });
      return;
    }
    case 'CallExpression': {
      const callee = unwrap(n.callee)!;
      const name = nameOf(callee);
      if (!name || !PASS_THROUGH_CALLS.has(name)) return;
      // err.toString(), util.inspect(err) (which includes the stack)
      const inner: Leak[] = [];
      if (callee.type === 'MemberExpression' && (name === 'toString' || name === 'toJSON')) collectLeaks(callee.object, inner);
      else for (const a of n.arguments) collectLeaks(a, inner);
      for (const hit of inner) out.push({ ...hit, node: n, stack: hit.stack || name === 'inspect' });
      return;
    }
    case 'ObjectExpression':
      for (const p of n.properties) collectLeaks(p.type === 'SpreadElement' ? p.argument : p.type === 'Property' ? p.value : undefined, out);
      return;
    case 'ArrayExpression':
      for (const e of n.elements) if (e) collectLeaks(e.type === 'SpreadElement' ? e.argument : e, out);
      return;
    case 'TemplateLiteral':
      for (const e of n.expressions) collectLeaks(e, out);
      return;
    case 'BinaryExpression':
      if (n.operator === '+') {
        collectLeaks(n.left, out);
        collectLeaks(n.right, out);
      }
      return;
    case 'LogicalExpression':
      // err.message || 'Error' sends the message; `err && 'Failed'` sends a literal.
      if (n.operator !== '&&') collectLeaks(n.left, out);
      collectLeaks(n.right, out);
      return;
    case 'ConditionalExpression':
      collectLeaks(n.consequent, out);
      collectLeaks(n.alternate, out);
      return;
    default:
      return;
  }
}

/** True when a status code is a client error: the error is an answer about the request. */
function isClientStatus(status: Answer['status']): boolean {
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Environment tests: which branch runs in development (true = consequent), or undefined if unsure. */
function devBranch(test: Node): 'consequent' | 'alternate' | 'both' | undefined {
  const t = unwrap(test)!;
  // isDev && err instanceof Error: both must hold, so the consequent is development-only.
  if (t.type === 'LogicalExpression' && t.operator === '&&') {
    return devBranch(t.left) === 'consequent' || devBranch(t.right) === 'consequent' ? 'consequent' : undefined;
  }
  if (t.type === 'UnaryExpression' && t.operator === '!') {
    const inner = devBranch(t.argument);
    return inner === 'consequent' ? 'alternate' : inner === 'alternate' ? 'consequent' : inner;
  }
  const text = (x: Node): string => [nameOf(x), staticValue(x)].filter(Boolean).join(' ');
  if (t.type === 'BinaryExpression' && ['==', '===', '!=', '!=='].includes(t.operator)) {
    const sides = `${text(t.left)} ${text(t.right)}`.toLowerCase();
    if (!/node_env|env|mode|environment|stage/.test(sides) && !/\b(development|production|dev|prod|test|local)\b/.test(sides)) return undefined;
    const value = (staticValue(t.right) ?? staticValue(t.left) ?? '').toLowerCase();
    const isDevValue = ['development', 'dev', 'test', 'local'].includes(value);
    const isProdValue = ['production', 'prod'].includes(value);
    if (!isDevValue && !isProdValue) return undefined;
    const equal = t.operator === '==' || t.operator === '===';
    return equal === isDevValue ? 'consequent' : 'alternate';
  }
  const name = nameOf(t);
  if (name) {
    const words = nameWords(name);
    if (words.some((w) => ['dev', 'development', 'debug', 'verbose'].includes(w))) return 'consequent';
    if (words.some((w) => ['prod', 'production'].includes(w))) return 'alternate';
  }
  // app.get('env') === 'development' is handled above; anything else mentioning env: unsure.
  return undefined;
}

/** Tests that decide the error is meant for the client: `err.expose`, `err.status < 500`, `err instanceof HttpError`. */
function isClientErrorTest(test: Node): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found || !isNode(n)) return;
    if (n.type === 'BinaryExpression') {
      if (n.operator === 'instanceof' && CLIENT_ERROR_CLASS.test(nameOf(n.right) ?? '')) found = true;
      const prop = nameOf(n.left);
      const rightValue = Number(staticValue(n.right));
      if ((prop === 'status' || prop === 'statusCode') && ['<', '<=', '>=', '>', '===', '=='].includes(n.operator) && rightValue >= 400 && rightValue < 500) found = true;
      if ((prop === 'status' || prop === 'statusCode') && (n.operator === '<' || n.operator === '<=') && rightValue === 500) found = true;
      if ((prop === 'name' || prop === 'code' || prop === 'type') && ['===', '=='].includes(n.operator) && staticValue(n.right) !== undefined) found = true;
    }
    if (n.type === 'MemberExpression' && ['expose', 'isOperational', 'isJoi', 'isBoom', 'isClientError'].includes(propertyName(n.property, n.computed) ?? '')) found = true;
    if (n.type === 'CallExpression' && CLIENT_ERROR_CHECK.test(nameOf(n.callee) ?? '')) found = true;
    for (const key of ['left', 'right', 'argument', 'expressions', 'test']) {
      const v = n[key];
      if (Array.isArray(v)) v.forEach(visit);
      else if (isNode(v)) visit(v);
    }
  };
  visit(test);
  return found;
}

/**
 * True when `node` only runs on a path the code marked as a client error (within its own
 * function) or as development (anywhere above it, e.g. an error handler registered inside
 * `if (app.get('env') === 'development')`).
 */
function isGuarded(node: Node): boolean {
  let child = node;
  let sameFunction = true;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (isFunction(p)) sameFunction = false;
    if (p.type === 'IfStatement' || p.type === 'ConditionalExpression') {
      if (child === p.test) continue;
      const branch = child === p.consequent ? 'consequent' : 'alternate';
      if (sameFunction && branch === 'consequent' && isClientErrorTest(p.test)) return true;
      const dev = devBranch(p.test);
      if (dev === branch || dev === 'both') return true;
    }
    if (p.type === 'LogicalExpression' && p.operator === '&&' && child === p.right) {
      if (devBranch(p.left) === 'consequent' || (sameFunction && isClientErrorTest(p.left))) return true;
    }
    // switch (err.name) { case 'ValidationError': ... }
    if (sameFunction && p.type === 'SwitchCase' && p.test && staticValue(p.test) !== undefined) return true;
  }
  return false;
}

/** Koa: a literal `ctx.status = 4xx` earlier in the same block. */
function koaClientStatusBefore(node: Node): boolean {
  let stmt: Node = node;
  while (stmt.parent && stmt.parent.type !== 'BlockStatement' && stmt.parent.type !== 'Program') stmt = stmt.parent;
  const block = stmt.parent;
  if (!block) return false;
  for (const s of block.body) {
    if (s === stmt) break;
    const e = s.type === 'ExpressionStatement' ? unwrap(s.expression) : undefined;
    if (e?.type === 'AssignmentExpression' && nameOf(e.left) === 'status' && isClientStatus(Number(staticValue(e.right)))) return true;
  }
  return false;
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'error-details-in-response',
    title: 'Error message or stack trace sent to the client',
    practice: 3,
    cwe: 'CWE-209',
    severity: 'medium',
    confidence: 'high',
    description:
      'A caught error\'s message and stack trace describe the server: SQL statements and table names, file paths, package versions, internal host names and sometimes secrets from connection strings. Sending the error object, `err.message` or `err.stack` in a response gives an attacker that map and tells them which input broke what. Errors deliberately meant for the client (4xx statuses, `err.expose`, validation and HTTP error classes) and development-only branches are not reported.',
    fix: 'Log the error on the server with a request id and send a generic body such as `{ error: "Internal server error", requestId }`; send messages only for errors made for the client (4xx, `err.expose`).',
  },
  samples: {
    valid: [
      // Logged, generic answer
      `router.get('/orders/:id', async (req, res) => {
  try {
    res.json(await Orders.get(req.params.id));
  } catch (err) {
    logger.error({ err, reqId: req.id }, 'order lookup failed');
    res.status(500).json({ error: 'Internal server error', requestId: req.id });
  }
});`,
      // Error middleware that exposes only client errors, stack only in development
      `app.use((err, req, res, next) => {
  const status = err.status || 500;
  if (err.expose || status < 500) {
    return res.status(status).json({ error: err.message });
  }
  res.status(500).json({
    error: 'Something went wrong',
    stack: process.env.NODE_ENV === 'development' ? err.stack : undefined,
  });
});`,
      // Validation errors answered with 400
      `app.post('/users', async (req, res) => {
  try {
    await schema.validateAsync(req.body);
  } catch (e) {
    return res.status(400).json({ error: e.message, details: e.details });
  }
  res.sendStatus(201);
});`,
      // instanceof a client error class; only the error code otherwise
      {
        filename: 'errors.ts',
        code: `import type { ErrorRequestHandler } from 'express';
export const onError: ErrorRequestHandler = (err, req, res, next) => {
  if (err instanceof ValidationError) {
    res.status(422).send({ message: err.message, fields: err.fields });
    return;
  }
  res.status(500).send({ code: err.code ?? 'INTERNAL', name: err.name });
};`,
      },
      // Not an error: a variable named e in an event handler, and a result sent from a callback
      `fs.readFile(path, 'utf8', (err, data) => {
  if (err) return res.status(404).send('Not found');
  res.send(data);
});
items.forEach((e) => res.write(e.title));`,
      // express-generator (old): the detailed handler is only registered in development
      `if (app.get('env') === 'development') {
  app.use(function (err, req, res, next) {
    res.status(err.status || 500);
    res.render('error', { message: err.message, error: err });
  });
}
app.use((err, req, res, next) => {
  if (err instanceof ApiError) return res.status(err.statusCode).json({ message: err.message });
  res.status(500).json({
    error: { message: 'Internal server error', ...(process.env.NODE_ENV === 'development' && err instanceof Error && { stack: err.stack }) },
  });
});`,
      // A stub server in a test
      {
        filename: 'src/__tests__/client.spec.ts',
        code: `app.use((err: Error, req: any, res: any, next: any) => res.status(500).json({ error: err.message }));`,
      },
      // Koa, status set to 400 first
      `app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (err.name === 'ValidationError') {
      ctx.status = 400;
      ctx.body = { error: err.message };
      return;
    }
    ctx.status = 500;
    ctx.body = { error: 'Internal error' };
    ctx.app.emit('error', err, ctx);
  }
});`,
    ],
    invalid: [
      // Sending the error object and its stack
      {
        code: `app.get('/report', (req, res) => {
  generateReport(req.query.month)
    .then((report) => res.json(report))
    .catch((err) => res.status(500).send(err));
});
app.use(function (err, req, res, next) {
  res.status(500).send(err.stack);
});`,
        count: 2,
      },
      // The classic catch block with err.message
      `router.post('/checkout', async (req, res) => {
  try {
    const order = await createOrder(req.user.id, req.body.items);
    res.status(201).json(order);
  } catch (error) {
    console.error(error);
    res.status(500).json({ success: false, message: error.message });
  }
});`,
      // Status computed from the error: 500s leak too
      {
        filename: 'error-handler.ts',
        code: `import { Request, Response, NextFunction } from 'express';
export function errorHandler(err: any, req: Request, res: Response, _next: NextFunction) {
  res.status(err.status || 500).json({
    error: err.message || 'Internal Server Error',
    stack: err.stack,
  });
}`,
      },
      // Mongoose-style single-argument callback
      `router.put('/profile', (req, res) => {
  Object.assign(req.user, req.body);
  req.user.save(function (err) {
    if (err) { return res.json({ ok: false, error: err }); }
    res.json({ ok: true });
  });
});`,
      // Node-style callback, string concatenation
      `const mysql = require('mysql');
app.get('/search', (req, res) => {
  pool.query('SELECT * FROM products WHERE name LIKE ?', ['%' + req.query.q + '%'], (error, rows) => {
    if (error) return res.status(500).send('Database error: ' + error);
    res.json(rows);
  });
});`,
      // Fastify reply and Koa ctx.body
      {
        code: `fastify.get('/items', async (request, reply) => {
  try {
    return await db.items.findMany();
  } catch (e) {
    reply.code(500).send({ error: e.message, sql: e.sql });
  }
});
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.statusCode || 500;
    ctx.body = { message: err.message };
  }
});`,
        count: 2,
      },
      // util.inspect includes the stack
      `const util = require('util');
server.on('request', async (req, res) => {
  try {
    await handle(req, res);
  } catch (ex) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(util.inspect(ex));
  }
});`,
    ],
  },
  create(context): Visitors {
    // Throwaway apps and handlers in tests are not what users reach.
    if (isTestFile(context.filename)) return {};
    const check = (node: Node): void => {
      const answer = readAnswer(node);
      if (!answer || !answer.payload) return;
      if (isClientStatus(answer.status)) return;
      if (isGuarded(node) || (answer.method === 'body' && koaClientStatusBefore(node))) return;
      const leaks: Leak[] = [];
      collectLeaks(answer.payload, leaks);
      const open = leaks.filter((l) => !isGuarded(l.node));
      const leak = open.find((l) => l.stack) ?? open[0];
      if (!leak) return;
      const what = context.sourceCode.getText(leak.node);
      context.report({
        node,
        message: leak.stack
          ? `\`${what}\` (${leak.why}) sends a stack trace to the client: it reveals file paths, code structure and library versions. Log it and send a generic error.`
          : `\`${what}\` (${leak.why}) is sent to the client: error messages reveal queries, paths and internals. Log it and send a generic error.`,
        severity: leak.stack ? 'high' : undefined,
      });
    };
    return { CallExpression: check, AssignmentExpression: check };
  },
};

export default rule;
