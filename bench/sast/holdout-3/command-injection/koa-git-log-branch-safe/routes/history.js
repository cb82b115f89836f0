const { execFileSync } = require('child_process');
const Router = require('@koa/router');

const REPO_DIR = '/srv/repos/site';
const router = new Router();

router.get('/history', (ctx) => {
  const branch = ctx.query.branch || 'main';
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(branch)) ctx.throw(400, 'bad branch name');
  const out = execFileSync('git', ['log', '--oneline', '-n', '20', branch, '--'], { cwd: REPO_DIR, encoding: 'utf8' });
  ctx.type = 'text/plain';
  ctx.body = out;
});

module.exports = router;
