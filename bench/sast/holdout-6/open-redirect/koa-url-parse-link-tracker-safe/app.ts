import Koa from 'koa';
import Router from '@koa/router';
import { trackedRedirect } from './tracking';

const app = new Koa();
const router = new Router();

router.get('/r', async (ctx) => {
  await trackedRedirect(ctx, String(ctx.query.to ?? '/'));
});

app.use(router.routes());
app.listen(3000);
