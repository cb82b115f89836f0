import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { InvoiceService } from './invoices.service';

const invoices = new InvoiceService();
const app = new Koa();
app.use(bodyParser({ enableTypes: ['xml'] }));

app.use(async (ctx) => {
  if (ctx.method === 'POST' && ctx.path === '/invoices/preview') {
    ctx.body = invoices.totals(ctx.request.body as string);
  }
});

app.listen(3000);
