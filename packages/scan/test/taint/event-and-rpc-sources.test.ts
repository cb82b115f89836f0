import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowsIn } from './helpers.js';

// Input that arrives outside an HTTP route's req: Socket.IO events, tRPC procedures, GraphQL
// resolvers, uploads parsed by busboy, @fastify/multipart or NestJS, and where it goes next.

describe('input from events, procedures and resolvers', () => {
  it('Socket.IO: any event a client names carries its data (ack callbacks included); server-side emitters do not', () => {
    const code = (handler: string): string => `const { Server } = require('socket.io');
const { exec } = require('child_process');
const io = new Server(3000);
io.on('connection', (socket) => {
  socket.on('convert', ${handler});
});
`;
    assert.deepEqual(flowsIn(code("(job, ack) => exec('convert ' + job.file + ' out.png', ack)")), ['command-injection@5']);
    assert.deepEqual(flowsIn(code("(job, ack) => exec('convert ' + Number(job.page) + ' out.png', ack)")), []);
    const bus = `const { EventEmitter } = require('events');
const { exec } = require('child_process');
const jobs = new EventEmitter();
jobs.on('convert', (job) => exec('convert ' + job.file));
`;
    assert.deepEqual(flowsIn(bus), [], "the app's own emitter is not a client");
  });

  it('tRPC: a procedure input is the client’s; fields the zod schema pins are clean; the result is the response', () => {
    const code = (use: string): string => `import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import { pool } from './db';
const t = initTRPC.create();
export const appRouter = t.router({
  byTag: t.procedure
    .input(z.object({ tag: z.string(), page: z.number().int() }))
    .query(async ({ input }) => {
      const { rows } = await pool.query(${use});
      return rows.map((r: { id: number }) => r.id);
    }),
});
`;
    assert.deepEqual(flowsIn(code("`SELECT id FROM posts WHERE tag = '${input.tag}'`"), 'router.ts'), ['sql-injection@9']);
    assert.deepEqual(flowsIn(code('`SELECT id FROM posts OFFSET ${input.page * 20}`'), 'router.ts'), []);
  });

  it('GraphQL: resolver arguments are the client’s (Apollo resolver maps, NestJS @Args)', () => {
    const apollo = `const { ApolloServer, gql } = require('apollo-server');
const { execSync } = require('child_process');
const typeDefs = gql\`type Query { ping(host: String!): String }\`;
const resolvers = {
  Query: {
    ping: (_root, { host }) => execSync('ping -c 1 ' + host).toString(),
  },
};
new ApolloServer({ typeDefs, resolvers }).listen();
`;
    assert.deepEqual(flowsIn(apollo), ['command-injection@6']);
    const plain = `const { execSync } = require('child_process');
const handlers = {
  Query: {
    ping: (_root, { host }) => execSync('ping -c 1 ' + host).toString(),
  },
};
module.exports = handlers;
`;
    assert.deepEqual(flowsIn(plain), [], 'no GraphQL in the file: a plain object that happens to have a Query key');
    const nest = `import { Args, Query, Resolver } from '@nestjs/graphql';
import { execSync } from 'child_process';
@Resolver()
export class PingResolver {
  @Query(() => String)
  ping(@Args('host') host: string) {
    return execSync('ping -c 1 ' + host).toString();
  }
}
`;
    assert.deepEqual(flowsIn(nest, 'ping.resolver.ts'), ['command-injection@7']);
  });

  it('uploads: busboy events on an object busboy made, request.file() of @fastify/multipart, NestJS @UploadedFile()', () => {
    const bb = `const http = require('http');
const busboy = require('busboy');
const fs = require('fs');
http.createServer((req, res) => {
  const parser = busboy({ headers: req.headers, preservePath: true });
  parser.on('file', (name, stream, info) => stream.pipe(fs.createWriteStream('/srv/in/' + info.filename)));
  req.pipe(parser);
}).listen(3000);
`;
    assert.deepEqual(flowsIn(bb), ['path-traversal@6']);
    const watcher = `const chokidar = require('chokidar');
const fs = require('fs');
chokidar.watch('/srv/in').on('file', (path) => fs.readFileSync(path));
`;
    assert.deepEqual(flowsIn(watcher), [], "another package's 'file' event is not an upload");
    const fastify = `const fastify = require('fastify')();
const yaml = require('js-yaml');
fastify.register(require('@fastify/multipart'));
fastify.post('/import', async (request) => {
  const part = await request.file();
  const text = (await part.toBuffer()).toString();
  return { ok: !!yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA }) };
});
`;
    assert.deepEqual(flowsIn(fastify), ['insecure-deserialization@7']);
    const nest = `import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { parseXml } from 'libxmljs';
@Controller('import')
export class ImportController {
  @Post()
  @UseInterceptors(FileInterceptor('file'))
  upload(@UploadedFile() file: Express.Multer.File) {
    return { nodes: parseXml(file.buffer.toString(), { noent: true }).childNodes().length };
  }
}
`;
    assert.deepEqual(flowsIn(nest, 'import.controller.ts'), ['xxe@9']);
  });

  it("multer: the stored path is the server's, unless diskStorage names files after the client's originalname", () => {
    const code = (filename: string): string => `const express = require('express');
const multer = require('multer');
const { execFile, exec } = require('child_process');
const upload = multer({ storage: multer.diskStorage({ destination: '/srv/up', filename: ${filename} }) });
const app = express();
app.post('/thumb', upload.single('img'), (req, res) => {
  exec('convert "' + req.file.path + '" -resize 64x64 thumb.png', () => res.end());
});
`;
    assert.deepEqual(flowsIn(code('(req, file, cb) => cb(null, file.originalname)')), ['command-injection@7']);
    assert.deepEqual(flowsIn(code("(req, file, cb) => cb(null, require('crypto').randomUUID() + '.png')")), []);
  });

  it('Next.js: the redirect destination getServerSideProps returns is an open redirect; a fixed host is not', () => {
    const page = (destination: string): string => `export async function getServerSideProps({ query }) {
  return { redirect: { destination: ${destination}, permanent: false } };
}
export default function Go() { return null; }
`;
    assert.deepEqual(flowsIn(page('String(query.next)'), 'pages/go.jsx'), ['open-redirect@2']);
    assert.deepEqual(flowsIn(page('`https://shop.example.com/${encodeURIComponent(String(query.next))}`'), 'pages/go.jsx'), []);
  });

  it('prototype pollution needs both keys of target[a][b] = v: an own-key check on a leaves nothing to pollute', () => {
    const code = (check: string): string => `const express = require('express');
const settings = { theme: {}, mail: {} };
const app = express();
app.use(express.json());
app.patch('/settings', (req, res) => {
  for (const [section, values] of Object.entries(req.body)) {
    ${check}
    for (const [key, value] of Object.entries(values)) settings[section][key] = value;
  }
  res.json(settings);
});
`;
    assert.deepEqual(flowsIn(code('if (!Object.hasOwn(settings, section)) continue;')), []);
    assert.deepEqual(flowsIn(code('if (!section) continue;')), ['prototype-pollution@8']);
  });

  it('a generator passes on what it yields: spread, joined or iterated by its caller', () => {
    const code = (yieldLine: string): string => `const http = require('http');
function* cells(term) {
  ${yieldLine}
}
http.createServer((req, res) => {
  const q = new URL(req.url, 'http://x').searchParams.get('q') ?? '';
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end('<tr>' + [...cells(q)].join('') + '</tr>');
}).listen(8080);
`;
    assert.deepEqual(flowsIn(code('yield `<td>${term}</td>`;')), ['xss@8']);
    assert.deepEqual(flowsIn(code("yield `<td>${term.replace(/[<>&\"']/g, '')}</td>`;")), []);
  });

  it('a reduce that walks an object by input keys (acc[key] returned) pollutes like a loop walk; a fixed path does not', () => {
    const code = (keys: string): string => `const express = require('express');
const prefs = {};
const app = express();
app.use(express.json());
app.post('/prefs', (req, res) => {
  const keys = ${keys};
  keys.reduce((node, key, i) => {
    if (i === keys.length - 1) node[key] = req.body.value;
    else node[key] = node[key] || {};
    return node[key];
  }, prefs);
  res.json(prefs);
});
`;
    assert.deepEqual(flowsIn(code("String(req.body.path).split('.')")), ['prototype-pollution@8', 'prototype-pollution@9']);
    assert.deepEqual(flowsIn(code("['ui', 'theme']")), []);
  });
});

