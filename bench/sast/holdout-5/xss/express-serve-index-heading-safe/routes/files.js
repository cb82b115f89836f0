const express = require('express');
const fs = require('fs/promises');
const path = require('path');
const { listingPage } = require('../views/listing');

const ROOT = path.join(__dirname, '..', 'shared');
const router = express.Router();

router.get('/files/*', async (req, res) => {
  const dir = decodeURIComponent(req.path.slice('/files'.length));
  const safeDir = path.join(ROOT, path.normalize(dir).replace(/^(\.\.[/\\])+/, ''));
  const names = await fs.readdir(safeDir).catch(() => []);
  res.send(listingPage(dir, names));
});

module.exports = router;
