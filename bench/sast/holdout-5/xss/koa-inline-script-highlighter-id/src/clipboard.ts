import Koa from 'koa';

const app = new Koa();

app.use(async (ctx) => {
  if (ctx.path !== '/clipboard') return;
  const id = String(ctx.query.id ?? 'editor');
  ctx.type = 'text/html';
  ctx.body = `<!doctype html><div id="clip"></div><script>window.highlighterId = '${id}'; initClipboard(window.highlighterId);</script>`; // expect: xss
});

app.listen(8081);
