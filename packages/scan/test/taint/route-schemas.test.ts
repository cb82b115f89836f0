import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowsIn } from './helpers.js';

// A route schema vouches for the fields it pins (a pattern, an enum, a number), not for the rest
// of the input it describes.

const fastify = (querystring: string, handler: string): string => `const fastify = require('fastify')();
const mysql = require('mysql2/promise');
const pool = mysql.createPool({ host: 'localhost' });
const QUERY = ${querystring};
fastify.get('/sales', { schema: { querystring: QUERY } }, async (request) => {
${handler}
});
`;

const sql = (expr: string): string => `  const [rows] = await pool.query("SELECT total FROM sales WHERE x = '" + ${expr} + "'");\n  return rows;`;

describe('route schemas, field by field', () => {
  const pinnedAndFree = "{ type: 'object', properties: { region: { type: 'string', enum: ['emea', 'apac'] }, note: { type: 'string', maxLength: 64 } } }";

  it('Fastify JSON schema: the enum field is clean, the free string beside it is input', () => {
    assert.deepEqual(flowsIn(fastify(pinnedAndFree, sql('request.query.region'))), []);
    assert.deepEqual(flowsIn(fastify(pinnedAndFree, sql('request.query.note'))), ['sql-injection@6']);
  });

  it('destructured from the validated input, each field keeps its own verdict', () => {
    const handler = `  const { region, note } = request.query;\n${sql('region')}`;
    assert.deepEqual(flowsIn(fastify(pinnedAndFree, handler)), []);
    assert.deepEqual(flowsIn(fastify(pinnedAndFree, `  const { region, note } = request.query;\n${sql('note')}`)), ['sql-injection@7']);
  });

  it('a field the schema does not list is input unless additionalProperties is false', () => {
    const open = "{ type: 'object', properties: { region: { type: 'string', enum: ['emea'] } } }";
    const closed = "{ type: 'object', additionalProperties: false, properties: { region: { type: 'string', enum: ['emea'] } } }";
    assert.deepEqual(flowsIn(fastify(open, sql('request.query.extra'))), ['sql-injection@6']);
    assert.deepEqual(flowsIn(fastify(closed, sql('request.query.extra'))), []);
  });

  it('Fastify shorthand (the properties alone) is read field by field too', () => {
    const shorthand = "{ region: { type: 'string', pattern: '^[a-z]+$' }, note: { type: 'string' } }";
    assert.deepEqual(flowsIn(fastify(shorthand, sql('request.query.region'))), []);
    assert.deepEqual(flowsIn(fastify(shorthand, sql('request.query.note'))), ['sql-injection@6']);
  });

  it('Hapi with Joi.object(): a number field is clean, a plain string is not; unknown keys are refused', () => {
    const hapi = (expr: string): string => `const Hapi = require('@hapi/hapi');
const Joi = require('joi');
const { exec } = require('child_process');
const server = Hapi.server({ port: 3000 });
server.route({
  method: 'GET',
  path: '/build/{id}/{branch}',
  options: { validate: { params: Joi.object({ id: Joi.number().integer(), branch: Joi.string().max(40) }) } },
  handler: (request, h) => {
    exec('make build ID=' + ${expr});
    return h.response().code(202);
  },
});
`;
    assert.deepEqual(flowsIn(hapi('request.params.id')), []);
    assert.deepEqual(flowsIn(hapi('request.params.branch')), ['command-injection@10']);
  });

  it('a string field is no operator object: safe for MongoDB filters, still text for SQL', () => {
    const hapi = (sink: string): string => `const Hapi = require('@hapi/hapi');
const Joi = require('joi');
const { MongoClient } = require('mongodb');
const mysql = require('mysql2/promise');
const server = Hapi.server({ port: 3000 });
const pool = mysql.createPool({});
server.route({
  method: 'POST',
  path: '/login',
  options: { validate: { payload: Joi.object({ user: Joi.string().max(64), pin: Joi.string().max(8) }) } },
  handler: async (request) => {
    const users = (await MongoClient.connect('mongodb://db')).db('app').collection('users');
    ${sink}
  },
});
`;
    assert.deepEqual(flowsIn(hapi('return { ok: !!(await users.findOne({ user: request.payload.user, pin: request.payload.pin })) };')), []);
    assert.deepEqual(flowsIn(hapi('return { ok: !!(await users.findOne(request.payload)) };')), [], 'a closed schema of strings: the whole payload holds no operator');
    const lenient = hapi('return { ok: !!(await users.findOne(request.payload)) };').replace('pin: Joi.string().max(8) })', 'pin: Joi.string().max(8) }).unknown()');
    assert.deepEqual(flowsIn(lenient), ['nosql-injection@13'], 'unknown keys let through: any of them may be an operator object');
    assert.deepEqual(flowsIn(hapi("return pool.query(\"SELECT 1 FROM u WHERE name = '\" + request.payload.user + \"'\");")), ['sql-injection@13']);
  });

  it('a Fastify response schema sends only the fields it lists: a whole record is no leak, unless the schema lists a secret', () => {
    const route = (fields: string): string => `const fastify = require('fastify')();
const { PrismaClient } = require('@prisma/client');
const prisma = new PrismaClient();
const schema = { response: { 200: { type: 'object', properties: { ${fields} } } } };
fastify.get('/users/:id', { schema }, async (request, reply) => {
  const user = await prisma.user.findUnique({ where: { id: Number(request.params.id) } });
  return user;
});
`;
    assert.deepEqual(flowsIn(route("id: { type: 'integer' }, name: { type: 'string' }")), []);
    assert.deepEqual(flowsIn(route("id: { type: 'integer' }, passwordHash: { type: 'string' }")), ['data-leak@7']);
    assert.deepEqual(flowsIn(route("id: { type: 'integer' }").replace("const schema = { response: { 200: { type: 'object', properties: { id: { type: 'integer' } } } } };", 'const schema = {};')), ['data-leak@7']);
  });

  it('schema.parse(input) with a zod object schema in a const: pinned fields are clean, plain strings are still text', () => {
    const code = (use: string): string => `import { z } from 'zod';
import { execSync } from 'node:child_process';
const Body = z.object({ branch: z.string().max(100), depth: z.number().int() });
export async function POST(request: Request) {
  const { branch, depth } = Body.parse(await request.json());
  return new Response(execSync(${use}).toString());
}
`;
    assert.deepEqual(flowsIn(code("'git log -n ' + depth"), 'route.ts'), []);
    assert.deepEqual(flowsIn(code("'git log ' + branch"), 'route.ts'), ['command-injection@6']);
  });

  it('a schema held elsewhere (imported) is still judged as a whole', () => {
    const code = `const fastify = require('fastify')();
const { REPORT_QUERY } = require('./schemas');
const mysql = require('mysql2/promise');
const pool = mysql.createPool({});
fastify.get('/r', { schema: { querystring: REPORT_QUERY } }, async (request) => {
  const [rows] = await pool.query("SELECT 1 FROM t WHERE r = '" + request.query.region + "'");
  return rows;
});
`;
    assert.deepEqual(flowsIn(code), ['sql-injection@6']);
  });
});
