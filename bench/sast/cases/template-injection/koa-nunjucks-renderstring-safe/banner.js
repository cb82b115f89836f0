const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const nunjucks = require('nunjucks');

const app = new Koa();
app.use(bodyParser());
const env = new nunjucks.Environment(null, { autoescape: true });

app.use(async (ctx) => {
  const { message } = ctx.request.body;
  ctx.body = { banner: env.renderString('<div class="banner">{{ message }} ({{ year }})</div>', { message, year: new Date().getFullYear() }) };
});

app.listen(3000);
