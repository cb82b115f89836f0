const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/teams/:teamId/members', async (req, res) => {
  const { rows } = await pool.query('SELECT id, display_name, avatar_url FROM users WHERE team_id = $1', [req.params.teamId]);
  res.json(rows);
});

app.listen(3000);
