const express = require('express');

const router = express.Router();

router.post('/lists/:list/items/:id/sort-order', (req, res) => {
  if (req.get('x-csrf-token') !== req.session.csrfToken) {
    console.log('Refusing to reorder ' + JSON.stringify(req.params.list) + ' ' + JSON.stringify(req.params.id) + '; CSRF failure');
    return res.status(403).json({ error: 'invalid csrf token' });
  }
  res.json({ ok: true });
});

module.exports = router;
