import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'sql-injection',
    title: "Request input reaches SQL text",
    practice: 1,
    cwe: 'CWE-89',
    severity: 'critical',
    confidence: 'high',
    description:
      "A value from the request is concatenated or interpolated into the text of a SQL query (pg, mysql, mysql2, sqlite3, better-sqlite3, Sequelize, Knex raw, TypeORM, Prisma $queryRawUnsafe, Drizzle sql.raw). An attacker can close the string and append their own SQL: read any table, bypass a login, or change data.",
    fix: "Pass input as a parameter: placeholders ($1, ?) with a values array, a tagged template (sql`... ${id}`, Prisma $queryRaw`...`), or the query builder's value arguments. Never build SQL text from input.",
  },
  {
    valid: [
      "app.get('/u', async (req, res) => {\n  const r = await db.query('SELECT name FROM users WHERE id = $1', [req.query.id]);\n  res.json(r.rows.map((u) => u.name));\n});",
      "app.get('/u', async (req, res) => {\n  const id = parseInt(req.params.id, 10);\n  await pool.query('DELETE FROM carts WHERE id = ' + id);\n  res.end();\n});",
      "app.get('/u', async (req, res) => {\n  await prisma.$queryRaw`SELECT * FROM items WHERE name = ${req.query.name}`;\n  res.end();\n});",
    ],
    invalid: [
      "app.get('/u', async (req, res) => {\n  const r = await db.query(\"SELECT name FROM users WHERE id = '\" + req.query.id + \"'\");\n  res.json(r.rows.map((u) => u.name));\n});",
      "function byName(name) {\n  return pool.query(`SELECT id FROM users WHERE name = '${name}'`);\n}\napp.post('/find', (req, res) => byName(req.body.name).then(() => res.end()));",
      "router.get('/sort', async (ctx) => {\n  await knex('items').orderByRaw(ctx.query.order);\n});",
    ],
  },
);
