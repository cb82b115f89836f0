const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const axios = require('axios');

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  if (ctx.method !== 'POST' || ctx.path !== '/export/pdf') return;
  const { url } = ctx.request.body;
  const page = await axios.get(url, { timeout: 5000, maxRedirects: 0, responseType: 'text' }); // expect: ssrf
  ctx.body = { size: page.data.length, title: /<title>([^<]*)<\/title>/i.exec(page.data)?.[1] ?? null };
});

app.listen(3000);
