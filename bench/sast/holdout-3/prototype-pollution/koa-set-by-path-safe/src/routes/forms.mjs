import Router from '@koa/router';
import { setPath } from '../lib/set-path.mjs';

const drafts = new Map();
export const formsRouter = new Router({ prefix: '/forms' });

formsRouter.post('/:id/field', async (ctx) => {
  const { path, value } = ctx.request.body;
  const draft = drafts.get(ctx.params.id) ?? {};
  setPath(draft, String(path), value);
  drafts.set(ctx.params.id, draft);
  ctx.body = { ok: true };
});
