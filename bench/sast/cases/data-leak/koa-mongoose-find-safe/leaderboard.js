const Koa = require('koa');
const Player = require('./player.model');

const app = new Koa();

app.use(async (ctx) => {
  const top = await Player.find().select('name score -_id').sort({ score: -1 }).limit(10);
  ctx.body = top;
});

app.listen(3000);
