import Koa from 'koa';
import { DocsService } from './docs.service';

const docs = new DocsService(new URL('../content/docs', import.meta.url).pathname);
const app = new Koa();

app.use(async (ctx) => {
  if (ctx.path !== '/docs') return;
  const page = typeof ctx.query.page === 'string' ? ctx.query.page : 'index';
  try {
    ctx.type = 'text/markdown';
    ctx.body = await docs.page(page);
  } catch {
    ctx.status = 404;
  }
});

app.listen(3000);
