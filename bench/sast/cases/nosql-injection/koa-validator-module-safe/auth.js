const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const bcrypt = require('bcryptjs');
const mongoose = require('mongoose');
const { validateLoginBody } = require('./validation');

const User = mongoose.model('User', new mongoose.Schema({ email: String, passwordHash: String }));
const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  await validateLoginBody(ctx.request.body);
  const { identifier, password } = ctx.request.body;
  const user = await User.findOne({ email: identifier });
  if (!user || !(await bcrypt.compare(String(password), user.passwordHash))) ctx.throw(401, 'invalid credentials');
  ctx.body = { id: user.id };
});

app.listen(3000);
