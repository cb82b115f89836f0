const express = require('express');
const db = require('../db');
const { requireLogin } = require('../sessions');

const router = express.Router();

router.get('/', (req, res) => {
  const events = db.prepare('SELECT * FROM events ORDER BY starts_at').all();
  res.json(events);
});

// Who is coming: shown on the event page.
router.get('/:id/attendees', (req, res) => {
  const rows = db
    .prepare('SELECT * FROM users JOIN registrations ON registrations.user_id = users.id WHERE registrations.event_id = ?')
    .all(req.params.id);
  res.json(rows);
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
