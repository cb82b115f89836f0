const Koa = require('koa');
const fs = require('fs');
const path = require('path');
const config = require('./config.json');

const LOCALES = path.join(__dirname, 'locales');
const app = new Koa();

app.use(async (ctx) => {
  const lang = ctx.query.lang || config.defaultLocale;
  ctx.body = JSON.parse(fs.readFileSync(path.join(LOCALES, lang + '.json'), 'utf8')); // expect: path-traversal
});

app.listen(3000);
