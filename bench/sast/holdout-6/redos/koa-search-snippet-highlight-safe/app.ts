import Koa from 'koa';
import Router from '@koa/router';
import { highlight } from './highlight';
import { searchArticles } from './articles';

const app = new Koa();
const router = new Router();

router.get('/search', async (ctx) => {
  const q = String(ctx.query.q ?? '');
  const hits = await searchArticles(q);
  ctx.body = hits.map((h) => ({ id: h.id, snippet: highlight(h.body.slice(0, 500), q) }));
});

app.use(router.routes());
app.listen(3000);
