const express = require('express');
const Handlebars = require('handlebars');

const TEMPLATES = new Map([
  ['welcome', '<p>Hello {{name}}, welcome aboard.</p>'],
  ['reset', '<p>Hi {{name}}, use the link we sent to reset your password.</p>'],
]);

const router = express.Router();

router.post('/emails/preview', (req, res) => {
  const source = TEMPLATES.get(req.body.name) ?? TEMPLATES.get('welcome');
  const render = Handlebars.compile(source);
  res.json({ html: render({ name: 'Sample User' }) });
});

module.exports = router;
