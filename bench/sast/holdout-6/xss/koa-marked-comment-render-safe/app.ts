import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { renderComment } from './markdown';

const app = new Koa();
const router = new Router();

router.post('/comments/preview', async (ctx) => {
  const { text } = ctx.request.body as { text: string };
  ctx.type = 'text/html';
  ctx.body = renderComment(text);
});

app.use(bodyParser()).use(router.routes());
app.listen(3000);
