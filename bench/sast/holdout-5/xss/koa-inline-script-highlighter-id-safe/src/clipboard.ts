import Koa from 'koa';
import serialize from 'serialize-javascript';

const app = new Koa();

app.use(async (ctx) => {
  if (ctx.path !== '/clipboard') return;
  const id = String(ctx.query.id ?? 'editor');
  ctx.type = 'text/html';
  ctx.body = `<!doctype html><div id="clip"></div><script>window.highlighterId = ${serialize(id, { isJSON: true })}; initClipboard(window.highlighterId);</script>`;
});

app.listen(8081);
