const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const log4js = require('log4js');

log4js.configure({ appenders: { file: { type: 'file', filename: 'logs/shop.log' } }, categories: { default: { appenders: ['file'], level: 'info' } } });
const logger = log4js.getLogger('shop');
const COUPONS = new Map([['WELCOME10', 10]]);

const app = new Koa();
app.use(bodyParser());
app.use(async (ctx) => {
  const code = String(ctx.request.body.code || '');
  const discount = COUPONS.get(code.toUpperCase());
  if (!discount) {
    const shown = code;
    logger.warn('Rejected coupon code ' + shown); // expect: log-injection
    ctx.status = 422;
    ctx.body = { error: 'unknown coupon' };
    return;
  }
  ctx.body = { discount };
});
app.listen(3000);
