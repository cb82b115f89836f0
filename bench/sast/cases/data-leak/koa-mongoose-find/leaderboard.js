const Koa = require('koa');
const Player = require('./player.model');

const app = new Koa();

app.use(async (ctx) => {
  const top = await Player.find().sort({ score: -1 }).limit(10);
  ctx.body = top; // expect: data-leak
});

app.listen(3000);
