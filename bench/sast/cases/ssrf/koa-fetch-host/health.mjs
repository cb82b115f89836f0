import Koa from 'koa';

const app = new Koa();

app.use(async (ctx) => {
  const host = ctx.query.host;
  const response = await fetch(`http://${host}/health`, { signal: AbortSignal.timeout(2000) }); // expect: ssrf
  ctx.body = { service: host, up: response.ok };
});

app.listen(3000);
