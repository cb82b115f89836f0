import { describe } from 'node:test';
import { itFlows, type FlowCase } from './helpers.js';

// One file at a time: how values move (bindings, fields, calls, callbacks) and what stops them.
// Each case names the behaviour it pins; `expect` lists "rule@line" of every taint finding.

const CASES: readonly FlowCase[] = [
  // Bindings and assignments
  {
    name: 'reassignment through several variables',
    code: `app.get('/a', (req, res) => {
  let q = req.query.q;
  const r = q;
  var s;
  s = r.trim();
  db.query('SELECT * FROM t WHERE a = ' + s);
});`,
    expect: ['sql-injection@6'],
  },
  {
    name: 'a reassigned name loses its taint (strong update)',
    code: `app.get('/a', (req, res) => {
  let id = req.query.id;
  id = parseInt(id, 10);
  db.query('SELECT * FROM t WHERE a = ' + id);
});`,
    expect: [],
  },
  {
    name: 'destructuring with renames, defaults and nesting',
    code: `app.post('/a', (req, res) => {
  const { body: { user: { name: who = 'x' } } } = req;
  exec('finger ' + who);
});
const { exec } = require('child_process');`,
    expect: ['command-injection@3'],
  },
  {
    name: 'destructured handler parameters',
    code: `const { exec } = require('child_process');
app.get('/a', ({ query }, res) => exec('ls ' + query.dir));`,
    expect: ['command-injection@2'],
  },
  {
    name: 'spread copies fields; a field read keeps its own taint only',
    code: `app.post('/a', (req, res) => {
  const opts = { ...req.body, fixed: 'x' };
  const safe = { fixed: 'x', other: 1 };
  eval(opts.code);
  eval(safe.fixed);
});`,
    expect: ['code-injection@4'],
  },
  {
    name: 'object fields one level deep: the clean field stays clean',
    code: `app.get('/a', (req, res) => {
  const o = {};
  o.name = req.query.name;
  o.id = 42;
  res.send('<p>' + o.name + '</p>');
  res.send('<p>' + o.id + '</p>');
});`,
    expect: ['xss@5'],
  },
  {
    name: 'template literals and string methods keep taint; counts do not',
    code: `app.get('/a', (req, res) => {
  const cmd = \`tar -czf \${req.query.name.toLowerCase().split('/').join('-')}.tgz\`;
  require('child_process').execSync(cmd);
  require('child_process').execSync('echo ' + req.query.name.length);
});`,
    expect: ['command-injection@3'],
  },
  {
    name: 'arrays: push, join, map callbacks',
    code: `app.get('/a', (req, res) => {
  const parts = ['ls'];
  parts.push(req.query.dir);
  require('child_process').exec(parts.join(' '));
  const upper = [req.query.a].map((x) => x.toUpperCase());
  eval(upper[0]);
});`,
    expect: ['code-injection@6', 'command-injection@4'],
  },
  // Functions, closures and callbacks
  {
    name: 'summary of a local function: parameter to return',
    code: `function wrap(v) { return "'" + v + "'"; }
app.get('/a', (req, res) => db.query('SELECT 1 WHERE a = ' + wrap(req.query.a)));`,
    expect: ['sql-injection@2'],
  },
  {
    name: 'summary of a local function: parameter to sink, reported at the sink',
    code: `const { exec } = require('child_process');
function ping(host) {
  exec('ping -c 1 ' + host);
}
app.get('/a', (req, res) => ping(req.query.host));
app.get('/b', (req, res) => ping('localhost'));`,
    expect: ['command-injection@3'],
  },
  {
    name: 'a sanitizer in the helper makes every call safe',
    code: `function byId(id) { return db.query('SELECT * FROM t WHERE id = ' + Number(id)); }
app.get('/a', (req, res) => byId(req.query.id));`,
    expect: [],
  },
  {
    name: 'closures see the enclosing handler variables',
    code: `app.get('/a', (req, res) => {
  const dir = req.query.dir;
  setImmediate(() => require('child_process').exec('ls ' + dir));
});`,
    expect: ['command-injection@3'],
  },
  {
    name: 'promise .then passes the resolved value',
    code: `app.get('/a', (req, res) => {
  Promise.resolve(req.query.url).then((u) => fetch(u));
});`,
    expect: ['ssrf@2'],
  },
  {
    name: 'async/await through an async helper',
    code: `async function load(req) { return req.body.path; }
app.post('/a', async (req, res) => {
  const p = await load(req);
  res.sendFile(p);
});`,
    expect: ['path-traversal@4'],
  },
  {
    name: 'class methods called through this',
    code: `class Repo {
  find(name) { return this.run("SELECT * FROM users WHERE name = '" + name + "'"); }
  run(sql) { return this.db.query(sql); }
}
const repo = new Repo();
app.get('/a', (req, res) => repo.find(req.query.name));`,
    expect: ['sql-injection@3'],
  },
  {
    name: 'recursion terminates, and the value still flows through the recursive function',
    code: `function walk(n, acc) { return n > 0 ? walk(n - 1, acc + n) : acc; }
app.get('/a', (req, res) => eval(walk(3, req.query.x)));
app.get('/b', (req, res) => eval(walk(req.query.n, 'x')));`,
    expect: ['code-injection@2'],
  },
  {
    name: 'router structure: handlers passed by name and middleware chains',
    code: `const express = require('express');
const router = express.Router();
function auth(req, res, next) { next(); }
function show(req, res) { res.redirect(req.query.next); }
router.get('/a', auth, show);
app.use('/r', router);`,
    expect: ['open-redirect@4'],
  },
  // Guards and sanitizers
  {
    name: 'allowlist check with an early return',
    code: `const ALLOWED = ['name', 'price'];
app.get('/a', (req, res) => {
  const sort = req.query.sort;
  if (!ALLOWED.includes(sort)) return res.status(400).end();
  db.query('SELECT * FROM t ORDER BY ' + sort);
});`,
    expect: [],
  },
  {
    name: 'a check only inside its branch',
    code: `app.get('/a', (req, res) => {
  const sort = req.query.sort;
  if (/^[a-z]+$/.test(sort)) db.query('SELECT * FROM t ORDER BY ' + sort);
  db.query('SELECT * FROM t ORDER BY ' + sort);
});`,
    expect: ['sql-injection@4'],
  },
  {
    name: 'sanitizers are per class: an HTML escaper does not make SQL safe',
    code: `const escapeHtml = require('escape-html');
app.get('/a', (req, res) => {
  const q = escapeHtml(req.query.q);
  res.send('<p>' + q + '</p>');
  db.query("SELECT * FROM t WHERE a = '" + q + "'");
});`,
    expect: ['sql-injection@5'],
  },
  {
    name: 'an HTML escaper does not make the start of an href safe (javascript:), a scheme check or a path prefix with it does',
    code: `const escapeHtml = require('escape-html');
app.get('/a', (req, res) => {
  const u = String(req.query.u);
  res.send(\`<a title="\${escapeHtml(u)}" href="\${escapeHtml(u)}">\${escapeHtml(u)}</a>\`);
  res.send('<form action=' + escapeHtml(u) + '>');
  res.send(\`<a href="/search?q=\${escapeHtml(u)}">again</a>\`);
  const v = /^https?:\\/\\//i.test(u) ? u : '/';
  res.send(\`<a href="\${escapeHtml(v)}">go</a>\`);
  if (!u.startsWith('/')) return;
  res.send(\`<img src='\${escapeHtml(u)}'>\`);
  res.send(\`<img src='\${u}'>\`);
});`,
    expect: ['xss@4', 'xss@5', 'xss@11'],
  },
  {
    name: 'a session token goes to its owner, not to every client: wss.clients elements and socket.io broadcasts are broadcasts',
    code: `const { WebSocketServer } = require('ws');
const wss = new WebSocketServer({ port: 1 });
wss.on('connection', (ws) => {
  const me = { name: 'a', token: newToken() };
  ws.send(JSON.stringify(me));
  for (const other of wss.clients) other.send(JSON.stringify(me));
  const { token, ...pub } = me;
  wss.clients.forEach((c) => c.send(JSON.stringify(pub)));
  io.to('room').emit('joined', me);
  res.json(me);
});`,
    expect: ['data-leak@6', 'data-leak@9'],
  },
  {
    name: "a 'message' from the app's own processes (fork, Worker, process, parentPort) is IPC, not client input",
    code: `const { fork } = require('child_process');
const { Worker, parentPort } = require('worker_threads');
let child;
child = fork('job.js');
child.on('message', (m) => console.log('child ' + m));
const w = new Worker('./w.js');
w.on('message', (m) => console.log('worker ' + m));
process.on('message', (m) => console.log('parent ' + m));
parentPort.on('message', (m) => console.log('port ' + m));
wss.on('connection', (ws) => ws.on('message', (m) => console.log('client ' + m)));`,
    expect: ['log-injection@10'],
  },
  {
    name: "a project escaper is read: one that leaves a quote alone does not protect a value inside that quote's attribute",
    code: `const escapeHtml = (s) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
function htmlEscape(s) { return s.replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';'); }
app.get('/a', (req, res) => {
  const q = String(req.query.q);
  res.send(\`<p>\${escapeHtml(q)}</p>\`);
  res.send(\`<input value="\${escapeHtml(q)}">\`);
  res.send("<input value='" + escapeHtml(q) + "'>");
  res.send(\`<input value="\${htmlEscape(q)}" title='\${htmlEscape(q)}'>\`);
});`,
    expect: ['xss@6', 'xss@7'],
  },
  {
    name: "the browser's console is the visitor's devtools, not a server log: no log injection in code using the DOM and nothing of Node",
    code: `const feed = new WebSocket(document.body.dataset.feedUrl);
feed.addEventListener('message', (m) => {
  console.log('feed ' + m.data);
  document.getElementById('last').innerHTML = m.data;
});`,
    expect: ['xss@4'],
  },
  {
    name: 'the same console output in Node code is a log line',
    code: `const WebSocket = require('ws');
const feed = new WebSocket(process.env.FEED_URL);
feed.on('message', (data) => console.log('feed ' + data));`,
    expect: ['log-injection@3'],
  },
  {
    name: 'placeholders and tagged templates are parameterised',
    code: `app.get('/a', async (req, res) => {
  await db.query('SELECT * FROM t WHERE a = $1', [req.query.a]);
  await sql\`SELECT * FROM t WHERE a = \${req.query.a}\`;
  await knex('t').where('a', req.query.a);
});`,
    expect: [],
  },
  {
    name: 'NoSQL: strings cannot carry operators, bodies can',
    code: `app.post('/a', async (req, res) => {
  await Users.findOne({ name: req.params.name }, 'name');
  await Users.findOne({ name: req.body.name }, 'name');
  await Users.findOne({ name: String(req.body.name) }, 'name');
  await Users.findOne({ name: { $eq: req.body.name } }, 'name');
});`,
    expect: ['nosql-injection@3'],
  },
  {
    name: 'SSRF: a fixed host with input in the path is not SSRF; input in the host is',
    code: `app.get('/a', async (req, res) => {
  await fetch('https://api.example.com/users/' + req.query.id);
  await fetch(\`https://\${req.query.host}/status\`);
});`,
    expect: ['ssrf@3'],
  },
  {
    name: 'XSS: JSON and text/plain responses are not HTML',
    code: `app.get('/a', (req, res) => res.json({ q: req.query.q }));
app.get('/b', (req, res) => { res.set('Content-Type', 'text/plain'); res.send(req.query.q); });
app.get('/c', (req, res) => res.status(200).send(\`<b>\${req.query.q}</b>\`));`,
    expect: ['xss@3'],
  },
  {
    name: 'Koa context, Fastify request and Hapi payload are sources',
    code: `router.get('/k', (ctx) => { ctx.body = '<h1>' + ctx.query.name + '</h1>'; });
fastify.get('/f', async (request, reply) => require('child_process').exec(request.params.cmd));
server.route({ method: 'POST', path: '/h', handler: (request, h) => eval(request.payload.code) });`,
    expect: ['code-injection@3', 'command-injection@2', 'xss@1'],
  },
  {
    name: 'node:http: the URL and its parsed search parameters',
    code: `const http = require('http');
const fs = require('fs');
http.createServer((req, res) => {
  const file = new URL(req.url, 'http://x').searchParams.get('file');
  fs.createReadStream('/srv/' + file).pipe(res);
});`,
    expect: ['path-traversal@5'],
  },
  {
    name: 'WebSocket messages are sources',
    code: `const { WebSocketServer } = require('ws');
new WebSocketServer({ port: 1 }).on('connection', (ws) => {
  ws.on('message', (m) => { const { expr } = JSON.parse(m); eval(expr); });
});`,
    expect: ['code-injection@3'],
  },
  {
    name: 'NestJS decorated parameters are sources; parsing pipes sanitize',
    filename: 'users.controller.ts',
    code: `import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get(':id')
  one(@Param('id', ParseIntPipe) id: number, @Query('sort') sort: string) {
    return this.db.query('SELECT * FROM items WHERE id = ' + id + ' ORDER BY ' + sort);
  }
}`,
    expect: ['sql-injection@6'],
  },
  {
    name: 'process.env is operator configuration, process.argv is low-confidence input',
    code: `const { execSync } = require('child_process');
execSync('git clone ' + process.env.REPO_URL);
execSync('ls ' + process.argv[2]);`,
    expect: ['command-injection@3'],
  },
  // Data leaks
  {
    name: 'data leak: whole rows of a people table, not a mapped shape or a product list',
    code: `app.get('/u', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users');
  res.json(rows);
});
app.get('/v', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users');
  res.json(rows.map((u) => ({ id: u.id, name: u.name })));
});
app.get('/p', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM products');
  res.json(rows);
});`,
    expect: ['data-leak@3'],
  },
  {
    name: 'data leak: removing the secret with a rest pattern makes the record safe',
    code: `app.get('/me', async (req, res) => {
  const user = await User.findOne({ where: { id: req.user.id } });
  const { passwordHash, ...safe } = user.toJSON();
  res.json(safe);
});`,
    expect: [],
  },
  // Prototype pollution
  {
    name: 'prototype pollution: a recursive merge of the body, reported at its writes',
    code: `function merge(t, s) {
  for (const k in s) {
    if (typeof s[k] === 'object') merge(t[k] ?? (t[k] = {}), s[k]);
    else t[k] = s[k];
  }
}
app.post('/a', (req, res) => merge({}, req.body));`,
    expect: ['prototype-pollution@3', 'prototype-pollution@4'],
  },
  {
    name: 'prototype pollution: denylisted keys make the merge safe',
    code: `function merge(t, s) {
  for (const k in s) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    if (typeof s[k] === 'object') merge(t[k] ?? (t[k] = {}), s[k]);
    else t[k] = s[k];
  }
}
app.post('/a', (req, res) => merge({}, req.body));`,
    expect: [],
  },
  // From real apps (json-server 0.17): lowdb's db.get(name) is no SQL; a query value as a pattern is ReDoS.
  {
    name: 'json-server: db.get(resource) of lowdb is not a SQL sink, new RegExp(query value) is ReDoS',
    code: `router.get('/:resource', (req, res) => {
  const resource = req.query._embed;
  const rows = db.get(resource).value();
  const matches = rows.filter((r) => new RegExp(req.query.q, 'i').test(r.name));
  res.json(matches.map((r) => r.id));
});`,
    expect: ['redos@4'],
  },
  // ReDoS
  {
    name: 'ReDoS: input against a backtracking regex literal, not against a linear one',
    code: `const BAD = /^(a+)+$/;
const OK = /^[a-z]+$/;
app.get('/a', (req, res) => res.json({ bad: BAD.test(req.query.s), ok: OK.test(req.query.s) }));`,
    expect: ['redos@3'],
  },
];

describe('taint flows within a file', () => {
  itFlows(CASES);
});
