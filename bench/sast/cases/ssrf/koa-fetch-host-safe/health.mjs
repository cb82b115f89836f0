import Koa from 'koa';

const app = new Koa();
const SERVICES = new Map([
  ['billing', 'billing.internal:8080'],
  ['search', 'search.internal:9200'],
]);

app.use(async (ctx) => {
  const host = SERVICES.get(ctx.query.host);
  if (!host) ctx.throw(404);
  const response = await fetch(`http://${host}/health`, { signal: AbortSignal.timeout(2000) });
  ctx.body = { service: ctx.query.host, up: response.ok };
});

app.listen(3000);
