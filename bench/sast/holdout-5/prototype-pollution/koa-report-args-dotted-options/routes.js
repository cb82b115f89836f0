import Router from '@koa/router';
import { parseArgs } from './parse-args.js';
import { runReport } from './reports.js';

export const router = new Router();

router.post('/reports/run', async (ctx) => {
  const options = parseArgs(String(ctx.request.body.args ?? ''));
  ctx.body = await runReport(options);
});
