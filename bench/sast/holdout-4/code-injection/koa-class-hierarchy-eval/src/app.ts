import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { DiscountRule } from './rules/discount-rule';

const app = new Koa();
const router = new Router();
const rule = new DiscountRule();

router.post('/discounts/preview', (ctx) => {
  const { expression, subtotal, items } = ctx.request.body as { expression: string; subtotal: number; items: number };
  ctx.body = { discount: rule.apply(expression, Number(subtotal), Number(items)) };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
