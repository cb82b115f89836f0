const express = require('express');
const fs = require('node:fs');
const path = require('node:path');
const config = require('../config');
const { db } = require('../db');
const logger = require('../logger');
const { requireLogin, requireAdmin } = require('../sessions');

const router = express.Router();
const BACKUP_DIR = path.resolve(__dirname, '..', '..', config.database.backupDir);
fs.mkdirSync(BACKUP_DIR, { recursive: true });

router.use(requireLogin, requireAdmin);

// SQLite's online backup gives a consistent copy; the server picks the file name.
router.post('/backup', async (req, res, next) => {
  try {
    const name = `shop-${new Date().toISOString().replace(/[:.]/g, '-')}.db`;
    await db.backup(path.join(BACKUP_DIR, name));
    logger.info({ event: 'backup_created', userId: req.user.userId, backup: name }, 'database backup created');
    res.status(201).json({ backup: name });
  } catch (err) {
    next(err);
  }
});

router.get('/users', (req, res) => {
  const users = db.prepare('SELECT id, email, name, role, created_at FROM users ORDER BY id').all();
  res.json(users);
});

module.exports = router;
