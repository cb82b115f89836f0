import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReport } from '@rampart/core';
import { activeRules, analyzeFile, scan } from '@rampart/scan';
import { completeTaintSummary } from '../../src/engine/analyze.js';
import { linkTaint } from '../../src/taint/link.js';
import { project, scanTaint } from './helpers.js';

const at = (fs: readonly { ruleId: string; file: string; line: number }[]): string[] => fs.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();

describe('taint across files', () => {
  it('CommonJS: input passed to a helper in another file reaches its sink; the trace spans both files', async () => {
    const r = await scanTaint({
      'server.js': `const express = require('express');
const { readmeAt } = require('./lib/git');
const app = express();
app.get('/docs/:ref', async (req, res) => {
  res.type('text/plain').send(await readmeAt(req.params.ref));
});
`,
      'lib/git.js': `const { exec } = require('child_process');
const { promisify } = require('util');
const run = promisify(exec);
async function readmeAt(ref) {
  const { stdout } = await run('git show ' + ref + ':README.md');
  return stdout;
}
module.exports = { readmeAt };
`,
    });
    assert.deepEqual(at(r.taint), ['command-injection lib/git.js:5']);
    const trace = r.taint[0].trace!;
    assert.equal(trace.source.file, 'server.js');
    assert.equal(trace.source.line, 5);
    assert.match(trace.source.label, /req\.params\.ref/);
    assert.equal(trace.sink.file, 'lib/git.js');
    assert.ok(trace.steps.some((s) => s.file === 'server.js' && /readmeAt/.test(s.label)), 'the call step is in the trace');
  });

  it('ES modules and TypeScript: `./db.js` names db.ts; the value returned by another file reaches a sink here', async () => {
    const r = await scanTaint({
      'src/input.ts': `import type { Request } from 'express';
export function sortColumn(req: Request): string {
  return String(req.query.sort);
}
export default function pageSize(req: Request): number {
  return Number(req.query.size);
}
`,
      'src/routes.ts': `import express from 'express';
import pageSize, { sortColumn } from './input.js';
import { pool } from './db.js';
const app = express();
app.get('/items', async (req, res) => {
  const rows = await pool.query('SELECT id FROM items ORDER BY ' + sortColumn(req) + ' LIMIT ' + pageSize(req));
  res.json(rows.rows.map((r: { id: number }) => r.id));
});
`,
      'src/db.ts': `import pg from 'pg';
export const pool = new pg.Pool();
`,
    });
    assert.deepEqual(at(r.taint), ['sql-injection src/routes.ts:6']);
    assert.equal(r.taint[0].trace!.source.file, 'src/input.ts');
  });

  it('wrappers of wrappers: summaries grow across three files until they reach the sink', async () => {
    const r = await scanTaint({
      'a.mjs': `import { outer } from './b.mjs';
export function handler(req, res) { outer(req.body.url); res.end(); }
`,
      'b.mjs': `import { inner } from './c.mjs';
export function outer(u) { return inner('' + u); }
`,
      'c.mjs': `import axios from 'axios';
export function inner(target) { return axios.get(target); }
`,
    });
    assert.deepEqual(at(r.taint), ['ssrf c.mjs:2']);
  });

  it('files with no input in sight are read whole only where a flow reaches their exports', () => {
    const files: Record<string, string> = {
      'routes.js': `const { run } = require('./run');
const { banner } = require('./banner');
const { version } = require('./version');
app.get('/x', (req, res) => { run(req.query.cmd); banner('static'); res.send(version()); });
`,
      'run.js': `const { exec } = require('child_process');
function run(cmd) { exec('sh -c ' + cmd); }
module.exports = { run };
`,
      'banner.js': `function banner(text) { console.log(text); }
module.exports = { banner };
`,
      'version.js': `function version() { return '1.0'; }
module.exports = { version };
`,
      'unused.js': `const { exec } = require('child_process');
function later(cmd) { exec(cmd); }
module.exports = { later };
`,
    };
    const rules = { ...activeRules({}), deferExports: true };
    const summaries = Object.entries(files).map(([file, text]) => analyzeFile(file, text, rules).taint!);
    assert.deepEqual(summaries.filter((s) => s.partial).map((s) => s.file).sort(), ['banner.js', 'run.js', 'unused.js', 'version.js']);
    const asked: string[] = [];
    const taintRules = new Map(rules.js.filter((r) => r.meta.id === 'command-injection').map((r) => [r.meta.id, r.meta]));
    const linked = linkTaint(summaries, {
      rules: taintRules,
      severity: new Map(),
      complete: (file) => {
        asked.push(file);
        return completeTaintSummary(file, files[file], rules);
      },
    });
    // run() gets input; version()'s result is sent; banner() gets a constant; later() is never called.
    assert.deepEqual(asked.sort(), ['run.js', 'version.js']);
    assert.deepEqual(at(linked.findings), ['command-injection run.js:2']);
  });

  it('a sanitizer in the calling file keeps the other file quiet', async () => {
    const r = await scanTaint({
      'a.js': `const { inner } = require('./c');
app.get('/x', (req, res) => inner(encodeURIComponent(req.query.host)));
`,
      'c.js': `const http = require('http');
exports.inner = (host) => http.get('http://' + host + '/status');
`,
    });
    assert.deepEqual(at(r.taint), []);
  });

  it('router structure: a middleware in one file sets req.tenant from a header; a router in another file uses it', async () => {
    const files = {
      'app.js': `const express = require('express');
const reports = require('./routes/reports');
const app = express();
app.use((req, res, next) => { req.tenant = req.query.tenant || 'public'; next(); });
app.use('/reports', reports);
`,
      'routes/reports.js': `const router = require('express').Router();
router.get('/', async (req, res) => {
  await db.query(\`SET search_path TO \${req.tenant}\`);
  res.end();
});
module.exports = router;
`,
    };
    assert.deepEqual(at((await scanTaint(files)).taint), ['sql-injection routes/reports.js:3']);
    const safe = { ...files, 'app.js': files['app.js'].replace("req.tenant = req.query.tenant || 'public';", "const t = req.query.tenant; if (!TENANTS.has(t)) return next(new Error('tenant')); req.tenant = t;") };
    assert.deepEqual(at((await scanTaint(safe)).taint), []);
  });

  it('NestJS: a controller hands input to an injected service in another file', async () => {
    const r = await scanTaint({
      'templates.controller.ts': `import { Controller, Get, Query } from '@nestjs/common';
import { TemplatesService } from './templates.service';
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}
  @Get('preview')
  async preview(@Query('template') template: string) {
    return { source: await this.templates.load(template) };
  }
}
`,
      'templates.service.ts': `import { Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
@Injectable()
export class TemplatesService {
  load(name: string) {
    return readFile(join('/srv/templates', name), 'utf8');
  }
}
`,
    });
    assert.deepEqual(at(r.taint), ['path-traversal templates.service.ts:7']);
  });

  it('res.render: a view that prints a field unescaped is XSS, an escaping one is not', async () => {
    const files = {
      'app.js': `const app = require('express')();
app.get('/p', (req, res) => res.render('preview', { bio: req.query.bio }));
`,
      'views/preview.ejs': '<div><%- bio %></div>\n',
    };
    assert.deepEqual(at((await scanTaint(files)).taint), ['xss app.js:2']);
    assert.deepEqual(at((await scanTaint({ ...files, 'views/preview.ejs': '<div><%= bio %></div>\n' })).taint), []);
  });

  it('cyclic imports terminate', async () => {
    const r = await scanTaint({
      'a.js': `const b = require('./b');
exports.ping = (x, n) => (n > 0 ? b.pong(x, n - 1) : require('child_process').exec('ping ' + x));
app.get('/', (req, res) => exports.ping(req.query.h, 3));
`,
      'b.js': `const a = require('./a');
exports.pong = (x, n) => a.ping(x, n);
`,
    });
    assert.ok(r.taint.every((f) => f.ruleId === 'command-injection'));
  });
});

describe('taint findings in reports', () => {
  const files = {
    'server.js': `const { run } = require('./run');
app.get('/x', (req, res) => run(req.query.cmd));
`,
    'run.js': `const cp = require('child_process');
exports.run = (c) => cp.execSync('sh -c ' + c);
`,
  };

  it('SARIF carries the trace as a codeFlow with one location per step', async () => {
    const report = await scan(project(files), { workers: 0 });
    const sarif = JSON.parse(formatReport(report, 'sarif'));
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'command-injection');
    assert.ok(result, 'the taint finding is in the SARIF log');
    const locations = result.codeFlows[0].threadFlows[0].locations;
    const uris = locations.map((l: { location: { physicalLocation: { artifactLocation: { uri: string } } } }) => l.location.physicalLocation.artifactLocation.uri);
    assert.equal(uris[0], 'server.js');
    assert.equal(uris[uris.length - 1], 'run.js');
    assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'command-injection'));
  });

  it('the terminal and HTML reports show the trace', async () => {
    const report = await scan(project(files), { workers: 0 });
    const pretty = formatReport(report, 'pretty');
    assert.match(pretty, /trace:/);
    assert.match(pretty, /server\.js:2/);
    assert.match(formatReport(report, 'html'), /Data flow: \d+ steps? from source to sink/);
  });

  it('fingerprints stay the same when unrelated lines move', async () => {
    const a = await scan(project(files), { workers: 0 });
    const moved = await scan(project({ 'server.js': `// a comment\n\n${files['server.js']}`, 'run.js': `'use strict';\n\n${files['run.js']}` }), { workers: 0 });
    const fp = (r: typeof a) => r.findings.filter((f) => f.ruleId === 'command-injection').map((f) => f.fingerprint);
    assert.equal(fp(a).length, 1);
    assert.deepEqual(fp(moved), fp(a));
  });

  it('a suppression comment at the sink hides a cross-file finding and is not called unused', async () => {
    const report = await scan(
      project({ ...files, 'run.js': files['run.js'].replace('exports.run', '// rampart-ignore-next-line command-injection -- callers pass a fixed list\nexports.run') }),
      { workers: 0 },
    );
    assert.deepEqual(report.findings.filter((f) => f.ruleId === 'command-injection'), []);
    assert.equal(report.summary.suppressed, 1);
    assert.deepEqual(report.warnings.filter((w) => w.kind === 'unused-suppression'), []);
  });

  it('the rule settings of the config turn a taint rule off or change its severity', async () => {
    const off = await scan(project({ ...files, 'rampart.config.json': '{ "rules": { "command-injection": "off" } }' }), { workers: 0 });
    assert.equal(off.findings.filter((f) => f.ruleId === 'command-injection').length, 0);
    const low = await scan(project({ ...files, 'rampart.config.json': '{ "rules": { "command-injection": "low" } }' }), { workers: 0 });
    assert.deepEqual(low.findings.filter((f) => f.ruleId === 'command-injection').map((f) => f.severity), ['low']);
  });

  it('worker processes give the same taint findings as one process', async () => {
    const root = project(files);
    const here = await scan(root, { workers: 0 });
    const workers = await scan(root, { workers: 2 });
    const ids = (r: typeof here) => r.findings.map((f) => `${f.ruleId}:${f.file}:${f.line}:${f.fingerprint}`);
    assert.deepEqual(ids(workers), ids(here));
  });
  it('an imported predicate is read in its own module: a host allowlist cleans SSRF, a scheme check does not, whatever the name', async () => {
    const server = `const express = require('express');
const https = require('https');
const { isAllowedHost } = require('./validators');
const app = express();
app.get('/proxy', (req, res) => {
  const target = req.query.url;
  if (!isAllowedHost(target)) return res.sendStatus(400);
  https.get(target, (r) => r.pipe(res));
});
`;
    const schemeOnly = await scanTaint({
      'server.js': server,
      'validators.js': `exports.isAllowedHost = function (value) { return /^https:\\/\\//.test(value); };\n`,
    });
    assert.deepEqual(at(schemeOnly.taint), ['ssrf server.js:8']);
    const allowlist = await scanTaint({
      'server.js': server,
      'validators.js': `const { isPinned } = require('./pinned');
const HOSTS = new Set(['api.example.com']);
function isAllowedHost(value) {
  try {
    const u = new URL(value);
    return HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}
module.exports = { isAllowedHost, isPinned };
`,
      'pinned.js': `const { isAllowedHost } = require('./validators');\nexports.isPinned = (v) => isAllowedHost(v);\n`,
    });
    assert.deepEqual(at(allowlist.taint), []);
  });

  it('predicates calling each other across modules in a cycle end (depth-bounded)', async () => {
    const r = await scanTaint({
      'server.js': `const express = require('express');
const { a } = require('./a');
const app = express();
app.get('/f', (req, res) => {
  if (!a(req.query.u)) return res.end();
  fetch(req.query.u);
});
`,
      'a.js': `const { b } = require('./b');\nexports.a = (x) => b(x);\n`,
      'b.js': `const { a } = require('./a');\nexports.b = (x) => a(x);\n`,
    });
    assert.deepEqual(at(r.taint), ['ssrf server.js:6']);
  });
  it('NestJS: a global ValidationPipe in main.ts validates DTO-class parameters of every controller, not primitives or interfaces', async () => {
    const controller = `import { Body, Controller, Post } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LoginDto } from './login.dto';
interface Lookup { email: string }
@Controller('auth')
export class AuthController {
  constructor(@InjectModel('User') private readonly userModel: Model<unknown>) {}
  @Post('a') a(@Body() dto: LoginDto) { return this.userModel.countDocuments({ email: dto.email }); }
  @Post('b') b(@Body('email') email: string) { return this.userModel.countDocuments({ email }); }
  @Post('c') c(@Body() q: Lookup) { return this.userModel.countDocuments({ email: q.email }); }
}
`;
    const files = { 'src/auth/auth.controller.ts': controller, 'src/auth/login.dto.ts': 'export class LoginDto { email!: string; }\n' };
    const without = await scanTaint({ ...files, 'src/main.ts': 'bootstrap();\n' });
    assert.deepEqual(at(without.taint), ['nosql-injection src/auth/auth.controller.ts:10', 'nosql-injection src/auth/auth.controller.ts:11', 'nosql-injection src/auth/auth.controller.ts:9']);
    const withPipe = await scanTaint({ ...files, 'src/main.ts': 'const app = await NestFactory.create(AppModule);\napp.useGlobalPipes(new ValidationPipe({ whitelist: true }));\n' });
    assert.deepEqual(at(withPipe.taint), ['nosql-injection src/auth/auth.controller.ts:10', 'nosql-injection src/auth/auth.controller.ts:11']);
    // An interface from another file is no class either; a class imported with `import type` leaves Nest no metadata.
    const main = { 'src/main.ts': 'const app = await NestFactory.create(AppModule);\napp.useGlobalPipes(new ValidationPipe());\n' };
    const interfaceDto = await scanTaint({ ...files, ...main, 'src/auth/login.dto.ts': 'export interface LoginDto { email: string }\n' });
    assert.ok(at(interfaceDto.taint).includes('nosql-injection src/auth/auth.controller.ts:9'), at(interfaceDto.taint).join());
    const typeImport = await scanTaint({ ...files, ...main, 'src/auth/auth.controller.ts': controller.replace("import { LoginDto } from './login.dto';", "import type { LoginDto } from './login.dto';") });
    assert.ok(at(typeImport.taint).includes('nosql-injection src/auth/auth.controller.ts:9'), at(typeImport.taint).join());
  });
  it('Express app.locals: a method of an object another file stored there is that object class\'s method, in the same app', async () => {
    const r = await scanTaint({
      'app.js': `const express = require('express');
const Repo = require('./repo');
const app = express();
app.locals.repo = new Repo(pool);
app.use(require('./routes'));
`,
      'routes.js': `const router = require('express').Router();
router.get('/r', async (req, res) => res.json(await req.app.locals.repo.byName(req.query.name)));
router.get('/s', async (req, res) => res.json(await req.app.locals.other.byName(req.query.name)));
module.exports = router;
`,
      'repo.js': `module.exports = class Repo {
  constructor(pool) { this.pool = pool; }
  byName(name) { return this.pool.query("SELECT id FROM t WHERE name = '" + name + "'"); }
};
`,
    });
    assert.deepEqual(at(r.taint), ['sql-injection repo.js:3']);
    assert.equal(r.taint[0].trace!.source.file, 'routes.js');
    assert.equal(r.taint[0].trace!.source.line, 2);
  });
  it('imported constants decide sinks at link time: a backtracking regex, noent parse options, a compiled template', async () => {
    const files = (re: string, noent: boolean, out: string): Record<string, string> => ({
      'consts.mjs': `import Handlebars from 'handlebars';
export const NAME = ${re};
export const xmlOptions = { noent: ${noent}, nonet: true };
export const card = Handlebars.compile('<p>{{title}}</p><div>${out}</div>');
`,
      'app.mjs': `import express from 'express';
import libxmljs from 'libxmljs';
import { NAME, xmlOptions, card } from './consts.mjs';
const app = express();
app.post('/x', (req, res) => {
  if (!NAME.test(req.body.name)) return res.sendStatus(400);
  libxmljs.parseXml(req.body.xml, xmlOptions);
  res.type('html').send(card({ title: req.body.title, body: req.body.body }));
});
`,
    });
    const bad = await scanTaint(files('/^(a+)+$/', true, '{{{body}}}'));
    assert.deepEqual(at(bad.taint).filter((f) => !f.startsWith('data-leak')), ['redos app.mjs:6', 'xss app.mjs:8', 'xxe app.mjs:7']);
    const good = await scanTaint(files('/^[a-z]{1,20}$/', false, '{{body}}'));
    assert.deepEqual(at(good.taint), []);
  });

  it('an object literal argument keeps its fields apart: a callee sink on one field sees that field only', async () => {
    const files = (field: string): Record<string, string> => ({
      'db.js': `const { Pool } = require('pg');
const pool = new Pool();
async function save({ table, note }) {
  await pool.query('INSERT INTO ' + ${field} + ' (note) VALUES ($1)', [note]);
}
module.exports = { save };
`,
      'app.js': `const express = require('express');
const { save } = require('./db');
const app = express();
app.post('/n', async (req, res) => {
  await save({ table: 'notes', note: req.body.note });
  res.sendStatus(204);
});
`,
    });
    assert.deepEqual(at((await scanTaint(files('table'))).taint), []);
    assert.deepEqual(at((await scanTaint(files('note'))).taint), ['sql-injection db.js:4']);
  });
  it('an array another file returns is JSON when sent as is, and HTML once the caller joins it into text', async () => {
    const files = (send: string): Record<string, string> => ({
      'lib/tags.js': `exports.tagList = function tagList(tags) {
  const parts = ['<ul>'];
  for (const tag of tags) parts.push('<li>' + tag + '</li>');
  parts.push('</ul>');
  return parts;
};
`,
      'app.js': `const express = require('express');
const { tagList } = require('./lib/tags');
const app = express();
app.get('/tags', (req, res) => {
  ${send}
});
`,
    });
    assert.deepEqual(at((await scanTaint(files("res.json(tagList(String(req.query.tags).split(',')));"))).taint), []);
    assert.deepEqual(at((await scanTaint(files("res.send(tagList(String(req.query.tags).split(',')).join(''));"))).taint), ['xss app.js:5']);
  });
  it("another file's returned object keeps its fields apart: a placeholder query's values are input, its text is not", async () => {
    const files = (text: string): Record<string, string> => ({
      'queries.js': `exports.byEmail = function byEmail(email) {
  return { text: ${text}, values: [email] };
};
`,
      'app.js': `const express = require('express');
const { Pool } = require('pg');
const { byEmail } = require('./queries');
const pool = new Pool();
const app = express();
app.get('/users', async (req, res) => {
  const { text, values } = byEmail(req.query.email);
  const { rows } = await pool.query(text, values);
  res.json(rows.map((r) => r.id));
});
`,
    });
    assert.deepEqual(at((await scanTaint(files("'SELECT id FROM users WHERE email = $1'"))).taint), []);
    assert.deepEqual(at((await scanTaint(files("\"SELECT id FROM users WHERE email = '\" + email + \"'\""))).taint), ['sql-injection app.js:8']);
  });

  it('input pushed into a field of a local object (a reduce accumulator) is followed into the returned field', async () => {
    const files = (push: string): Record<string, string> => ({
      'where.js': `exports.where = function where(filters) {
  const acc = Object.entries(filters).reduce((a, [column, value]) => {
    ${push}
    return a;
  }, { parts: [], values: [] });
  return { sql: acc.parts.join(' AND '), values: acc.values };
};
`,
      'app.js': `const express = require('express');
const db = require('mysql2').createPool({});
const { where } = require('./where');
const app = express();
app.get('/contacts', (req, res) => {
  const { sql, values } = where(req.query);
  db.query('SELECT id FROM contacts WHERE ' + sql, values, (err, rows) => res.json(rows));
});
`,
    });
    assert.deepEqual(at((await scanTaint(files("a.parts.push(column + \" = '\" + value + \"'\");"))).taint), ['sql-injection app.js:7']);
    assert.deepEqual(at((await scanTaint(files("if (!['city', 'owner'].includes(column)) return a;\n    a.parts.push(column + ' = ?');\n    a.values.push(value);"))).taint), []);
  });
  it("Hapi's h.view (@hapi/vision) renders its view like res.render: a triple-stash prints the input raw", async () => {
    const files = (template: string): Record<string, string> => ({
      'server.js': `const Hapi = require('@hapi/hapi');
const server = Hapi.server({ port: 3000 });
server.route({ method: 'GET', path: '/bio', handler: (request, h) => h.view('bio', { bio: request.query.bio }) });
server.start();
`,
      'views/bio.hbs': template,
    });
    assert.deepEqual(at((await scanTaint(files('<p>{{{bio}}}</p>\n'))).taint), ['xss server.js:3']);
    assert.deepEqual(at((await scanTaint(files('<p>{{bio}}</p>\n'))).taint), []);
  });
  it('a Next.js path alias (@/lib/x) names a module of the project: the nearest folder above holding lib/x or src/lib/x', async () => {
    const r = await scanTaint({
      'src/app/api/run/route.ts': `import { NextRequest } from 'next/server';
import { run } from '@/lib/run';
export async function GET(request: NextRequest) {
  await run(request.nextUrl.searchParams.get('cmd') ?? '');
  return new Response(null, { status: 204 });
}
`,
      'src/lib/run.ts': `import { execSync } from 'node:child_process';
export async function run(cmd: string) {
  execSync('git ' + cmd);
}
`,
    });
    assert.deepEqual(at(r.taint), ['command-injection src/lib/run.ts:3']);
  });
});
