import Router from '@koa/router';
import { renderWidget } from '../services/widget-renderer';

export const widgets = new Router();

widgets.post('/widgets/preview', async (ctx) => {
  const { template, data } = ctx.request.body as { template: string; data: Record<string, unknown> };
  ctx.body = { html: renderWidget(String(template), data ?? {}) };
});
