import Koa from 'koa';
import Router from '@koa/router';
import { findPerson } from './directory';

const app = new Koa();
const router = new Router();

router.get('/people', async (ctx) => {
  ctx.body = await findPerson(String(ctx.query.uid ?? ''));
});

app.use(router.routes());
app.listen(3000);
