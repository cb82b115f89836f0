/** Route schemas beyond zod: JSON Schema through ajv (coercing query strings), response schemas, setup errors. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import express from 'express';
import { z } from 'zod';
import { GuardSetupError, rampart } from '@rampart/guard';
import { check } from './helpers/check.ts';

async function serve(app: express.Express) {
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('route schemas', () => {
  it('validates with JSON Schema (ajv), coercing query strings and keeping bodies strict', async () => {
    const app = express();
    app.use(rampart({ rootCheck: false, logger: false }) as unknown as express.RequestHandler);
    app.post(
      '/items',
      rampart.validate({
        query: { type: 'object', properties: { page: { type: 'integer', minimum: 1 } }, required: ['page'] },
        body: { type: 'object', properties: { qty: { type: 'integer' } }, required: ['qty'], additionalProperties: false },
      }) as express.RequestHandler,
      (req, res) => void res.json({ validated: (req as unknown as { validated: unknown }).validated }),
    );
    const s = await serve(app);
    try {
      const ok = await check(s, { path: '/items?page=2', body: { qty: 3 } });
      assert.equal(ok.status, 200, ok.text);
      assert.deepEqual(ok.json(), { validated: { query: { page: 2 }, body: { qty: 3 } } });
      const badQuery = await check(s, { path: '/items?page=zero', body: { qty: 3 } });
      assert.equal(badQuery.status, 400);
      assert.match((badQuery.json() as { details: string[] }).details[0], /^query\.page: must be integer/);
      const badBody = await check(s, { path: '/items?page=1', body: { qty: '3' } });
      assert.equal(badBody.status, 400, 'bodies are not coerced');
      const extra = await check(s, { path: '/items?page=1', body: { qty: 3, admin: true } });
      assert.equal(extra.status, 400);
    } finally {
      await s.close();
    }
  });

  it('replaces a response that does not match its schema with a 500, and strips unknown keys from one that does', async () => {
    const app = express();
    app.use(rampart({ rootCheck: false, logger: false }) as unknown as express.RequestHandler);
    const Order = z.object({ id: z.number(), total: z.number() });
    app.get('/order', rampart.validate({ response: { schema: Order } }) as express.RequestHandler, (_req, res) => void res.json({ id: 1, total: 5, internalNote: 'margin 40%' }));
    app.get('/broken', rampart.validate({ response: { schema: Order } }) as express.RequestHandler, (_req, res) => void res.json({ id: 'one' }));
    const s = await serve(app);
    try {
      assert.deepEqual((await check(s, { path: '/order' })).json(), { id: 1, total: 5 });
      const broken = await check(s, { path: '/broken' });
      assert.equal(broken.status, 500);
      assert.equal((broken.json() as { error: string }).error, 'Internal error');
    } finally {
      await s.close();
    }
  });

  it('checks a body that a parser mounted before the guard already parsed', async () => {
    const app = express();
    app.use(express.json());
    app.use(rampart({ rootCheck: false, logger: false }) as unknown as express.RequestHandler);
    app.post('/login', (req, res) => void res.json({ user: req.body.user }));
    const s = await serve(app);
    try {
      assert.equal((await check(s, { path: '/login', body: { user: { $ne: null } } })).status, 400);
      assert.deepEqual((await check(s, { path: '/login', body: { user: 'ann' } })).json(), { user: 'ann' });
    } finally {
      await s.close();
    }
  });

  it('refuses schemas it cannot use, and unknown parts, at setup', () => {
    assert.throws(() => rampart.validate({ body: { hello: 'world' } as never }), GuardSetupError);
    assert.throws(() => rampart.validate({ bdy: z.string() } as never), /Did you mean `body`\?/);
  });
});
