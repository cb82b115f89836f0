const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const _ = require('lodash');

const DEFAULTS = { layout: 'grid', widgets: { clock: { visible: true } } };

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  if (ctx.method !== 'POST' || ctx.path !== '/dashboard/config') {
    ctx.status = 404;
    return;
  }
  const config = _.merge({}, DEFAULTS, ctx.request.body);
  ctx.body = { layout: config.layout, widgets: Object.keys(config.widgets) };
});

app.listen(3000);
