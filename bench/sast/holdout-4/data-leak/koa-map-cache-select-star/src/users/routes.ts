import Router from '@koa/router';
import { Pool } from 'pg';
import { UserCache } from './user-cache';

const cache = new UserCache(new Pool());

export const users = new Router();

users.get('/users/:id', async (ctx) => {
  const user = await cache.get(Number(ctx.params.id));
  if (!user) ctx.throw(404);
  ctx.body = user; // expect: data-leak
});
