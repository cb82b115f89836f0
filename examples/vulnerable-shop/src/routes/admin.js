const express = require('express');
const path = require('path');
const { exec } = require('child_process');
const db = require('../db');
const config = require('../../config/default.json');
const { requireLogin, requireAdmin } = require('../sessions');

const router = express.Router();
const BACKUP_DIR = process.env.BACKUP_DIR || path.join(__dirname, '..', '..', config.database.backupDir);

router.use(requireLogin, requireAdmin);

// Copies the database file so the admin can download it before risky changes.
router.post('/backup', (req, res) => {
  const name = req.body.name || 'shop-' + Date.now();
  exec(`mkdir -p ${BACKUP_DIR} && cp ${db.name} ${BACKUP_DIR}/${name}.db`, (err) => {
    if (err) {
      return res.status(500).send(err);
    }
    res.json({ backup: name + '.db' });
  });
});

router.get('/users', (req, res) => {
  const users = db.prepare('SELECT id, email, name, role, created_at FROM users ORDER BY id').all();
  res.json(users);
});

module.exports = router;
