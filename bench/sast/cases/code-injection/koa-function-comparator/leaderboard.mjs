import Koa from 'koa';
import Router from '@koa/router';
import { loadScores } from './scores.mjs';

const app = new Koa();
const router = new Router();

function makeComparator(field, descending) {
  const body = descending ? `return b.${field} - a.${field};` : `return a.${field} - b.${field};`;
  return new Function('a', 'b', body); // expect: code-injection
}

router.get('/leaderboard', async (ctx) => {
  const { sortBy = 'points', order = 'desc' } = ctx.query;
  const rows = await loadScores();
  ctx.body = rows.sort(makeComparator(sortBy, order === 'desc')).slice(0, 100);
});

app.use(router.routes());
app.listen(3000);
