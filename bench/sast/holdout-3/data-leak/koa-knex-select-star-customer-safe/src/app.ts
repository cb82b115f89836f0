import Koa from 'koa';
import Router from '@koa/router';
import knex from 'knex';
import { CustomersRepo } from './customers.repo';

const repo = new CustomersRepo(knex({ client: 'mysql2', connection: process.env.DATABASE_URL }));
const router = new Router();

router.get('/customers/:id', async (ctx) => {
  const customer = await repo.byId(Number(ctx.params.id));
  if (!customer) ctx.throw(404);
  ctx.body = customer;
});

new Koa().use(router.routes()).listen(3000);
