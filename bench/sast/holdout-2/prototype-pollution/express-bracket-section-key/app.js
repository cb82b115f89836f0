const express = require('express');

const app = express();
const settings = {
  display: { density: 'comfortable', language: 'en' },
  notifications: { email: true, sms: false },
};
const SETTING_KEYS = new Set(['density', 'language', 'email', 'sms']);

app.put('/settings/:section/:key', express.json(), (req, res) => {
  const { section, key } = req.params;
  settings[section][key] = req.body.value; // expect: prototype-pollution
  res.json({ ok: true });
});

app.listen(3000);
