import Router from '@koa/router';

const VERSION = /^\d+(\.\d+)*$/;

export const compat = new Router();

compat.get('/compat', (ctx) => {
  const version = String(ctx.query.v ?? '');
  if (!VERSION.test(version)) {
    ctx.status = 400;
    ctx.body = { error: 'bad version' };
    return;
  }
  ctx.body = { supported: version.split('.').map(Number)[0] >= 3 };
});
