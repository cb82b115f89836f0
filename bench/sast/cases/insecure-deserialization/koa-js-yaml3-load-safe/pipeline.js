const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const yaml = require('js-yaml');

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  const pipeline = yaml.safeLoad(ctx.request.body.yaml);
  ctx.body = { stages: Object.keys(pipeline.stages || {}) };
});

app.listen(3000);
