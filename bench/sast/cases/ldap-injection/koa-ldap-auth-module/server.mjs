import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { findUserDn } from './ldap-auth.mjs';

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  const dn = await findUserDn(ctx.request.body.username);
  ctx.status = dn ? 204 : 401;
});

app.listen(3000);
