const express = require('express');
const { verifyLogin } = require('./users');

const app = express();
app.use(express.urlencoded({ extended: false }));
const ORIGIN = 'https://shop.example';

app.post('/login', async (req, res) => {
  const user = await verifyLogin(req.body.email, req.body.password);
  if (!user) return res.status(401).json({ error: 'invalid credentials' });
  req.session.userId = user.id;
  const target = new URL(String(req.query.next || '/'), ORIGIN);
  res.redirect(target.origin === ORIGIN ? target.href : '/');
});

app.listen(3000);
