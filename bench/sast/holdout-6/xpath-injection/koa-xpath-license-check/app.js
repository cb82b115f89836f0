const Koa = require('koa');
const fs = require('fs');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');

const licenses = new DOMParser().parseFromString(fs.readFileSync('./licenses.xml', 'utf8'), 'text/xml');
const app = new Koa();

app.use(async (ctx) => {
  if (ctx.path !== '/license/check') return;
  const key = String(ctx.query.key || '');
  const nodes = xpath.select("//license[@key='" + key + "' and @revoked='false']/@plan", licenses); // expect: xpath-injection
  ctx.body = { valid: nodes.length > 0, plan: nodes[0] ? nodes[0].value : null };
});

app.listen(3000);
