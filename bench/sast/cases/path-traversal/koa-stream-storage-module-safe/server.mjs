import Koa from 'koa';
import Router from '@koa/router';
import { openAttachment } from './storage.mjs';

const app = new Koa();
const router = new Router();

router.get('/attachments/:key', (ctx) => {
  ctx.type = 'application/octet-stream';
  ctx.body = openAttachment(ctx.params.key);
});

app.use(router.routes()).listen(3000);
