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
  const { layout, recipient } = ctx.request.body;
  const html = typeof layout === 'string' ? pug.render(layout, { recipient: String(recipient) }) : pug.renderFile(CARD_FILE, { recipient: String(recipient) }); // expect: template-injection
  ctx.body = { html };
});

app.listen(3000);
