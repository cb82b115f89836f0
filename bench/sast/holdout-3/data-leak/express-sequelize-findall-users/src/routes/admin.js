const express = require('express');
const users = require('../services/users');

const router = express.Router();

router.get('/admin/users', async (req, res) => {
  const list = await users.listUsers({ limit: 100 });
  res.json(list); // expect: data-leak
});

module.exports = router;
