import Koa from 'koa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const DOCS_ROOT = path.resolve('content/docs');
const app = new Koa();

app.use(async (ctx, next) => {
  if (!ctx.path.startsWith('/docs/')) return next();
  const rel = decodeURIComponent(ctx.path.slice('/docs/'.length));
  const file = path.join(DOCS_ROOT, rel);
  ctx.type = 'text/markdown';
  ctx.body = await readFile(file, 'utf8'); // expect: path-traversal
});

app.listen(3000);
