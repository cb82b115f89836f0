import Router from '@koa/router';
import Cryo from 'cryo';

export const editor = new Router();

editor.post('/editor/restore', async (ctx) => {
  const { state } = ctx.request.body as { state: string };
  const restored = Cryo.parse(String(state)); // expect: insecure-deserialization
  ctx.body = { title: `${restored.title}`, blocks: Array.isArray(restored.blocks) ? restored.blocks.length : 0 };
});
