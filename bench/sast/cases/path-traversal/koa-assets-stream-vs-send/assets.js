const Koa = require('koa');
const Router = require('@koa/router');
const path = require('path');
const fs = require('fs');

const ASSETS = path.join(__dirname, 'public', 'assets');
const app = new Koa();
const router = new Router();

router.get('/assets/:file', async (ctx) => {
  const file = ctx.params.file;
  ctx.type = path.extname(file);
  ctx.body = fs.createReadStream(path.join(ASSETS, file)); // expect: path-traversal
});

app.use(router.routes());
app.listen(3000);
