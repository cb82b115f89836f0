import Router from '@koa/router';
import Cryo from 'cryo';

export const drafts = new Router();
const store = new Map();

drafts.put('/drafts/:id', (ctx) => {
  const draft = JSON.parse(ctx.request.body.state);
  store.set(Number(ctx.params.id), { title: String(draft.title ?? ''), blocks: Array.isArray(draft.blocks) ? draft.blocks.length : 0 });
  ctx.status = 204;
});
