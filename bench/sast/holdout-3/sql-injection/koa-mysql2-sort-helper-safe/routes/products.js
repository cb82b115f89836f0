const Router = require('@koa/router');
const { orderByClause } = require('../lib/sorting');
const db = require('../db');

const router = new Router({ prefix: '/products' });

router.get('/', async (ctx) => {
  const { sort = 'name', dir } = ctx.query;
  const sql = 'SELECT id, name, price FROM products WHERE archived = 0 ' + orderByClause(sort, dir);
  const [rows] = await db.execute(sql);
  ctx.body = rows;
});

module.exports = router;
