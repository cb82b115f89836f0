import Router from '@koa/router';
import Cryo from 'cryo';

export const drafts = new Router();
const store = new Map();

drafts.put('/drafts/:id', (ctx) => {
  const draft = Cryo.parse(ctx.request.body.state); // expect: insecure-deserialization
  store.set(Number(ctx.params.id), { title: String(draft.title ?? ''), blocks: Array.isArray(draft.blocks) ? draft.blocks.length : 0 });
  ctx.status = 204;
});
