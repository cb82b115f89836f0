const Koa = require('koa');
const Router = require('@koa/router');
const sqlite3 = require('sqlite3');
const { createClient } = require('redis');

const db = new sqlite3.Database('settings.db');
const redis = createClient({ url: process.env.REDIS_URL });
const app = new Koa();
const router = new Router();

function readSetting(key) {
  return new Promise((resolve, reject) => {
    db.get("SELECT value FROM settings WHERE key = '" + key + "'", (err, row) => (err ? reject(err) : resolve(row && row.value))); // expect: sql-injection
  });
}

router.get('/settings/:key', async (ctx) => {
  const { key } = ctx.params;
  let value = await redis.get(`settings:${key}`);
  if (value === null) {
    value = await readSetting(key);
    if (value !== undefined) await redis.set(`settings:${key}`, value, { EX: 60 });
  }
  ctx.body = { key, value: value ?? null };
});

redis.connect().then(() => app.use(router.routes()).listen(3000));
