import Router from '@koa/router';
import { readMetadata } from '../services/metadata';

export const idp = new Router();

idp.post('/admin/sso/metadata', async (ctx) => {
  const xml = String(ctx.request.body.metadata ?? '');
  ctx.body = readMetadata(xml);
});
