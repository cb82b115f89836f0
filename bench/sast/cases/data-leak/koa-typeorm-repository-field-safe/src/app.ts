import Koa from 'koa';
import Router from '@koa/router';
import { DataSource } from 'typeorm';
import { CustomerDirectory } from './customer.directory';
import { Customer } from './customer.entity';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Customer] });
const directory = new CustomerDirectory(dataSource);
const router = new Router();

router.get('/customers', async (ctx) => {
  ctx.body = await directory.all();
});

new Koa().use(router.routes()).listen(3000);
