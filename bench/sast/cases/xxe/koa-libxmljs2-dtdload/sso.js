const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const { parseXml } = require('libxmljs2');

const app = new Koa();
app.use(bodyParser({ enableTypes: ['xml'], xmlLimit: '512kb' }));

app.use(async (ctx) => {
  const xml = ctx.request.body;
  const doc = parseXml(xml, { noent: true, dtdload: true, nonet: false }); // expect: xxe
  const nameId = doc.get('//*[local-name()="NameID"]');
  ctx.body = { subject: nameId ? nameId.text() : null };
});

app.listen(3000);
