const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/teams/:teamId/members', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users WHERE team_id = $1', [req.params.teamId]);
  res.json(rows); // expect: data-leak
});

app.listen(3000);
