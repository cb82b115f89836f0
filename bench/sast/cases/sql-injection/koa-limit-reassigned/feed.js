const Koa = require('koa');
const Database = require('better-sqlite3');

const db = new Database('feed.db');
const app = new Koa();

app.use(async (ctx) => {
  let limit = ctx.query.limit;
  limit = limit || 20;
  ctx.body = db.prepare('SELECT id, title FROM posts ORDER BY id DESC LIMIT ' + limit).all(); // expect: sql-injection
});

app.listen(3000);
