const Koa = require('koa');
const Router = require('@koa/router');
const Handlebars = require('handlebars');
const { findPage } = require('./wiki');

const NOT_FOUND = Handlebars.compile('<h1>Wiki</h1><p>No page called <em>{{page}}</em> exists yet.</p>');

const app = new Koa();
const router = new Router();

router.get('/wiki', async (ctx) => {
  const page = String(ctx.query.page || 'Home');
  const html = await findPage(page);
  ctx.type = 'html';
  if (html) {
    ctx.body = html;
    return;
  }
  ctx.status = 404;
  ctx.body = NOT_FOUND({ page });
});

app.use(router.routes());
app.listen(3000);
