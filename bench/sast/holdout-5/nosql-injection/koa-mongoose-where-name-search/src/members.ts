import Router from '@koa/router';
import mongoose from 'mongoose';

const Member = mongoose.model('Member', new mongoose.Schema({ name: String, team: String }));

export const members = new Router();

members.get('/members/search', async (ctx) => {
  const q = String(ctx.query.q ?? '');
  const found = await Member.find({ $where: `this.name.toLowerCase().indexOf('${q.toLowerCase()}') !== -1` }).select('name team').limit(20); // expect: nosql-injection
  ctx.body = found;
});
