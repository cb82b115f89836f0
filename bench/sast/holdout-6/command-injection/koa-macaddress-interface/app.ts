import Koa from 'koa';
import Router from '@koa/router';
import { macOf } from './lib/net';

const app = new Koa();
const router = new Router();

router.get('/api/network/mac', async (ctx) => {
  const iface = String(ctx.query.iface ?? 'eth0');
  ctx.body = { iface, mac: await macOf(iface) };
});

app.use(router.routes());
app.listen(3000);
