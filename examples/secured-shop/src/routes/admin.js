import express from 'express';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { rampart } from '@rampart/guard';
import { config } from '../config.js';
import { db, sql } from '../db.js';

// A backup label: lower-case letters, digits and dashes, so it can only ever name a file in the backup folder.
const BackupBody = z.object({ name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).optional() }).strict();

export function adminRoutes({ web, events, logger }) {
  const router = express.Router();

  function requireAdmin(req, res, next) {
    const user = sql.userById.get(Number(req.auth.userId));
    if (user?.role === 'admin') return next();
    events.emit({ kind: 'auth', practice: 2, rule: 'admin-only', action: 'rejected', severity: 'medium', message: 'admin route refused', userId: req.auth.userId, ip: req.ip, method: req.method, route: req.originalUrl.split('?')[0] });
    res.status(403).json({ error: 'Admins only' });
  }

  router.use(web.requireUser, requireAdmin);

  // Copies the database with SQLite's online backup API: no shell, no command line to inject into.
  router.post('/backup', rampart.validate({ body: BackupBody }), async (req, res) => {
    const file = `${req.body.name ?? `shop-${Date.now()}`}.db`;
    mkdirSync(config.backupDir, { recursive: true, mode: 0o700 });
    await db.backup(join(config.backupDir, file));
    logger.info({ event: 'database-backup', file, userId: Number(req.auth.userId) }, 'database backed up');
    res.status(201).json({ backup: file });
  });

  router.get('/users', (req, res) => {
    res.json(sql.listUsers.all());
  });

  return router;
}
