import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { readFileSync, writeFileSync } from 'node:fs';

const FEED = '/var/lib/feeds/news.xml';
const router = new Router();

router.post('/feed/items', async (ctx) => {
  const { title } = ctx.request.body;
  const feed = readFileSync(FEED, 'utf8');
  const item = String(title);
  writeFileSync(FEED, feed.replace('</channel>', '<item><title>' + item + '</title></item></channel>')); // expect: xml-injection
  ctx.status = 201;
});

new Koa().use(bodyParser()).use(router.routes()).listen(3000);
