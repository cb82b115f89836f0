const Koa = require('koa');
const Router = require('@koa/router');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const SORTABLE = ['title', 'created_at', 'views'];

const app = new Koa();
const router = new Router();

router.get('/articles', async (ctx) => {
  const { sort = 'created_at', dir = 'desc' } = ctx.query;
  if (!SORTABLE.includes(sort)) {
    ctx.throw(400, 'unknown sort column');
  }
  const direction = dir;
  const rows = await knex('articles').select('id', 'title', 'created_at').orderByRaw(`${sort} ${direction}`).limit(20); // expect: sql-injection
  ctx.body = { articles: rows };
});

app.use(router.routes()).use(router.allowedMethods());
app.listen(3000);
