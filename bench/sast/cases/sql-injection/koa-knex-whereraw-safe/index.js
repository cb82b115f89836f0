const Koa = require('koa');
const Router = require('@koa/router');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const app = new Koa();
const router = new Router();

router.get('/search', async (ctx) => {
  const term = ctx.query.q;
  const pattern = `%${String(term).toLowerCase()}%`;
  ctx.body = await knex('articles')
    .select('id', 'title')
    .whereRaw('lower(title) LIKE ?', [pattern])
    .limit(20);
});

app.use(router.routes());
app.listen(3000);
