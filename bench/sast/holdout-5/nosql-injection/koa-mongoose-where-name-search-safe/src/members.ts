import Router from '@koa/router';
import mongoose from 'mongoose';
import escapeStringRegexp from 'escape-string-regexp';

const Member = mongoose.model('Member', new mongoose.Schema({ name: String, team: String }));

export const members = new Router();

members.get('/members/search', async (ctx) => {
  const q = String(ctx.query.q ?? '');
  const found = await Member.find({ name: { $regex: escapeStringRegexp(q), $options: 'i' } }).select('name team').limit(20);
  ctx.body = found;
});
