const { execSync } = require('child_process');
const Router = require('@koa/router');

const REPO_DIR = '/srv/repos/site';
const router = new Router();

router.get('/history', (ctx) => {
  const branch = ctx.query.branch || 'main';
  const out = execSync(`git log --oneline -n 20 ${branch}`, { cwd: REPO_DIR, encoding: 'utf8' }); // expect: command-injection
  ctx.type = 'text/plain';
  ctx.body = out;
});

module.exports = router;
