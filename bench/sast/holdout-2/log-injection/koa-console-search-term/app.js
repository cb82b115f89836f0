const Koa = require('koa');
const Router = require('@koa/router');
const { search } = require('./search-index');

const app = new Koa();
const router = new Router();

router.get('/search', async (ctx) => {
  const term = String(ctx.query.term ?? '');
  const hits = await search(term);
  const logged = term;
  console.log(`[search] term=${logged} hits=${hits.length}`); // expect: log-injection
  ctx.body = { hits };
});

app.use(router.routes());
app.listen(3000);
