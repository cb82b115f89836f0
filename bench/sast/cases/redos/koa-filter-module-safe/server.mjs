import Koa from 'koa';
import { filterByPrefix } from './filter.mjs';

const app = new Koa();
const SKUS = ['AB-100', 'AB-200', 'CX-310'];

app.use(async (ctx) => {
  ctx.body = filterByPrefix(SKUS, ctx.query.prefix ?? '');
});

app.listen(3000);
