import Router from '@koa/router';

export const statusRouter = new Router();

const REGIONS = ['eu-west', 'eu-central', 'us-east', 'ap-south'];
const upstream = (region) => `http://${region}.status.internal.example.net/v1/health`;

statusRouter.get('/status', async (ctx) => {
  const region = ctx.query.region || 'eu-west';
  if (!REGIONS.includes(region)) ctx.throw(400, 'unknown region');
  const res = await fetch(upstream(region), { signal: AbortSignal.timeout(3000) });
  ctx.body = { region, healthy: res.ok };
});
