import express from 'express';
import mysql from 'mysql2/promise';

const db = await mysql.createPool({ host: 'localhost', user: 'shop', database: 'shop' });
const app = express();

app.get('/users/:name/orders', async (req, res) => {
  const { name } = req.params;
  const [orders] = await db.execute('SELECT o.id, o.total FROM orders o JOIN users u ON u.id = o.user_id WHERE u.name = ?', [name]);
  res.json(orders);
});

app.listen(3000);
