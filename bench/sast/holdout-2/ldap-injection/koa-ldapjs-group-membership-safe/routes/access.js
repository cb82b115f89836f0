const Router = require('@koa/router');
const { isMember } = require('../lib/directory');

const router = new Router();

router.get('/access/check', async (ctx) => {
  const group = String(ctx.query.group || '');
  const userDn = ctx.state.user.dn;
  ctx.body = { group, allowed: await isMember(group, userDn) };
});

module.exports = router;
