import Router from '@koa/router';

export const editor = new Router();

editor.post('/editor/restore', async (ctx) => {
  const { state } = ctx.request.body as { state: string };
  const restored = JSON.parse(String(state));
  ctx.body = { title: `${restored.title}`, blocks: Array.isArray(restored.blocks) ? restored.blocks.length : 0 };
});
