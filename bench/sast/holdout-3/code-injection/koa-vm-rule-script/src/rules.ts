import vm from 'node:vm';
import Router from '@koa/router';

type Cart = { items: { sku: string; qty: number; price: number }[] };

const router = new Router();

router.post('/rules/preview', async (ctx) => {
  const { script, cart } = ctx.request.body as { script: string; cart: Cart };
  const sandbox = { cart, discount: 0 };
  vm.runInNewContext(script, sandbox, { timeout: 50 }); // expect: code-injection
  ctx.body = { discount: sandbox.discount };
});

export default router;
