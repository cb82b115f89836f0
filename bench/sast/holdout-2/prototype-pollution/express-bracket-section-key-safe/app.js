const express = require('express');

const app = express();
const settings = {
  display: { density: 'comfortable', language: 'en' },
  notifications: { email: true, sms: false },
};
const SETTING_KEYS = new Set(['density', 'language', 'email', 'sms']);

app.put('/settings/:section/:key', express.json(), (req, res) => {
  const { section, key } = req.params;
  if (!Object.hasOwn(settings, section) || !SETTING_KEYS.has(key)) {
    return res.status(404).json({ error: 'unknown setting' });
  }
  settings[section][key] = req.body.value;
  res.json({ ok: true });
});

app.listen(3000);
