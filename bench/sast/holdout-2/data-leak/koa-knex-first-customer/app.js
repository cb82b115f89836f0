const Koa = require('koa');
const Router = require('@koa/router');
const knex = require('knex');

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const app = new Koa();
const router = new Router();

router.get('/customers/:id', async (ctx) => {
  const customer = await db('customers').where({ id: Number(ctx.params.id) }).first();
  if (!customer) {
    ctx.throw(404, 'no such customer');
  }
  ctx.body = customer; // expect: data-leak
});

app.use(router.routes());
app.listen(3000);
