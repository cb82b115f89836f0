import Koa from 'koa';
import Router from '@koa/router';
import mysql from 'mysql2/promise';
import { buildWhere } from './where.js';

const pool = mysql.createPool({ host: 'db', user: 'app', database: 'crm' });
const app = new Koa();
const router = new Router();

router.get('/contacts', async (ctx) => {
  const { sql, values } = buildWhere(ctx.query);
  const [rows] = await pool.query(`SELECT id, name, city FROM contacts ${sql} LIMIT 100`, values); // expect: sql-injection
  ctx.body = rows;
});

app.use(router.routes());
app.listen(3000);
