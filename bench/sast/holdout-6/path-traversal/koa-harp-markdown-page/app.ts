import Koa from 'koa';
import Router from '@koa/router';
import { loadPage } from './pages';

const app = new Koa();
const router = new Router();

router.get('/docs/:page', async (ctx) => {
  ctx.type = 'text/plain';
  ctx.body = await loadPage(ctx.params.page);
});

app.use(router.routes());
app.listen(3000);
