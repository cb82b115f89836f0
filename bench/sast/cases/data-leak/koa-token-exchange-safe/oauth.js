const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { consumeCode, issueAccessToken, pool } = require('./tokens');

const app = new Koa();
const router = new Router();

router.post('/oauth/token', async (ctx) => {
  const grant = await consumeCode(String(ctx.request.body.code));
  if (!grant) ctx.throw(400, 'invalid_grant');
  const accessToken = await issueAccessToken(grant.accountId);
  const { rows } = await pool.query('SELECT id, display_name FROM accounts WHERE id = $1', [grant.accountId]);
  ctx.body = { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, account: rows[0] };
});

app.use(bodyParser()).use(router.routes());
app.listen(3000);
