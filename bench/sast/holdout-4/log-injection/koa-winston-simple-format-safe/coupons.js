import Router from '@koa/router';
import { logger } from './logger.js';

const VALID = new Set(['WELCOME10', 'SPRING24']);

export const coupons = new Router();

coupons.post('/coupons/redeem', (ctx) => {
  const { code } = ctx.request.body;
  if (!VALID.has(code)) {
    logger.warn(`coupon rejected: ${code}`);
    ctx.status = 422;
    ctx.body = { error: 'invalid coupon' };
    return;
  }
  ctx.body = { ok: true };
});
