const express = require('express');
const session = require('express-session');
const { authenticate } = require('./auth');
const { afterLogin } = require('./redirects');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/login', async (req, res) => {
  const user = await authenticate(req.body.username, req.body.password);
  if (!user) return res.status(401).send('Invalid credentials');
  req.session.userId = user.id;
  afterLogin(res, req.body.redirect_to);
});

app.listen(3000);
