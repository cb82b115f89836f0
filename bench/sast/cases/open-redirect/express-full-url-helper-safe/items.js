'use strict';

const express = require('express');
const fullUrl = require('./full-url');

const router = express.Router();
const items = [];

router.post('/', (req, res) => {
  const item = { ...req.body, id: items.length + 1 };
  items.push(item);
  res.setHeader('Access-Control-Expose-Headers', 'Location');
  res.location(`${fullUrl(req)}/${item.id}`);
  res.status(201).json(item);
});

module.exports = router;
