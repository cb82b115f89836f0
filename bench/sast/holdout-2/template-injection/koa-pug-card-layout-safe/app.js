const path = require('path');
const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const pug = require('pug');

const CARD_FILE = path.join(__dirname, 'views', 'card.pug');

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  if (ctx.method !== 'POST' || ctx.path !== '/cards/render') {
    ctx.status = 404;
    return;
  }
  const { recipient } = ctx.request.body;
  const html = pug.renderFile(CARD_FILE, { recipient: String(recipient) });
  ctx.body = { html };
});

app.listen(3000);
