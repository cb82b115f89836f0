import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { previewFooter } from './mailer';

const app = new Koa();
const router = new Router();

router.post('/settings/email-footer/preview', async (ctx) => {
  const { footer } = ctx.request.body as { footer: string };
  ctx.body = { text: previewFooter(footer, { company: 'Acme', year: 2026 }) };
});

app.use(bodyParser()).use(router.routes());
app.listen(3000);
