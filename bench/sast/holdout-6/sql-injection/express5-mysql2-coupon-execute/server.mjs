import express from 'express';
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
const app = express();
app.use(express.json());

app.post('/coupons/check', async (req, res) => {
  const code = String(req.body.code ?? '');
  const [rows] = await pool.execute(`SELECT id, percent_off FROM coupons WHERE code = '${code}' AND active = 1`); // expect: sql-injection
  res.json({ valid: rows.length > 0, coupon: rows[0] ?? null });
});

app.listen(3000);
