import Koa from 'koa';
import Router from '@koa/router';
import { loadScores } from './scores.mjs';

const app = new Koa();
const router = new Router();

const SORTABLE = new Set(['points', 'wins', 'streak']);

function makeComparator(field, descending) {
  const key = SORTABLE.has(field) ? field : 'points';
  return descending ? (a, b) => b[key] - a[key] : (a, b) => a[key] - b[key];
}

router.get('/leaderboard', async (ctx) => {
  const { sortBy = 'points', order = 'desc' } = ctx.query;
  const rows = await loadScores();
  ctx.body = rows.sort(makeComparator(sortBy, order === 'desc')).slice(0, 100);
});

app.use(router.routes());
app.listen(3000);
