const express = require('express');
const { db } = require('../db');
const { requireLogin } = require('../sessions');

const router = express.Router();

router.get('/', (req, res) => {
  const events = db.prepare('SELECT id, title, starts_at, location FROM events ORDER BY starts_at').all();
  res.json(events);
});

// Who is coming: shown on the event page, so only what the page shows (the name).
router.get('/:id/attendees', (req, res) => {
  const rows = db
    .prepare('SELECT users.name FROM users JOIN registrations ON registrations.user_id = users.id WHERE registrations.event_id = ?')
    .all(req.params.id);
  res.json(rows.map((row) => ({ name: row.name })));
});

router.post('/:id/register', requireLogin, (req, res) => {
  const event = db.prepare('SELECT id FROM events WHERE id = ?').get(req.params.id);
  if (!event) {
    return res.status(404).json({ error: 'Event not found' });
  }
  db.prepare('INSERT OR IGNORE INTO registrations (event_id, user_id) VALUES (?, ?)').run(event.id, req.user.userId);
  res.status(201).json({ ok: true });
});

module.exports = router;
