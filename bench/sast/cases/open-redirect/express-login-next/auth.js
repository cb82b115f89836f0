const express = require('express');
const { verifyLogin } = require('./users');

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/login', async (req, res) => {
  const user = await verifyLogin(req.body.email, req.body.password);
  if (!user) return res.status(401).json({ error: 'invalid credentials' });
  req.session.userId = user.id;
  res.redirect(req.query.next || '/'); // expect: open-redirect
});

app.listen(3000);
