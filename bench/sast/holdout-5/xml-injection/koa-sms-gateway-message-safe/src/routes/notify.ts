import Router from '@koa/router';
import { sendSms } from '../lib/sms-client';

export const notify = new Router();

notify.post('/notify/sms', async (ctx) => {
  const { to, text } = ctx.request.body as { to: string; text: string };
  ctx.body = { id: await sendSms(String(to), String(text)) };
});
