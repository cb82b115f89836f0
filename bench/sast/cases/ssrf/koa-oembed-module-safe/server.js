const Koa = require('koa');
const Router = require('@koa/router');
const { fetchEmbed } = require('./oembed');

const app = new Koa();
const router = new Router();

router.get('/api/embed', async (ctx) => {
  const { url } = ctx.query;
  ctx.assert(typeof url === 'string' && url.startsWith('http'), 400, 'url required');
  ctx.body = await fetchEmbed(url);
});

app.use(router.routes());
app.listen(3000);
