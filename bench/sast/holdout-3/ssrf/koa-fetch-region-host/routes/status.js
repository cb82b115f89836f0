import Router from '@koa/router';

export const statusRouter = new Router();

const upstream = (region) => `http://${region}.status.internal.example.net/v1/health`;

statusRouter.get('/status', async (ctx) => {
  const region = ctx.query.region || 'eu-west';
  const res = await fetch(upstream(region), { signal: AbortSignal.timeout(3000) }); // expect: ssrf
  ctx.body = { region, healthy: res.ok };
});
