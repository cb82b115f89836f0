const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/[<>"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

router.get('/search', (ctx) => {
  const q = ctx.query.q || '';
  ctx.type = 'html';
  ctx.body = `<form action="/search"><input name="q" value="${escapeHtml(q)}" autofocus></form><h1>Results for ${escapeHtml(q)}</h1>`;
});

app.use(router.routes());
app.listen(3000);
