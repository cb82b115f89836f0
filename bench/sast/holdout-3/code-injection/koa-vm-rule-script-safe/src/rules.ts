import vm from 'node:vm';
import Router from '@koa/router';

type Cart = { items: { sku: string; qty: number; price: number }[] };

const RULE_SCRIPTS = new Map<string, string>([
  ['bulk', 'discount = cart.items.reduce((n, i) => n + i.qty, 0) >= 10 ? 0.1 : 0;'],
  ['none', 'discount = 0;'],
]);

const router = new Router();

router.post('/rules/preview', async (ctx) => {
  const { rule, cart } = ctx.request.body as { rule: string; cart: Cart };
  const script = RULE_SCRIPTS.get(rule);
  if (script === undefined) ctx.throw(400, 'unknown rule');
  const sandbox = { cart, discount: 0 };
  vm.runInNewContext(script, sandbox, { timeout: 50 });
  ctx.body = { discount: sandbox.discount };
});

export default router;
