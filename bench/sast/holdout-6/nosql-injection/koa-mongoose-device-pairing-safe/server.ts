import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import jwt from 'koa-jwt';
import { Device } from './models/device';

const app = new Koa();
const router = new Router();

router.post('/devices/pair', async (ctx) => {
  const pairingKey = String((ctx.request.body as { pairingKey?: unknown }).pairingKey ?? '');
  const device = await Device.findOneAndUpdate({ pairingKey, ownerId: null }, { ownerId: ctx.state.user.id }, { new: true, projection: { name: 1 } });
  ctx.body = { paired: Boolean(device), name: device?.name };
});

app.use(jwt({ secret: process.env.JWT_SECRET as string }));
app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
