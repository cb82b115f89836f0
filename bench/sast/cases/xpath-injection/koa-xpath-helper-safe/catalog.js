const Koa = require('koa');
const fs = require('fs');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');

const catalog = new DOMParser().parseFromString(fs.readFileSync('catalog.xml', 'utf8'), 'text/xml');
const app = new Koa();

function priceOf(sku) {
  if (typeof sku !== 'string' || !/^[A-Za-z0-9-]{1,32}$/.test(sku)) return null;
  return xpath.select1("string(//product[@sku='" + sku + "']/price)", catalog);
}

app.use(async (ctx) => {
  ctx.body = { price: priceOf(ctx.query.sku) };
});

app.listen(3000);
