import type { Middleware } from 'koa';
import { pool } from '../db';

export const loadUser: Middleware = async (ctx, next) => {
  const id = ctx.session?.userId;
  if (!id) ctx.throw(401);
  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);
  ctx.state.user = rows[0];
  await next();
};
