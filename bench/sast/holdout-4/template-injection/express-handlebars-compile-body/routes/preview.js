const express = require('express');
const Handlebars = require('handlebars');

const TEMPLATES = new Map([
  ['welcome', '<p>Hello {{name}}, welcome aboard.</p>'],
  ['reset', '<p>Hi {{name}}, use the link we sent to reset your password.</p>'],
]);

const router = express.Router();

router.post('/emails/preview', (req, res) => {
  const source = req.body.template;
  const render = Handlebars.compile(source); // expect: template-injection
  res.json({ html: render({ name: 'Sample User' }) });
});

module.exports = router;
