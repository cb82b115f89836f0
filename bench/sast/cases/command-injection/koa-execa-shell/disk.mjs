import Koa from 'koa';
import { execa } from 'execa';

const app = new Koa();

app.use(async (ctx) => {
  if (ctx.path !== '/disk-usage') return;
  const dir = ctx.query.dir || '/srv/uploads';
  const { stdout } = await execa(`du -sh ${dir}`, { shell: true }); // expect: command-injection
  ctx.body = { usage: stdout.split('\t')[0] };
});

app.listen(3000);
