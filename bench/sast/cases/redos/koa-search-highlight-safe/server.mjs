import Koa from 'koa';
import Router from '@koa/router';
import { highlight } from './highlight.mjs';
import { docs } from './docs.mjs';

const app = new Koa();
const router = new Router();

router.get('/search', (ctx) => {
  const term = String(ctx.query.q ?? '').slice(0, 200);
  if (!term) {
    ctx.body = { hits: [] };
    return;
  }
  const hits = docs
    .map((d) => ({ id: d.id, snippet: highlight(d.body.slice(0, 300), term) }))
    .filter((hit) => hit.snippet.includes('<<'));
  ctx.body = { hits };
});

app.use(router.routes());
app.listen(3000);
