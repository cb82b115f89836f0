const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const yaml = require('js-yaml');

const app = new Koa();
const router = new Router();
app.use(bodyParser({ enableTypes: ['text'], extendTypes: { text: ['application/x-yaml', 'text/yaml'] } }));

router.post('/pipelines/validate', async (ctx) => {
  let pipeline;
  try {
    pipeline = yaml.load(ctx.request.body); // expect: insecure-deserialization
  } catch (err) {
    ctx.status = 400;
    ctx.body = { valid: false, error: String(err.message) };
    return;
  }
  const stages = Array.isArray(pipeline && pipeline.stages) ? pipeline.stages : [];
  ctx.body = { valid: stages.length > 0, stages: stages.length };
});

app.use(router.routes());
app.listen(3000);
