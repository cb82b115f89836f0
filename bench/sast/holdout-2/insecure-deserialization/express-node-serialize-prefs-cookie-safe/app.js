const express = require('express');
const cookieParser = require('cookie-parser');

const app = express();
app.use(cookieParser());
app.use(express.json());

const decode = (text) => JSON.parse(text);
const encode = (prefs) => JSON.stringify(prefs);

app.get('/dashboard/prefs', (req, res) => {
  let prefs = { theme: 'light', widgets: ['inbox'] };
  if (req.cookies.prefs) {
    prefs = decode(Buffer.from(req.cookies.prefs, 'base64').toString('utf8'));
  }
  res.json({ theme: String(prefs.theme), widgets: Array.isArray(prefs.widgets) ? prefs.widgets.map(String) : [] });
});

app.post('/dashboard/prefs', (req, res) => {
  const prefs = { theme: String(req.body.theme || 'light'), widgets: [].concat(req.body.widgets || []).map(String) };
  res.cookie('prefs', Buffer.from(encode(prefs)).toString('base64'), { httpOnly: true, sameSite: 'lax' });
  res.json({ ok: true });
});

app.listen(3000);
