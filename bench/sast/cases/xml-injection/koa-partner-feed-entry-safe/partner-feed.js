const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const fs = require('fs/promises');
const xmlEscape = require('xml-escape');

const PARTNER_FEED = '/var/spool/partner-feed/products.xml';
const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  const { path, priority } = ctx.request.body;
  const entry = `<product><link>https://shop.example${xmlEscape(String(path))}</link><priority>${Number(priority) || 0.5}</priority></product>\n`;
  await fs.appendFile(PARTNER_FEED, entry);
  ctx.status = 204;
});

app.listen(3000);
